package org.rnnlab.api.comparison;

import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;
import org.rnnlab.api.analysis.AnalysisOutputs;
import org.rnnlab.api.task.TaskInstance;

/**
 * What a comparison can read and where it writes.
 *
 * <p>Both runs are evaluated on the same trials, drawn from the first run's task and evaluation
 * seed; the command line checks before the comparison runs that the two tasks have the same input
 * and output channels.
 */
public interface ComparisonContext extends AnalysisOutputs {

  /** The first run named on the command line. */
  ComparedRun first();

  /** The second run named on the command line. */
  ComparedRun second();

  /** The task the shared evaluation trials come from (the first run's). */
  TaskInstance task();

  /** A random stream of this comparison's own, derived from the comparison seed and its id. */
  RandomGenerator random();

  /** A manager that lives as long as the comparison runs. */
  NDManager manager();
}
