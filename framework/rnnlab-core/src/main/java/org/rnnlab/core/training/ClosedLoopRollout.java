package org.rnnlab.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.task.ClosedLoopEpisode;
import org.rnnlab.api.task.ClosedLoopResult;
import org.rnnlab.api.task.ClosedLoopTask;

/**
 * One batch of closed-loop episodes with the network in the loop: observe, update the state, read
 * out, act; for every step of the episode. Differentiable when run inside a gradient collector, so
 * training and evaluation share it.
 *
 * @param observations what the network saw, {@code [batch, steps, inputs]}
 * @param outputs its readout (the actions), {@code [batch, steps, outputs]}
 * @param hidden its states, {@code [batch, steps, hidden]}
 * @param result the environment's controlled variable, targets and mask
 */
public record ClosedLoopRollout(
    NDArray observations, NDArray outputs, NDArray hidden, ClosedLoopResult result) {

  /**
   * Runs the episodes.
   *
   * @param random the environment's stream for this batch
   * @param manager owns every array of the rollout
   */
  public static ClosedLoopRollout run(
      ClosedLoopTask task,
      RecurrentNetwork network,
      int batchSize,
      RandomGenerator random,
      Noise noise,
      NDManager manager) {
    ClosedLoopEpisode episode = task.reset(batchSize, random, manager);
    NDArray h = network.initialState(batchSize, manager, noise);
    NDList observations = new NDList();
    NDList outputs = new NDList();
    NDList hidden = new NDList();
    for (int t = 0; t < task.episodeSteps(); t++) {
      NDArray observation = episode.observation();
      h = network.step(h, observation, noise);
      NDArray y = network.readout(h);
      episode.step(y);
      observations.add(observation);
      outputs.add(y);
      hidden.add(h);
    }
    return new ClosedLoopRollout(
        NDArrays.stack(observations, 1),
        NDArrays.stack(outputs, 1),
        NDArrays.stack(hidden, 1),
        episode.result());
  }
}
