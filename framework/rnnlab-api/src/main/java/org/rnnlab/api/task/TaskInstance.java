package org.rnnlab.api.task;

import java.util.List;

/**
 * A task configured for one run: its time step and the names of its input and output channels.
 *
 * <p>Either an {@link OpenLoopTask} (trials are fixed before the network sees them) or a {@link
 * ClosedLoopTask} (the network's outputs change what it sees next).
 */
public sealed interface TaskInstance permits OpenLoopTask, ClosedLoopTask {

  /** Duration of one time step, in milliseconds. */
  double dtMs();

  /** Names of the input channels, in the order of the last axis of the inputs. */
  List<String> inputChannels();

  /**
   * Names of the output channels the network must produce. For class targets these are the class
   * names, in class-index order (for example {@code fixate, choice-1, choice-2}).
   */
  List<String> outputChannels();
}
