package org.rnnlab.api.loss;

import ai.djl.ndarray.NDArray;

/** A configured loss term. */
@FunctionalInterface
public interface LossFunction {

  /**
   * Computes the term inside the trainer's gradient collector.
   *
   * <p>Use only array operations on arrays owned by the result's manager; create constants with
   * {@code result.outputs().getManager().create(…)} rather than passing Java numbers to operations.
   *
   * @return a scalar (shape {@code []}) array
   * @throws IllegalArgumentException if the result lacks what this loss needs (for example class
   *     targets for cross-entropy)
   */
  NDArray compute(ForwardResult result);
}
