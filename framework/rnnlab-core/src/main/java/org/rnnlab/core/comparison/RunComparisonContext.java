package org.rnnlab.core.comparison;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.rnnlab.api.comparison.ComparedRun;
import org.rnnlab.api.comparison.ComparisonContext;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.report.OutputFolder;

/** The {@link ComparisonContext} of one comparison between two runs. */
final class RunComparisonContext extends OutputFolder implements ComparisonContext {

  private final ComparedRun first;
  private final ComparedRun second;
  private final TaskInstance task;
  private final RandomGenerator random;
  private final NDManager manager;

  RunComparisonContext(
      ComparedRun first,
      ComparedRun second,
      TaskInstance task,
      RandomGenerator random,
      NDManager manager,
      Path folder) {
    super(folder);
    this.first = first;
    this.second = second;
    this.task = task;
    this.random = random;
    this.manager = manager;
  }

  @Override
  public ComparedRun first() {
    return first;
  }

  @Override
  public ComparedRun second() {
    return second;
  }

  @Override
  public TaskInstance task() {
    return task;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public NDManager manager() {
    return manager;
  }
}
