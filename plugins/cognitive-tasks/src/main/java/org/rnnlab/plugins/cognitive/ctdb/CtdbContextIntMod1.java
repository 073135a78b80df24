package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code ContextIntMod1} task: two successive stimuli appear on both modalities
 * with independent strengths; respond toward the one stronger on modality 1.
 *
 * <p>Id {@code ctdb-context-int-mod1}. Channels, phases, mask, noise and padding: see {@link
 * CtdbEngine}.
 */
@Extension
public final class CtdbContextIntMod1 extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbContextIntMod1() {
    super(
        CtdbRule.CONTEXT_INT_MOD1,
        "respond toward the stimulus that is stronger on modality 1, ignoring modality 2");
  }
}
