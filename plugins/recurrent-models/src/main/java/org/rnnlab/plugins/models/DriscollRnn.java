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
 * CtDB's {@code DriscollRNN}, {@code h' = (1 − γ)·h·W_rec + γ·f(h·W_rec + u·W_in + b + σ·ξ)} with a
 * linear readout; see {@link DriscollNetwork} for the equations, the parameter names and the one
 * deliberate difference to CtDB (the output at step t reads the state after step t). The state is
 * h.
 *
 * <p>Parameters: {@code hidden} (default 128), {@code gamma} (γ, default 0.2), {@code activation}
 * (default tanh), {@code noise} (σ inside f, default 0.05), the initialisers with their gains
 * (default uniform, 1: PyTorch's {@code nn.Linear}), {@code inputBias} (default false, as CtDB),
 * {@code recurrentBias} (CtDB's zero-initialised {@code bias}, default true), {@code outputBias}
 * (default true), {@code initialState} (default zero) and {@code latentIcVar} (default 0). The
 * task's dt does not enter the dynamics.
 *
 * <p>Connectivity constraints ({@link ModelParameters#constraints}, {@link MatrixConstraint}):
 * {@code dale}, {@code excitatoryFraction}, {@code autapses}, the connectivity masks, frozen
 * entries and frozen matrices; see {@code docs/models.md}.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class DriscollRnn implements Model {

  /** The id scripts use. */
  public static final String ID = "driscoll-rnn";

  /** Creates the component; PF4J and Guice call this. */
  public DriscollRnn() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CtDB's DriscollRNN h' = (1-gamma) h W_rec + gamma*tanh(h W_rec + u W_in + b + noise)"
        + " with a linear readout";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> all = new ArrayList<>();
    all.add(ModelParameters.hidden(128, "Number of recurrent units"));
    all.add(
        ParameterSpec.number(
                "gamma",
                0.2,
                "",
                "Update rate gamma: the new state is (1-gamma) h W_rec + gamma f(...)")
            .withRange(0, 1));
    all.add(ModelParameters.activation("tanh"));
    all.add(
        ModelParameters.noise(
            0.05,
            "Recurrent noise sigma: sigma*N(0,1) is added inside f at every step (CtDB's"
                + " noise_level); 0 switches it off"));
    all.addAll(
        ModelParameters.initialisers(
            "uniform", 1.0, "uniform", 1.0, "uniform", 1.0, "n = the layer's fan-in"));
    all.add(ModelParameters.inputBias(false));
    all.add(ModelParameters.recurrentBias(true));
    all.add(ModelParameters.outputBias(true));
    all.add(ModelParameters.biasInit());
    all.add(ModelParameters.outputActivation());
    all.addAll(ModelParameters.initialState("zero", 0.0));
    all.addAll(ModelParameters.constraints(true, 1));
    return List.copyOf(all);
  }

  /**
   * @throws IllegalArgumentException if {@code gamma} is 0 (the input would never reach the state)
   *     or a value is otherwise not allowed
   */
  @Override
  public RecurrentNetwork create(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager) {
    return new DriscollNetwork(
        shape,
        params.count("hidden"),
        params.number("gamma"),
        Activation.named(params.string("activation")),
        params.number("noise"),
        ModelOptions.from(params),
        initRandom,
        manager);
  }
}
