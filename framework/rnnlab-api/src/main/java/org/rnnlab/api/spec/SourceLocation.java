package org.rnnlab.api.spec;

/**
 * Where a value of an experiment came from, so that errors can point at it.
 *
 * @param source a file name, or {@code --set} for command-line overrides
 * @param line 1-based line in that file, or 0 when unknown
 * @param path the value's path in the spec, such as {@code task.timing.stimulus} or {@code
 *     analyses[0].trials}
 */
public record SourceLocation(String source, int line, String path) {

  /** A location known only by its path. */
  public static SourceLocation ofPath(String source, String path) {
    return new SourceLocation(source, 0, path);
  }

  /** Returns the same location for another path (a value nested in this one). */
  public SourceLocation at(String otherPath) {
    return new SourceLocation(source, line, otherPath);
  }

  /** For example {@code pdm.yaml:5 (task.dt)}. */
  @Override
  public String toString() {
    String where = line > 0 ? source + ":" + line : source;
    return path == null || path.isEmpty() ? where : where + " (" + path + ")";
  }
}
