package org.rnnlab.core.experiment;

/**
 * A run folder given on the command line cannot be used as asked: it is not a run folder, the run
 * has not finished, it has no checkpoint, two runs' tasks differ, or an output folder would be
 * overwritten. The message names the folder and what would be valid; the command line exits with
 * code 2.
 */
public final class RunInputException extends RuntimeException {
  public RunInputException(String message) {
    super(message);
  }
}
