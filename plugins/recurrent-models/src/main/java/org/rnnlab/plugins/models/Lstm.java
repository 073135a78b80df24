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
 * An LSTM with PyTorch's gate equations and initialisation and a linear readout of h; see {@link
 * LstmNetwork} for the equations and parameter names. <b>The state is {@code [h, c]}</b>: with
 * {@code hidden: H} the network's {@code hiddenSize()} — the width of recorded hidden states and of
 * the states fixed-point analyses search — is 2H, h first.
 *
 * <p>Parameters: {@code hidden} (H, default 128), {@code noise} (σ of state noise on h and c,
 * default 0), the initialisers with their gains (default uniform, 1: PyTorch's U(−1/√H, 1/√H)),
 * {@code inputBias}, {@code recurrentBias}, {@code outputBias} (default true), {@code initialState}
 * (default zero, as {@code nn.LSTM}; learned covers h and c), {@code latentIcVar} (default 0) and
 * {@code encoder} (default none; {@code linear} maps a trial's initial condition to both h and c).
 *
 * <p>Connectivity constraints ({@link ModelParameters#constraints}, {@link MatrixConstraint}) per
 * gate block: {@code autapses}, the connectivity masks, frozen entries and frozen matrices; no
 * Dale's law (gate weights are not signed synapses); see {@code docs/models.md}.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class Lstm implements Model {

  /** The id scripts use. */
  public static final String ID = "lstm";

  /** Creates the component; PF4J and Guice call this. */
  public Lstm() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Long short-term memory network (PyTorch's LSTM equations and initialisation) with a"
        + " linear readout of h; its state is [h, c]";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> all = new ArrayList<>();
    all.add(ModelParameters.hidden(128, "Number of units H; the state [h, c] has 2H entries"));
    all.add(
        ModelParameters.noise(
            0.0,
            "State noise sigma: sigma*N(0,1) is added to h and c before every update; with 0 the"
                + " forward pass runs PyTorch's fused LSTM"));
    all.addAll(
        ModelParameters.initialisers(
            "uniform", 1.0, "uniform", 1.0, "uniform", 1.0, "n = H for the gate weights"));
    all.add(ModelParameters.inputBias(true));
    all.add(ModelParameters.recurrentBias(true));
    all.add(ModelParameters.outputBias(true));
    all.add(ModelParameters.biasInit());
    all.add(ModelParameters.outputActivation());
    all.addAll(ModelParameters.initialState("zero", 0.0));
    all.addAll(ModelParameters.constraints(false, 4));
    return List.copyOf(all);
  }

  @Override
  public RecurrentNetwork create(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager) {
    return new LstmNetwork(
        shape,
        params.count("hidden"),
        params.number("noise"),
        ModelOptions.from(params),
        initRandom,
        manager);
  }
}
