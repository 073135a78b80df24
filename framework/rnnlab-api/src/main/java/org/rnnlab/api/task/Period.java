package org.rnnlab.api.task;

/**
 * A named epoch of a trial, in time steps.
 *
 * @param name for example {@code fixation}, {@code stimulus}, {@code decision}
 * @param startStep first step of the period (inclusive)
 * @param endStep first step after the period (exclusive); equal to {@code startStep} for a period
 *     of zero duration
 */
public record Period(String name, int startStep, int endStep) {
  public Period {
    if (startStep < 0 || endStep < startStep) {
      throw new IllegalArgumentException(
          "period '" + name + "' has steps [" + startStep + ", " + endStep + ")");
    }
  }

  public int steps() {
    return endStep - startStep;
  }
}
