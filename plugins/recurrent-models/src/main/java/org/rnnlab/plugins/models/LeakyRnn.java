package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * The leaky (continuous-time, Euler-discretised) rate RNN of Song et al. 2016 and Yang et al. 2019,
 * as in the PyTorch tutorial NeuroGym's examples follow:
 *
 * <pre>
 * h' = (1 − α)·h + α·f(x·W_in + b_in + h·W_rec + b_rec + sqrt(2/α)·σ_rec·ξ),   α = dt/τ
 * y  = h·W_out + b_out
 * </pre>
 *
 * <p>Parameters: {@code hidden} (units), {@code tau} (ms, at least the task's dt), {@code
 * activation} (relu, tanh, sigmoid, softplus; default relu), {@code noise} (σ_rec, Yang's
 * convention: added inside f with the factor sqrt(2/α), so that the stationary variance of the
 * underlying continuous-time process does not depend on dt), {@code recurrentInit} and {@code
 * recurrentGain}. Input weights, both biases and the readout follow PyTorch's {@code nn.Linear}
 * default U(−1/√fanIn, 1/√fanIn); the parameter names are {@code input.weight [I,H]}, {@code
 * input.bias [H]}, {@code recurrent.weight [H,H]}, {@code recurrent.bias [H]}, {@code output.weight
 * [H,O]}, {@code output.bias [O]}. The initial state is zero.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class LeakyRnn implements Model {

  /** The id scripts use. */
  public static final String ID = "leaky-rnn";

  /** Creates the component; PF4J and Guice call this. */
  public LeakyRnn() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Leaky rate RNN h' = (1-alpha)h + alpha*f(x W_in + h W_rec + b + noise) with alpha ="
        + " dt/tau and a linear readout";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return RateModelParameters.with(
        "relu",
        ParameterSpec.number("tau", 100.0, "ms", "Time constant of the units; must be at least dt")
            .withMin(0));
  }

  /**
   * @throws IllegalArgumentException if {@code tau} is shorter than the task's dt (α = dt/τ would
   *     exceed 1 and the Euler update would overshoot); the message names both
   */
  @Override
  public RecurrentNetwork create(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager) {
    double tau = params.number("tau");
    double alpha = shape.dtMs() / tau;
    if (!(alpha <= 1)) {
      throw new IllegalArgumentException(
          "leaky-rnn needs tau >= dt, but tau = "
              + tau
              + " ms and the task's dt = "
              + shape.dtMs()
              + " ms (alpha = dt/tau = "
              + alpha
              + " > 1); raise tau or lower dt");
    }
    return new RateNetwork(
        shape,
        params.count("hidden"),
        alpha,
        RateModelParameters.activation(params),
        params.number("noise"),
        RateModelParameters.recurrentInit(params),
        params.number("recurrentGain"),
        initRandom,
        manager);
  }
}
