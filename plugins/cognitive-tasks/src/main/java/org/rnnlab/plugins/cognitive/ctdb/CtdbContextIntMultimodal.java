package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code ContextIntMultimodal} task: two successive stimuli appear on both
 * modalities with independent strengths; respond toward the one whose strengths summed over both
 * modalities are larger (the first on a tie).
 *
 * <p>Id {@code ctdb-context-int-multimodal}. Channels, phases, mask, noise and padding: see {@link
 * CtdbEngine}.
 */
@Extension
public final class CtdbContextIntMultimodal extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbContextIntMultimodal() {
    super(
        CtdbRule.CONTEXT_INT_MULTIMODAL,
        "respond toward the stimulus that is stronger summed over both modalities");
  }
}
