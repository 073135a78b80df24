package org.rnnlab.api.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.task.TaskInstance;

/**
 * What an analysis can read from a trained run and where it writes.
 *
 * <p>Everything written goes to {@link #outputDirectory()} ({@code analysis/<id>/} of the run).
 * Numeric metrics also appear in the run's {@code summary.json}.
 */
public interface AnalysisContext {

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
  Path outputDirectory();

  /**
   * Writes {@code metrics.json}. Values are numbers, strings, booleans, lists or nested maps.
   *
   * @throws IOException if it cannot be written
   */
  void writeMetrics(Map<String, Object> metrics) throws IOException;

  /**
   * Writes a numpy {@code .npz} file of named arrays into the output directory.
   *
   * @param fileName for example {@code choices.npz}
   */
  void writeArrays(String fileName, Map<String, NDArray> arrays) throws IOException;

  /**
   * Renders a line plot as a PNG in the output directory; the run's report shows it.
   *
   * @param fileName for example {@code psychometric.png}
   */
  void writeFigure(String fileName, LinePlot plot) throws IOException;
}
