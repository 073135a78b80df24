package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code ReactPro} task: the fixation input stays on; respond toward the stimulus
 * as soon as it appears.
 *
 * <p>Id {@code ctdb-react-pro}. Channels, phases, mask, noise and padding: see {@link CtdbEngine}.
 */
@Extension
public final class CtdbReactPro extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbReactPro() {
    super(CtdbRule.REACT_PRO, "respond toward the stimulus as soon as it appears");
  }
}
