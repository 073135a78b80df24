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
 * CtDB's {@code NODE}: a neural ODE with an MLP vector field, {@code h' = h + 0.1·MLP([h, u])}, and
 * a linear readout; see {@link NodeNetwork} for the equations and parameter names. The state is the
 * latent h.
 *
 * <p>Parameters (defaults from CtDB's {@code configs/model/NODE.yaml} and {@code node.py}): {@code
 * hidden} (latent size, 3), {@code layers} (linear maps in the vector field, 3), {@code layerWidth}
 * (128), {@code vectorFieldScale} (the Euler factor, 0.1), {@code outputInit}/{@code outputGain}
 * (normal, 0.01: N(0, 0.01²)), {@code outputBias} (true, starting at zero), {@code initialState}
 * (learned) and {@code latentIcVar} (0). There is no input layer, no recurrent matrix and no noise.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class NeuralOde implements Model {

  /** The id scripts use. */
  public static final String ID = "neural-ode";

  /** Creates the component; PF4J and Guice call this. */
  public NeuralOde() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Neural ODE h' = h + 0.1*MLP([h, u]) with a linear readout (CtDB's NODE)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> all = new ArrayList<>();
    all.add(ModelParameters.hidden(3, "Dimension of the latent state"));
    all.add(
        ParameterSpec.integer(
                "layers",
                3,
                "",
                "Linear layers of the vector field MLP (ReLU between them); at least 2")
            .withMin(2));
    all.add(
        ParameterSpec.integer("layerWidth", 128, "units", "Width of the MLP's hidden layers")
            .withMin(1));
    all.add(
        ParameterSpec.number(
                "vectorFieldScale",
                0.1,
                "",
                "Euler factor s of h' = h + s*MLP([h, u]) (CtDB's fixed 0.1); the task's dt does"
                    + " not enter")
            .withMin(0));
    all.addAll(ModelParameters.initialisers(null, 0, null, 0, "normal", 0.01, null));
    all.add(ModelParameters.outputBias(true));
    all.add(ModelParameters.outputActivation());
    all.addAll(ModelParameters.initialState("learned", 0.0));
    return List.copyOf(all);
  }

  /**
   * @throws IllegalArgumentException if {@code vectorFieldScale} is 0 or another value is not
   *     allowed
   */
  @Override
  public RecurrentNetwork create(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager) {
    return new NodeNetwork(
        shape,
        params.count("hidden"),
        params.count("layers"),
        params.count("layerWidth"),
        params.number("vectorFieldScale"),
        ModelOptions.from(params),
        initRandom,
        manager);
  }
}
