package org.rnnlab.api.spec;

/**
 * An experiment script or override is wrong. The message is meant for the user as it is: it names
 * the file, line or path, the bad value and what would be valid.
 */
public class SpecException extends RuntimeException {

  private final transient SourceLocation location;

  public SpecException(SourceLocation location, String message) {
    super(location == null ? message : location + ": " + message);
    this.location = location;
  }

  public SpecException(SourceLocation location, String message, Throwable cause) {
    super(location == null ? message : location + ": " + message, cause);
    this.location = location;
  }

  /** Where the problem is, or null when it concerns the experiment as a whole. */
  public SourceLocation location() {
    return location;
  }
}
