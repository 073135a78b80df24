package org.rnnlab.api.task;

import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;

/**
 * A task whose next observation depends on the network's output: a plant, an arm, an agent.
 *
 * <p>The environment runs on tensors so that the loss can be back-propagated through its dynamics.
 * The core drives it like this, inside one gradient collector:
 *
 * <pre>{@code
 * episode = task.reset(batch, random, manager)
 * h = network.initialState(batch)
 * for t in 0 .. episodeSteps-1:
 *     h = network.step(h, episode.observation())
 *     episode.step(network.readout(h))
 * loss = losses(episode.result())
 * }</pre>
 */
public non-sealed interface ClosedLoopTask extends TaskInstance {

  /** Number of steps in one episode. */
  int episodeSteps();

  /**
   * Starts a batch of episodes.
   *
   * @param batchSize number of independent episodes
   * @param random the run's task stream (targets, initial states, noise of the environment)
   * @param manager owns every array of the episode; it stays open until after the backward pass, so
   *     scalars the dynamics need must be created with it ({@code manager.create(0.02f)}), never
   *     passed as Java numbers to array operations (which frees them too early under autograd)
   */
  ClosedLoopEpisode reset(int batchSize, RandomGenerator random, NDManager manager);
}
