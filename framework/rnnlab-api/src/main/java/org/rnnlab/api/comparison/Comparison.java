package org.rnnlab.api.comparison;

import java.io.IOException;
import org.pf4j.ExtensionPoint;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.Parameters;

/**
 * Extension point for comparing two trained runs: {@code rnnlab compare RUN_A RUN_B --analysis ID}.
 * A comparison reads both networks and their responses to the same evaluation trials from its
 * {@link ComparisonContext}, and writes metrics, arrays and figures into its output folder.
 *
 * <p>A comparison may be asymmetric (state R² maps one network's states onto the other's); it then
 * reports both directions, named after the runs.
 */
public interface Comparison extends Component, ExtensionPoint {

  /**
   * Runs the comparison once.
   *
   * @throws IOException if its outputs cannot be written
   * @throws IllegalArgumentException if the two runs cannot be compared this way; the message says
   *     why
   */
  void run(Parameters params, ComparisonContext context) throws IOException;
}
