package org.rnnlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.rnnlab.core.training.TrainingListener;

/**
 * Training progress as plain lines, for a log file or a batch job's output, where a progress bar's
 * carriage returns would pile up as one unreadable line.
 *
 * <p>It writes a line when training starts, then at most one line per {@code interval} (the first
 * step to finish after the interval has passed writes it), and a last line when training ends. Each
 * progress line gives the step, the mean loss over the steps since the previous line, the time
 * spent in this invocation and an estimate of the time left from this invocation's pace (a resumed
 * run's earlier legs do not count).
 */
final class LogProgress implements TrainingListener {

  private final PrintWriter err;
  private final long intervalNanos;
  private final LongSupplier nanoClock;

  private int totalSteps;
  private int firstStep;
  private long startNanos;
  private long lastLineNanos;
  private int lastStep;
  private double lossSum;
  private int lossCount;

  /**
   * @param err where the lines go
   * @param interval the least time between two progress lines
   * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime} outside tests)
   */
  LogProgress(PrintWriter err, Duration interval, LongSupplier nanoClock) {
    this.err = err;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  @Override
  public void started(int firstStep, int totalSteps) {
    this.firstStep = firstStep;
    this.totalSteps = totalSteps;
    this.lastStep = firstStep;
    this.startNanos = nanoClock.getAsLong();
    this.lastLineNanos = startNanos;
    err.printf(
        Locale.ROOT,
        "train %s %,d steps%n",
        firstStep == 0
            ? "starts:"
            : String.format(Locale.ROOT, "resumes at step %,d of", firstStep),
        totalSteps);
    err.flush();
  }

  @Override
  public void stepFinished(int step, float loss) {
    lastStep = step;
    lossSum += loss;
    lossCount++;
    long now = nanoClock.getAsLong();
    if (now - lastLineNanos >= intervalNanos) {
      writeLine(now);
    }
  }

  @Override
  public void finished() {
    if (lossCount > 0) {
      writeLine(nanoClock.getAsLong());
    }
  }

  private void writeLine(long now) {
    long elapsedNanos = now - startNanos;
    int stepsDone = lastStep - firstStep;
    StringBuilder line = new StringBuilder();
    line.append(
        String.format(
            Locale.ROOT,
            "train step %,d/%,d (%.1f%%)  mean loss %.4g over %,d steps  elapsed %s",
            lastStep,
            totalSteps,
            100.0 * lastStep / totalSteps,
            lossSum / lossCount,
            lossCount,
            clock(elapsedNanos)));
    if (stepsDone > 0 && lastStep < totalSteps) {
      long leftNanos = (long) ((double) elapsedNanos / stepsDone * (totalSteps - lastStep));
      line.append("  about ").append(clock(leftNanos)).append(" left");
    }
    err.println(line);
    err.flush();
    lastLineNanos = now;
    lossSum = 0;
    lossCount = 0;
  }

  /** A duration as {@code H:MM:SS}. */
  static String clock(long nanos) {
    long seconds = Math.round(nanos / 1e9);
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}
