package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * The leaky (continuous-time, Euler-discretised) rate RNN, with α = dt/τ, in the three published
 * conventions chosen by {@code convention}:
 *
 * <ul>
 *   <li>{@code yang} (default; Song et al. 2016, Yang et al. 2019, the PyTorch tutorial NeuroGym's
 *       examples follow): {@code h' = (1−α)h + α·f(x·W_in + h·W_rec + b + sqrt(2/α)·σ·ξ)}, {@code y
 *       = h·W_out + b_out}. The noise is inside f, scaled so that the stationary variance of the
 *       underlying continuous-time process does not depend on dt. <b>State: the rates h.</b>
 *   <li>{@code psychrnn} (PsychRNN's Basic model): {@code x' = (1−α)x + α·(f(x)·W_rec + u·W_in + b)
 *       + sqrt(2α)·σ·ξ}, {@code y = f(x)·W_out + b_out}: the noise is added to the state. <b>State:
 *       the pre-activations x</b>; the rates are f(x).
 *   <li>{@code cueva-wei} (Cueva &amp; Wei 2018): {@code τ dx/dt = −x + W_rec·u + W_in·I + b + ξ},
 *       {@code u = f(x)} (tanh in the paper: set {@code activation: tanh}), Euler with α = dt/τ
 *       (the paper's step is τ/10: {@code tau} = 10·dt), so {@code x' = (1−α)x + α·(f(x)·W_rec +
 *       I·W_in + b + σ·ξ)}: the noise has standard deviation σ inside the derivative, α·σ on the
 *       state. Outputs are read from u = f(x). <b>State: the pre-activations x.</b>
 * </ul>
 *
 * <p>The state is what {@code step} returns, what {@code forward} records as hidden states (and the
 * run writes to {@code evaluation/trials.npz}) and what fixed-point and Jacobian analyses work on;
 * {@code readout} maps it to outputs (applying f itself for {@code psychrnn} and {@code
 * cueva-wei}).
 *
 * <p>Parameters: {@code hidden} (units), {@code tau} (ms, at least the task's dt), {@code
 * convention}, {@code activation} (default relu), {@code noise} (σ, scaled by the convention as
 * above), the initialisers {@code recurrentInit}/{@code recurrentGain} (default uniform, 1), {@code
 * inputInit}/{@code inputGain} and {@code outputInit}/{@code outputGain} (default uniform, 1:
 * PyTorch's {@code nn.Linear}), {@code inputBias}, {@code recurrentBias}, {@code outputBias}
 * (default true), {@code biasInit} (uniform, PyTorch's draw, or zero), {@code outputActivation}
 * (default linear; the outputs are {@code g(y)}), {@code initialState} (zero or learned) and {@code
 * latentIcVar}. The parameter names are {@code input.weight [I,H]}, {@code input.bias [H]}, {@code
 * recurrent.weight [H,H]}, {@code recurrent.bias [H]}, {@code output.weight [H,O]}, {@code
 * output.bias [O]} and {@code initial.state [H]}; see {@link RateNetwork} for the draw order. With
 * the defaults, a run is bit-identical to the model's first version.
 *
 * <p>Connectivity constraints ({@link ModelParameters#constraints}, {@link MatrixConstraint}):
 * {@code dale}, {@code excitatoryFraction}, {@code autapses}, the connectivity masks, frozen
 * entries and frozen matrices; see {@code docs/models.md}.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class LeakyRnn implements Model {

  /** The id scripts use. */
  public static final String ID = "leaky-rnn";

  /** Values of {@code convention}, in declaration order. */
  public static final List<String> CONVENTIONS = List.of("yang", "psychrnn", "cueva-wei");

  /** Creates the component; PF4J and Guice call this. */
  public LeakyRnn() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Leaky rate RNN h' = (1-alpha)h + alpha*f(x W_in + h W_rec + b + noise) with alpha ="
        + " dt/tau and a readout (linear by default), in Yang's, PsychRNN's or Cueva & Wei's"
        + " convention";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> all = new ArrayList<>();
    all.add(ModelParameters.hidden(128, "Number of recurrent units"));
    all.add(
        ParameterSpec.number("tau", 100.0, "ms", "Time constant of the units; must be at least dt")
            .withMin(0));
    all.add(
        ParameterSpec.choice(
            "convention",
            "yang",
            CONVENTIONS,
            "Which published update: yang (state = rates h, noise inside f), psychrnn (state ="
                + " pre-activations x, rates f(x) drive the recurrence and the readout, noise added"
                + " to the state) or cueva-wei (as psychrnn, noise inside tau dx/dt)"));
    all.add(ModelParameters.activation("relu"));
    all.add(
        ModelParameters.noise(
            0.0,
            "Recurrent noise sigma; yang: sqrt(2/alpha)*sigma*N(0,1) inside f (Yang et al. 2019),"
                + " psychrnn: sqrt(2*alpha)*sigma*N(0,1) added to the state, cueva-wei: sigma*N(0,1)"
                + " inside tau dx/dt (alpha*sigma on the state); 0 switches it off"));
    all.addAll(
        ModelParameters.initialisers(
            "uniform", 1.0, "uniform", 1.0, "uniform", 1.0, "n = the layer's fan-in"));
    all.add(ModelParameters.inputBias(true));
    all.add(ModelParameters.recurrentBias(true));
    all.add(ModelParameters.outputBias(true));
    all.add(ModelParameters.biasInit());
    all.add(ModelParameters.outputActivation());
    all.addAll(ModelParameters.initialState("zero", 0.0));
    all.addAll(ModelParameters.constraints(true, 1));
    return List.copyOf(all);
  }

  /**
   * @throws IllegalArgumentException if {@code tau} is shorter than the task's dt (α = dt/τ would
   *     exceed 1 and the Euler update would overshoot; the message names both), or another value is
   *     not allowed
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
    String convention = params.string("convention");
    double sigma = params.number("noise");
    RateNetwork.Form form;
    double driveNoise;
    switch (convention) {
      case "yang" -> {
        form = RateNetwork.Form.RATE;
        driveNoise = Math.sqrt(2 / alpha) * sigma;
      }
      case "psychrnn" -> {
        // sqrt(2α)σ on the state is α·(sqrt(2/α)σ) inside the α-weighted drive.
        form = RateNetwork.Form.STATE;
        driveNoise = Math.sqrt(2 / alpha) * sigma;
      }
      case "cueva-wei" -> {
        form = RateNetwork.Form.STATE;
        driveNoise = sigma;
      }
      default ->
          throw new IllegalArgumentException(
              "convention must be one of " + CONVENTIONS + ", got '" + convention + "'");
    }
    return new RateNetwork(
        shape,
        params.count("hidden"),
        alpha,
        Activation.named(params.string("activation")),
        form,
        driveNoise,
        ModelOptions.from(params),
        initRandom,
        manager);
  }
}
