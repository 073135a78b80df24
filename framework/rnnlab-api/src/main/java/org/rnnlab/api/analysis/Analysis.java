package org.rnnlab.api.analysis;

import java.io.IOException;
import org.pf4j.ExtensionPoint;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.Parameters;

/**
 * Extension point for analyses of a trained run. An analysis reads the model, the task and
 * evaluation trials from its {@link AnalysisContext} and writes metrics, arrays and figures into
 * {@code analysis/<id>/} of the run folder.
 */
public interface Analysis extends Component, ExtensionPoint {

  /**
   * Runs the analysis once, after training.
   *
   * @throws IOException if its outputs cannot be written
   * @throws IllegalArgumentException if the run does not fit the analysis (for example a decision
   *     analysis on a task without class targets); the message says why
   */
  void run(Parameters params, AnalysisContext context) throws IOException;
}
