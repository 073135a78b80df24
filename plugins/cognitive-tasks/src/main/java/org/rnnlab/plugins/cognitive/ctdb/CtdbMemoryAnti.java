package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code MemoryAnti} task: a brief stimulus on modality 1 is followed by a memory
 * delay; when the fixation input turns off, respond away from the remembered angle.
 *
 * <p>Id {@code ctdb-memory-anti}. Channels, phases, mask, noise and padding: see {@link
 * CtdbEngine}.
 */
@Extension
public final class CtdbMemoryAnti extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbMemoryAnti() {
    super(
        CtdbRule.MEMORY_ANTI,
        "respond opposite the remembered stimulus when the fixation input turns off");
  }
}
