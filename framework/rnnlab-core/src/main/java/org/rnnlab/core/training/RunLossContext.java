package org.rnnlab.core.training;

import java.util.List;
import org.rnnlab.api.loss.LossContext;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.tasks.PeriodNames;

/**
 * The {@link LossContext} of a run: its task and network. The period names are found on first
 * request ({@link PeriodNames}) and kept. Not thread-safe.
 */
public final class RunLossContext implements LossContext {

  private final TaskInstance task;
  private final List<String> parameterNames;
  private List<String> periodNames;

  public RunLossContext(TaskInstance task, RecurrentNetwork network) {
    this.task = task;
    this.parameterNames = List.copyOf(network.parameters().keySet());
  }

  @Override
  public TaskInstance task() {
    return task;
  }

  @Override
  public List<String> periodNames() {
    if (periodNames == null) {
      periodNames = PeriodNames.of(task);
    }
    return periodNames;
  }

  @Override
  public List<String> parameterNames() {
    return parameterNames;
  }
}
