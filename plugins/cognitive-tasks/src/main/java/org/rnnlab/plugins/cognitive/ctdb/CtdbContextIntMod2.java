package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code ContextIntMod2} task: two successive stimuli appear on both modalities
 * with independent strengths; respond toward the one stronger on modality 2.
 *
 * <p>Id {@code ctdb-context-int-mod2}. Channels, phases, mask, noise and padding: see {@link
 * CtdbEngine}.
 */
@Extension
public final class CtdbContextIntMod2 extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbContextIntMod2() {
    super(
        CtdbRule.CONTEXT_INT_MOD2,
        "respond toward the stimulus that is stronger on modality 2, ignoring modality 1");
  }
}
