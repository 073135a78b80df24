package org.rnnlab.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.rnnlab.api.task.Trial;

/**
 * A batch of sequences in flat, batch-major Java arrays, before it becomes tensors.
 *
 * @param batchSize sequences
 * @param steps time steps per sequence (after padding)
 * @param inputSize input channels
 * @param outputSize output channels (continuous targets) or classes
 * @param inputs {@code [batch * steps * inputSize]}
 * @param targets {@code [batch * steps * outputSize]}, or null for class targets
 * @param classTargets {@code [batch * steps]}, or null for continuous targets
 * @param mask {@code [batch * steps]}: the trials' own mask, 0 on padding
 * @param lengths real length of each sequence (equal to {@code steps} for stream batches)
 * @param trials the trials in a trial-aligned batch (one per row), empty for stream batches
 * @param periods {@code [batch * steps]}: the index in {@code periodNames} of the period each step
 *     belongs to, {@code -1} for none (padding); null if unknown
 * @param periodNames the periods of the trials in this batch, in the order first met
 * @param initialConditionSize the length of each trial's initial condition, 0 if the trials give
 *     none
 * @param initialConditions {@code [batch * initialConditionSize]}, one trial's initial condition
 *     per row (trial-aligned batches only), or null when the trials give none
 */
public record Batch(
    int batchSize,
    int steps,
    int inputSize,
    int outputSize,
    float[] inputs,
    float[] targets,
    long[] classTargets,
    float[] mask,
    int[] lengths,
    List<Trial> trials,
    int[] periods,
    List<String> periodNames,
    int initialConditionSize,
    float[] initialConditions) {

  /**
   * Normalises missing period names to the empty list.
   *
   * @throws IllegalArgumentException if the initial conditions do not fill {@code [batchSize,
   *     initialConditionSize]}, or are given with size 0
   */
  public Batch {
    periodNames = periodNames == null ? List.of() : List.copyOf(periodNames);
    if ((initialConditions == null) != (initialConditionSize == 0)
        || (initialConditions != null
            && initialConditions.length != batchSize * initialConditionSize)) {
      throw new IllegalArgumentException(
          "initial conditions must fill [" + batchSize + ", " + initialConditionSize + "]");
    }
  }

  /** Inputs as {@code [batch, steps, inputSize]}. */
  public NDArray inputsArray(NDManager manager) {
    return manager.create(inputs, new Shape(batchSize, steps, inputSize));
  }

  /** Continuous targets as {@code [batch, steps, outputSize]}, or null. */
  public NDArray targetsArray(NDManager manager) {
    return targets == null
        ? null
        : manager.create(targets, new Shape(batchSize, steps, outputSize));
  }

  /** Class targets as int64 {@code [batch, steps]}, or null. */
  public NDArray classTargetsArray(NDManager manager) {
    return classTargets == null ? null : manager.create(classTargets, new Shape(batchSize, steps));
  }

  /** Period indices as int32 {@code [batch, steps]}, or null without period labels. */
  public NDArray periodsArray(NDManager manager) {
    return periods == null ? null : manager.create(periods, new Shape(batchSize, steps));
  }

  /** Initial conditions as {@code [batch, initialConditionSize]}, or null if there are none. */
  public NDArray initialConditionsArray(NDManager manager) {
    return initialConditions == null
        ? null
        : manager.create(initialConditions, new Shape(batchSize, initialConditionSize));
  }

  /** Mask as {@code [batch, steps]}. */
  public NDArray maskArray(NDManager manager) {
    return manager.create(mask, new Shape(batchSize, steps));
  }
}
