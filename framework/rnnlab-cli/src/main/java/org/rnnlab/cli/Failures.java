package org.rnnlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.core.experiment.AnalysisFailedException;
import org.rnnlab.core.experiment.RunInputException;
import org.rnnlab.core.plugins.DuplicateComponentException;
import org.rnnlab.core.training.TrainingDivergedException;
import picocli.CommandLine;

/**
 * Turns failures into one clear message on standard error and an exit code, never a bare stack
 * trace. Unexpected exceptions still print their trace after the message, since they are bugs.
 */
public final class Failures implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    var err = cli.getErr();
    if (e instanceof SpecException
        || e instanceof DuplicateComponentException
        || e instanceof UsageException
        || e instanceof RunInputException) {
      err.println("error: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    if (e instanceof TrainingDivergedException || e instanceof AnalysisFailedException) {
      err.println("error: " + e.getMessage());
      return Main.RUN_FAILED;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      err.println("error: " + e.getMessage());
      return Main.RUN_FAILED;
    }
    if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
      err.println("error: " + e.getMessage());
      return Main.RUN_FAILED;
    }
    err.println("error: unexpected " + e.getClass().getName() + ": " + e.getMessage());
    e.printStackTrace(err);
    return Main.RUN_FAILED;
  }

  /** Wrong use of a command that picocli cannot detect by itself (exit code 2). */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }
}
