package org.rnnlab.api.task;

import org.pf4j.ExtensionPoint;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.Parameters;

/**
 * Extension point for task wrappers (NeuroGym's wrappers): something that changes the trials of any
 * open-loop task, such as added input noise or block-wise choice biases.
 *
 * <p>In scripts a task lists its wrappers, applied in order (the first wraps the task itself):
 *
 * <pre>{@code
 * task: { id: perceptual-decision-making, dt: 20,
 *         wrappers: [ { id: side-bias, probs: [0.8, 0.2, 0.2, 0.8] }, { id: input-noise } ] }
 * }</pre>
 */
public interface TaskWrapper extends Component, ExtensionPoint {

  /**
   * Wraps a configured task for one run. The wrapper may keep state across trials (a block
   * counter); all of its randomness must come from the generator each trial is drawn with.
   *
   * @param inner the task (possibly already wrapped)
   * @param params validated values of {@link #parameters()}
   * @throws IllegalArgumentException if the task does not fit the wrapper (for example a side bias
   *     on a task that cannot be told its ground truth), saying why
   */
  OpenLoopTask wrap(OpenLoopTask inner, Parameters params);
}
