package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code DelayAnti} task: a stimulus appears on modality 1 and stays on; when the
 * fixation input turns off, respond away from it (its angle + π).
 *
 * <p>Id {@code ctdb-delay-anti}. Channels, phases, mask, noise and padding: see {@link CtdbEngine}.
 */
@Extension
public final class CtdbDelayAnti extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbDelayAnti() {
    super(CtdbRule.DELAY_ANTI, "respond opposite the stimulus when the fixation input turns off");
  }
}
