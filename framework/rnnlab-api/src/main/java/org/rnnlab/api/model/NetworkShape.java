package org.rnnlab.api.model;

/**
 * What the task dictates about a network.
 *
 * @param inputSize number of input channels
 * @param outputSize number of output channels (or classes)
 * @param dtMs the task's time step in milliseconds, from which leaky models derive {@code α = dt/τ}
 */
public record NetworkShape(int inputSize, int outputSize, double dtMs) {
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
  }
}
