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
 * The discrete-time (Elman) RNN, {@code h' = f(x·W_in + b_in + h·W_rec + b_rec + sqrt(2)·σ·ξ)},
 * {@code y = h·W_out + b_out}: the {@link LeakyRnn} (Yang's convention) with α = 1, default
 * activation tanh (like PyTorch's {@code nn.RNN} and CtDB's {@code Vanilla_RNN}). The state is h.
 *
 * <p>Parameters: {@code hidden}, {@code activation}, {@code noise} (σ, Yang's convention with α =
 * 1, so the added standard deviation is sqrt(2)·σ), the initialisers, biases and initial-state
 * options of {@link LeakyRnn}; the parameter names and initialisation are those of {@link
 * LeakyRnn}. The task's dt does not enter the dynamics.
 *
 * <p>Connectivity constraints ({@link ModelParameters#constraints}, {@link MatrixConstraint}):
 * {@code dale}, {@code excitatoryFraction}, {@code autapses}, the connectivity masks, frozen
 * entries and frozen matrices; see {@code docs/models.md}.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class VanillaRnn implements Model {

  /** The id scripts use. */
  public static final String ID = "rnn";

  /** Creates the component; PF4J and Guice call this. */
  public VanillaRnn() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Discrete-time (Elman) RNN h' = f(x W_in + h W_rec + b + noise) with a linear readout";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> all = new ArrayList<>();
    all.add(ModelParameters.hidden(128, "Number of recurrent units"));
    all.add(ModelParameters.activation("tanh"));
    all.add(
        ModelParameters.noise(
            0.0,
            "Recurrent noise sigma: sqrt(2)*sigma*N(0,1) is added inside f at every step (Yang's"
                + " convention with alpha = 1); 0 switches it off"));
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

  @Override
  public RecurrentNetwork create(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager) {
    return new RateNetwork(
        shape,
        params.count("hidden"),
        1.0,
        Activation.named(params.string("activation")),
        RateNetwork.Form.RATE,
        Math.sqrt(2.0) * params.number("noise"),
        ModelOptions.from(params),
        initRandom,
        manager);
  }
}
