package org.rnnlab.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rnnlab.core.training.TrainingListener;

/** A progress bar with the loss and the ETA, on standard error. */
final class ConsoleProgress implements TrainingListener {

  private final PrintWriter err;
  private ProgressBar bar;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(int firstStep, int totalSteps) {
    java.io.PrintStream stream =
        new java.io.PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                err.write(b);
              }

              @Override
              public void flush() {
                err.flush();
              }
            },
            true);
    bar =
        new ProgressBarBuilder()
            .setTaskName("train")
            .setInitialMax(totalSteps)
            .startsFrom(firstStep, java.time.Duration.ZERO)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .setConsumer(new ConsoleProgressBarConsumer(stream))
            .build();
  }

  @Override
  public void stepFinished(int step, float loss) {
    bar.stepTo(step);
    bar.setExtraMessage(formatLoss(loss));
  }

  /**
   * The loss to 4 significant digits, so that a small loss (a flip-flop network reaches 1e-5) does
   * not show as 0.0000.
   */
  static String formatLoss(float loss) {
    return String.format(java.util.Locale.ROOT, "loss %.4g", loss);
  }

  @Override
  public void finished() {
    if (bar != null) {
      bar.close();
    }
  }
}
