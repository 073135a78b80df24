package org.rnnlab.core.training;

/**
 * The loss or a gradient became NaN or infinite. The step was not applied; the parameters and the
 * checkpoints written so far are the last good ones.
 */
public final class TrainingDivergedException extends RuntimeException {

  private final int step;

  public TrainingDivergedException(int step, String message) {
    super(message);
    this.step = step;
  }

  /** The 1-based step whose loss or gradients were not finite. */
  public int step() {
    return step;
  }
}
