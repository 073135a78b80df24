package org.rnnlab.api.loss;

import ai.djl.ndarray.NDArray;
import java.util.List;
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
 * @param periods the trial period each step belongs to, {@code [batch, steps]} (int32): an index
 *     into {@code periodNames}, or {@code -1} for a step in no period (padding after a trial, or a
 *     step a trial leaves outside its periods); null when the task has no periods (closed-loop
 *     tasks). Where a trial's periods overlap, a step belongs to the last of them in the trial's
 *     list. Streams label every step with the period of the trial it came from, also when the trial
 *     straddles two batches.
 * @param periodNames the names {@code periods} indexes: the periods of the trials this batch's
 *     steps come from, in the order first met (row by row); the list may differ between batches, so
 *     losses look names up rather than keeping indices. Empty when {@code periods} is null.
 */
public record ForwardResult(
    NDArray outputs,
    NDArray hidden,
    NDArray controlled,
    NDArray targets,
    NDArray classTargets,
    NDArray mask,
    Map<String, NDArray> parameters,
    NDArray outputWeights,
    NDArray periods,
    List<String> periodNames) {

  /** Normalises a missing list of period names to the empty list. */
  public ForwardResult {
    periodNames = periodNames == null ? List.of() : List.copyOf(periodNames);
  }

  /** A result without period labels. */
  public ForwardResult(
      NDArray outputs,
      NDArray hidden,
      NDArray controlled,
      NDArray targets,
      NDArray classTargets,
      NDArray mask,
      Map<String, NDArray> parameters,
      NDArray outputWeights) {
    this(
        outputs,
        hidden,
        controlled,
        targets,
        classTargets,
        mask,
        parameters,
        outputWeights,
        null,
        List.of());
  }

  /** A result whose output channels are weighed equally, without period labels. */
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
