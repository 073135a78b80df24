package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code ReactAnti} task: the fixation input stays on; respond away from the
 * stimulus as soon as it appears.
 *
 * <p>Id {@code ctdb-react-anti}. Channels, phases, mask, noise and padding: see {@link CtdbEngine}.
 */
@Extension
public final class CtdbReactAnti extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbReactAnti() {
    super(CtdbRule.REACT_ANTI, "respond opposite the stimulus as soon as it appears");
  }
}
