package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code MemoryPro} task: a brief stimulus on modality 1 is followed by a memory
 * delay; when the fixation input turns off, respond toward the remembered angle.
 *
 * <p>Id {@code ctdb-memory-pro}. Channels, phases, mask, noise and padding: see {@link CtdbEngine}.
 */
@Extension
public final class CtdbMemoryPro extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbMemoryPro() {
    super(
        CtdbRule.MEMORY_PRO,
        "respond toward the remembered stimulus when the fixation input turns off");
  }
}
