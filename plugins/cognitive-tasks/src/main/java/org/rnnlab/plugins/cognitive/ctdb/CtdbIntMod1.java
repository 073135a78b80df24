package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code IntMod1} task: two stimuli of different strengths appear in turn on
 * modality 1; respond toward the stronger one when the fixation input turns off.
 *
 * <p>Id {@code ctdb-int-mod1}. Channels, phases, mask, noise and padding: see {@link CtdbEngine}.
 */
@Extension
public final class CtdbIntMod1 extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbIntMod1() {
    super(CtdbRule.INT_MOD1, "respond toward the stronger of two successive modality-1 stimuli");
  }
}
