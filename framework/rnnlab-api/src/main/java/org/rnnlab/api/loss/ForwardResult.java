package org.rnnlab.api.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Everything a loss may look at after one forward pass of a batch.
 *
 * @param outputs network readout, {@code [batch, steps, outputSize]}
 * @param hidden hidden states, {@code [batch, steps, hiddenSize]}
 * @param controlled what continuous targets are compared with: the outputs for open-loop tasks, the
 *     environment's controlled variable for closed-loop tasks ({@code [batch, steps, dims]})
 * @param targets continuous targets {@code [batch, steps, dims]}, or null for class targets
 * @param classTargets class indices {@code [batch, steps]} (int64), or null for continuous targets
 * @param mask loss weight per step, {@code [batch, steps]}; zero on padding
 * @param parameters the network's parameters by name as its dynamics use them, for regularisers:
 *     {@code RecurrentNetwork.effectiveParameters}, which are the trainable parameters themselves
 *     unless the network constrains its connectivity (then, for example, a masked weight is 0
 *     here); gradients flow back to the trainable parameters
 * @param outputWeights constant factors per output channel, {@code [dims]}, or null for equal
 *     weights (see {@code OpenLoopTask.outputWeights()})
 */
public record ForwardResult(
    NDArray outputs,
    NDArray hidden,
    NDArray controlled,
    NDArray targets,
    NDArray classTargets,
    NDArray mask,
    Map<String, NDArray> parameters,
    NDArray outputWeights) {

  /** A result whose output channels are weighed equally. */
  public ForwardResult(
      NDArray outputs,
      NDArray hidden,
      NDArray controlled,
      NDArray targets,
      NDArray classTargets,
      NDArray mask,
      Map<String, NDArray> parameters) {
    this(outputs, hidden, controlled, targets, classTargets, mask, parameters, null);
  }
}
