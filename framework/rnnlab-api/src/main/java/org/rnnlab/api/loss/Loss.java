package org.rnnlab.api.loss;

import org.pf4j.ExtensionPoint;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.Parameters;

/**
 * Extension point for losses and regularisers. An experiment lists one or more, each with a weight;
 * the trainer minimises the weighted sum and logs every term in {@code metrics.csv}.
 */
public interface Loss extends Component, ExtensionPoint {

  /** Configures the loss for one run. */
  LossFunction create(Parameters params);
}
