package org.rnnlab.api.model;

/**
 * What the task dictates about a network.
 *
 * @param inputSize number of input channels
 * @param outputSize number of output channels (or classes)
 * @param dtMs the task's time step in milliseconds, from which leaky models derive {@code α = dt/τ}
 * @param initialConditionSize the length of the initial condition each trial gives (the task's
 *     {@code OpenLoopTask.initialConditionSize()}), which a model's encoder maps to the initial
 *     state; 0 when the task gives none (always for closed-loop tasks)
 */
public record NetworkShape(int inputSize, int outputSize, double dtMs, int initialConditionSize) {

  /**
   * @throws IllegalArgumentException if a size is below 1, dt is not positive, or the initial
   *     condition size is negative
   */
  public NetworkShape {
    if (inputSize < 1 || outputSize < 1 || !(dtMs > 0)) {
      throw new IllegalArgumentException(
          "network shape needs positive sizes and dt, got "
              + inputSize
              + ", "
              + outputSize
              + ", "
              + dtMs);
    }
    if (initialConditionSize < 0) {
      throw new IllegalArgumentException(
          "initialConditionSize must be >= 0 (0: no initial condition), got "
              + initialConditionSize);
    }
  }

  /**
   * The shape of a task whose trials give no initial condition.
   *
   * @throws IllegalArgumentException if a size is below 1 or dt is not positive
   */
  public NetworkShape(int inputSize, int outputSize, double dtMs) {
    this(inputSize, outputSize, dtMs, 0);
  }
}
