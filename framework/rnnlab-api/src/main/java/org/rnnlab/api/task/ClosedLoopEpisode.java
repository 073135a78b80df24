package org.rnnlab.api.task;

import ai.djl.ndarray.NDArray;

/** A running batch of closed-loop episodes; see {@link ClosedLoopTask}. */
public interface ClosedLoopEpisode {

  /** What the network sees now, {@code [batch, inputChannels]}. */
  NDArray observation();

  /**
   * Advances the environment by one step with differentiable operations.
   *
   * @param action the network's output this step, {@code [batch, outputChannels]}
   */
  void step(NDArray action);

  /** What the loss compares, once every step has been taken. */
  ClosedLoopResult result();
}
