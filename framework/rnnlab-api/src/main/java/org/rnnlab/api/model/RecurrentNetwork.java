package org.rnnlab.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;

/**
 * A recurrent network configured for one run: its trainable parameters, its sequence forward pass
 * and its one-step update {@code h' = F(h, x)}.
 *
 * <p>Analyses such as fixed-point search and Jacobians use {@link #step} and {@link #readout}, so
 * {@link #forward} must compute exactly what repeated {@code step} calls compute (it may be
 * faster).
 *
 * <p>Arrays are batch-major: inputs {@code [batch, steps, inputSize]}, states {@code [batch,
 * hiddenSize]}. Inside a gradient collector, implementations must not pass Java numbers to array
 * operations (DJL frees such scalars before the backward pass reads them): create constants once,
 * as arrays owned by the network's manager.
 */
public interface RecurrentNetwork {

  int hiddenSize();

  /**
   * The trainable parameters by stable name (checkpoints are keyed by these names). The arrays are
   * owned by the network and have gradients attached; the trainer updates them in place.
   */
  Map<String, NDArray> parameters();

  /**
   * The arrays the dynamics actually use, by the names of {@link #parameters()}: a network with
   * connectivity constraints (Dale's law, connectivity masks, frozen entries) computes its weight
   * matrices from its parameters, and this is the place to read the result. Analyses that look at
   * connectivity, and anyone reading trained weights, should use these rather than the raw
   * parameters.
   *
   * <p>Each value is either the parameter array itself (where no constraint applies) or a new array
   * attached to {@code manager}, computed exactly as the forward pass computes it (so inside a
   * gradient collector it carries gradients back to the parameters). Callers must not modify or
   * close the arrays; closing {@code manager} frees the new ones. The default returns {@link
   * #parameters()}: a network without constraints uses its parameters as they are.
   *
   * @param manager owns any array computed here
   */
  default Map<String, NDArray> effectiveParameters(NDManager manager) {
    return parameters();
  }

  /**
   * The state every sequence starts from when the task gives no initial condition, {@code [batch,
   * hiddenSize]}, owned by {@code manager}.
   */
  NDArray initialState(int batchSize, NDManager manager);

  /**
   * The state a training or evaluation sequence starts from, including any initial-state noise the
   * network adds (for example CtDB's {@code latent_ic_var}), {@code [batch, hiddenSize]}, owned by
   * {@code manager}.
   *
   * <p>The trainer and the evaluator call this with the same {@link Noise} they then pass to {@link
   * #forward} (or {@link #step}); a network that adds initial-state noise draws it from {@code
   * noise} first, and only when {@link Noise#enabled()}. Analyses that need a noise-free start call
   * {@link #initialState(int, NDManager)}. The default adds no noise and draws nothing.
   */
  default NDArray initialState(int batchSize, NDManager manager, Noise noise) {
    return initialState(batchSize, manager);
  }

  /**
   * The length of the initial condition this network's encoder maps to its initial state, or 0 (the
   * default) if it has no encoder. The core checks before training that it equals the task's {@code
   * OpenLoopTask.initialConditionSize()}, so a network built for a task without initial conditions
   * returns 0 here.
   */
  default int initialConditionSize() {
    return 0;
  }

  /**
   * The state a trial starts from when its task gives initial conditions: the network's encoder
   * applied to them (for example Sorscher et al. 2019's {@code h0 = c·W_enc}), plus any
   * initial-state noise, {@code [batch, hiddenSize]}, owned by {@code manager}.
   *
   * <p>The trainer and the evaluator call this instead of {@link #initialState(int, NDManager,
   * Noise)} for every trial-aligned batch of a task whose {@code initialConditionSize()} is
   * positive, with the same {@link Noise} they then pass to {@link #forward}; the noise rules are
   * those of {@link #initialState(int, NDManager, Noise)}. Analyses that need a noise-free start
   * pass {@link Noise#NONE}. The result must depend on the parameters differentiably, so the
   * encoder is trained with the rest of the network.
   *
   * @param initialCondition {@code [batch, initialConditionSize()]}
   * @throws UnsupportedOperationException if the network has no encoder (the default)
   * @throws IllegalArgumentException if {@code initialCondition} is not {@code [batch,
   *     initialConditionSize()]}
   */
  default NDArray initialState(NDArray initialCondition, NDManager manager, Noise noise) {
    throw new UnsupportedOperationException(
        "this network has no encoder that maps a trial's initial condition to its initial state"
            + " (initialConditionSize() is 0); a task that gives initial conditions needs a model"
            + " with an encoder");
  }

  /**
   * Runs a whole sequence from {@code h0}.
   *
   * @param inputs {@code [batch, steps, inputSize]}
   * @param h0 {@code [batch, hiddenSize]}
   * @param noise recurrent noise, one draw per step, or {@link Noise#NONE}
   */
  SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise);

  /** One update {@code h' = F(h, x)}: {@code [batch, hiddenSize]} from state and input. */
  NDArray step(NDArray h, NDArray x, Noise noise);

  /** Output for states {@code [..., hiddenSize]}: {@code [..., outputSize]}. */
  NDArray readout(NDArray h);
}
