package org.rnnlab.api.task;

import org.pf4j.ExtensionPoint;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.Parameters;

/**
 * Extension point for tasks: something that produces trials (open loop) or an environment the
 * network acts in (closed loop).
 *
 * <p>A plugin implements this interface, annotates the class with {@code @Extension}, and returns
 * either an {@link OpenLoopTask} or a {@link ClosedLoopTask} from {@link #create}.
 */
public interface Task extends Component, ExtensionPoint {

  /**
   * Configures the task for one run.
   *
   * @param params validated values of {@link #parameters()}, defaults filled in
   * @return a new task instance; it may keep state (for example a trial counter) but must draw all
   *     randomness from the generators the core passes to it
   */
  TaskInstance create(Parameters params);
}
