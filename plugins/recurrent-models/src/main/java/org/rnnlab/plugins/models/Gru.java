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
 * A GRU with PyTorch's gate equations and initialisation and a linear readout; see {@link
 * GruNetwork} for the equations, the parameter names and the noise convention. The state is h.
 *
 * <p>Parameters: {@code hidden} (H, default 128), {@code noise} (σ of state noise, default 0), the
 * initialisers {@code recurrentInit}/{@code inputInit}/{@code outputInit} with their gains (default
 * uniform, 1: PyTorch's U(−1/√H, 1/√H) for the gates), {@code inputBias}, {@code recurrentBias},
 * {@code outputBias} (default true), {@code initialState} (default zero, as {@code nn.GRU}) and
 * {@code latentIcVar} (default 0). CtDB's {@code GRU_RNN} is {@code initialState: learned,
 * latentIcVar: 0.05}; its {@code NoisyGRU} is {@link NoisyGru}.
 *
 * <p>Connectivity constraints ({@link ModelParameters#constraints}, {@link MatrixConstraint}) per
 * gate block: {@code autapses}, the connectivity masks, frozen entries and frozen matrices; no
 * Dale's law (gate weights are not signed synapses); see {@code docs/models.md}.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class Gru implements Model {

  /** The id scripts use. */
  public static final String ID = "gru";

  /** Creates the component; PF4J and Guice call this. */
  public Gru() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Gated recurrent unit network (PyTorch's GRU equations and initialisation) with a"
        + " linear readout";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return declarations(0.0, "zero", 0.0);
  }

  @Override
  public RecurrentNetwork create(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager) {
    return build(params, shape, initRandom, manager);
  }

  /** The GRU's declarations with the given defaults; shared with {@link NoisyGru}. */
  static List<ParameterSpec> declarations(double noise, String initialState, double latentIcVar) {
    List<ParameterSpec> all = new ArrayList<>();
    all.add(ModelParameters.hidden(128, "Number of units H"));
    all.add(
        ModelParameters.noise(
            noise,
            "State noise sigma: sigma*N(0,1) is added to the state before every update (CtDB's"
                + " NoisyGRU); with 0 the forward pass runs PyTorch's fused GRU"));
    all.addAll(
        ModelParameters.initialisers(
            "uniform", 1.0, "uniform", 1.0, "uniform", 1.0, "n = H for the gate weights"));
    all.add(ModelParameters.inputBias(true));
    all.add(ModelParameters.recurrentBias(true));
    all.add(ModelParameters.outputBias(true));
    all.add(ModelParameters.biasInit());
    all.add(ModelParameters.outputActivation());
    all.addAll(ModelParameters.initialState(initialState, latentIcVar));
    all.addAll(ModelParameters.constraints(false, 3));
    return List.copyOf(all);
  }

  static RecurrentNetwork build(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager) {
    return new GruNetwork(
        shape,
        params.count("hidden"),
        params.number("noise"),
        ModelOptions.from(params),
        initRandom,
        manager);
  }
}
