package org.rnnlab.api.model;

import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;
import org.pf4j.ExtensionPoint;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.Parameters;

/** Extension point for recurrent models: builds a {@link RecurrentNetwork} for one run. */
public interface Model extends Component, ExtensionPoint {

  /**
   * Builds and initialises a network.
   *
   * @param params validated values of {@link #parameters()}
   * @param shape sizes the task dictates, and its time step
   * @param initRandom the run's initialisation stream; all initial weights come from it
   * @param manager owns the network's parameters for the whole run
   */
  RecurrentNetwork create(
      Parameters params, NetworkShape shape, RandomGenerator initRandom, NDManager manager);
}
