package org.rnnlab.core.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One or more analyses (or comparisons) failed after everything else was written. Each failed one
 * left {@code error.txt} in its own output folder.
 */
public final class AnalysisFailedException extends RuntimeException {

  /**
   * @param folder the run or comparison folder
   * @param failures one {@code "<id>: <message>"} per failure, as {@link #record} returns
   */
  public AnalysisFailedException(Path folder, List<String> failures) {
    super(
        failures.size()
            + " analysis(es) failed in "
            + folder
            + ": "
            + String.join("; ", failures)
            + " (each failed one left error.txt in its output folder)");
  }

  /**
   * Writes {@code failure}'s stack trace to {@code outputFolder/error.txt}.
   *
   * @return {@code "<id>: <message>"}, for the exception's message
   * @throws IOException if error.txt cannot be written
   */
  public static String record(String id, Exception failure, Path outputFolder) throws IOException {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    Files.writeString(outputFolder.resolve("error.txt"), trace.toString());
    return id + ": " + failure.getMessage();
  }
}
