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

  /**
   * Checks, before training, that this term can work with the run's task and model: for example
   * that the periods it weighs exist or that the parameters it penalises are there. The core calls
   * it while checking the experiment and again, on the very function it trains with, before the
   * first step, so a function may keep what it resolves here (for example class indices by output
   * name); the default accepts everything.
   *
   * @throws IllegalArgumentException naming the offending parameter and what would be valid
   */
  default void check(LossContext context) {}
}
