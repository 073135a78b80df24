package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code IntMod2} task: two stimuli of different strengths appear in turn on
 * modality 2; respond toward the stronger one when the fixation input turns off.
 *
 * <p>Id {@code ctdb-int-mod2}. Channels, phases, mask, noise and padding: see {@link CtdbEngine}.
 */
@Extension
public final class CtdbIntMod2 extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbIntMod2() {
    super(CtdbRule.INT_MOD2, "respond toward the stronger of two successive modality-2 stimuli");
  }
}
