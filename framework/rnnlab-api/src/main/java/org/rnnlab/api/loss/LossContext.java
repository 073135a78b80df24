package org.rnnlab.api.loss;

import java.util.List;
import org.rnnlab.api.task.TaskInstance;

/**
 * What a loss may check before training starts: the run's task, the names of its trial periods and
 * the model's parameter names. The core passes one to {@link LossFunction#check} while it checks
 * the experiment, before anything is written, so a loss that cannot work with this task or model is
 * reported as bad input (naming the loss) rather than failing at the first step.
 *
 * <p>Implementations may compute {@link #periodNames()} lazily (the core draws sample trials), so
 * call it only when the loss needs it.
 */
public interface LossContext {

  /** The run's task: its target kind (open-loop), channels and time step. */
  TaskInstance task();

  /**
   * The names of the task's trial periods, in the order first met in sample trials; empty for
   * closed-loop tasks and for tasks whose trials have no periods.
   *
   * <p>For open-loop tasks the core draws sample trials from a generator of its own (never from the
   * run's streams, so training is unchanged); a period that appears in very few trials might be
   * missed. A task mixer gives the union over its tasks.
   */
  List<String> periodNames();

  /** The model's trainable parameter names, such as {@code recurrent.weight}, in model order. */
  List<String> parameterNames();

  /** A fixed context, for tests and tools. */
  static LossContext of(TaskInstance task, List<String> periodNames, List<String> parameterNames) {
    List<String> periods = List.copyOf(periodNames);
    List<String> parameters = List.copyOf(parameterNames);
    return new LossContext() {
      @Override
      public TaskInstance task() {
        return task;
      }

      @Override
      public List<String> periodNames() {
        return periods;
      }

      @Override
      public List<String> parameterNames() {
        return parameters;
      }
    };
  }
}
