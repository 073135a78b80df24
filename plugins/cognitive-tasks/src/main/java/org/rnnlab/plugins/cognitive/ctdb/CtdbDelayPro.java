package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code DelayPro} task: a stimulus appears on modality 1 and stays on; when the
 * fixation input turns off, respond toward it.
 *
 * <p>Id {@code ctdb-delay-pro}. Channels, phases, mask, noise and padding: see {@link CtdbEngine}.
 */
@Extension
public final class CtdbDelayPro extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbDelayPro() {
    super(CtdbRule.DELAY_PRO, "respond toward the stimulus when the fixation input turns off");
  }
}
