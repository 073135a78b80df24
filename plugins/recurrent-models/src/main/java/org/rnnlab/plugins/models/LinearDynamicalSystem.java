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
 * A linear dynamical system {@code h' = h·W_hh + u·W_ih + b + σ·ξ}, {@code y = h·W_out + b_out}:
 * CtDB's {@code LinearCell} ({@code linear_ih(u) + linear_hh(h)}, both {@code nn.Linear} with
 * biases) with a linear readout. The state is h.
 *
 * <p>Parameters: {@code hidden}, {@code noise} (σ: process noise added to the state at every step),
 * the initialisers (default uniform, PyTorch's {@code nn.Linear}: the recurrent matrix then has a
 * spectral radius of about 1/√3, a stable system), {@code inputBias}, {@code recurrentBias}, {@code
 * outputBias} (default true) and the initial-state options. Parameter names and draw order are
 * those of {@link LeakyRnn}. The task's dt does not enter the dynamics.
 *
 * <p>Connectivity constraints ({@link ModelParameters#constraints}, {@link MatrixConstraint}):
 * {@code dale}, {@code excitatoryFraction}, {@code autapses}, the connectivity masks, frozen
 * entries and frozen matrices; see {@code docs/models.md}.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class LinearDynamicalSystem implements Model {

  /** The id scripts use. */
  public static final String ID = "linear-dynamical-system";

  /** Creates the component; PF4J and Guice call this. */
  public LinearDynamicalSystem() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Linear dynamical system h' = h W_hh + u W_ih + b (+ noise) with a linear readout"
        + " (CtDB's LDS cell)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> all = new ArrayList<>();
    all.add(ModelParameters.hidden(128, "Dimension of the latent state"));
    all.add(
        ModelParameters.noise(
            0.0,
            "Process noise: sigma*N(0,1) is added to the state at every step; 0 switches it off"));
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
        Activation.LINEAR,
        RateNetwork.Form.RATE,
        params.number("noise"),
        ModelOptions.from(params),
        initRandom,
        manager);
  }
}
