package org.rnnlab.api.analysis;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.task.TaskInstance;

/**
 * What an analysis can read from a trained run and where it writes.
 *
 * <p>Everything written goes to {@link #outputDirectory()} ({@code analysis/<id>/} of the run).
 * Numeric metrics also appear in the run's {@code summary.json}.
 */
public interface AnalysisContext extends AnalysisOutputs {

  /** The run's task. */
  TaskInstance task();

  /** The trained network (parameters as after the last training step). */
  RecurrentNetwork network();

  /**
   * The first {@code trials} trials of the run's evaluation stream and the network's response to
   * them. Every analysis of a run sees the same trials (a shorter request is a prefix of a longer
   * one); the results are cached.
   *
   * @throws IllegalArgumentException if {@code trials < 1}, or the task is closed-loop
   */
  Evaluation evaluate(int trials);

  /** A random stream of this analysis's own, derived from the run seed and the analysis id. */
  RandomGenerator random();

  /** A manager that lives as long as the analysis runs. */
  NDManager manager();

  /** {@code analysis/<id>/}, created before the analysis runs. */
  @Override
  Path outputDirectory();
}
