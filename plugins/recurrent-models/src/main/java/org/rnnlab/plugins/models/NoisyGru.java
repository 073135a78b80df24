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
 * CtDB's {@code NoisyGRU}: the {@link Gru} with Gaussian state noise and a learned, noisy initial
 * state, with the defaults of CtDB's model config ({@code configs/model/NoisyGRU.yaml}): {@code
 * hidden} 128, {@code noise} 0.01 (the class default is 0.05; the config, which CtDB's runs use,
 * sets 0.01), {@code initialState} learned, {@code latentIcVar} 0.05. The parameters and their
 * meaning are those of {@link Gru}; see {@link GruNetwork} for where the noise enters.
 *
 * <p>Stateless; each {@link #create} returns a new network.
 */
@Extension
public final class NoisyGru implements Model {

  /** The id scripts use. */
  public static final String ID = "noisy-gru";

  /** Creates the component; PF4J and Guice call this. */
  public NoisyGru() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "GRU with Gaussian state noise and a learned noisy initial state (CtDB's NoisyGRU)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return Gru.declarations(0.01, "learned", 0.05);
  }

  @Override
  public RecurrentNetwork create(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager) {
    return Gru.build(params, shape, initRandom, manager);
  }
}
