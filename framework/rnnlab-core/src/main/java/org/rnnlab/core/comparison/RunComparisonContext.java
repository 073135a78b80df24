package org.rnnlab.core.comparison;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.analysis.PanelFigure;
import org.rnnlab.api.comparison.ComparedRun;
import org.rnnlab.api.comparison.ComparisonContext;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.report.OutputFolder;

/** The {@link ComparisonContext} of one comparison between two runs. */
final class RunComparisonContext implements ComparisonContext {

  private final ComparedRun first;
  private final ComparedRun second;
  private final TaskInstance task;
  private final RandomGenerator random;
  private final NDManager manager;
  private final OutputFolder outputs;

  RunComparisonContext(
      ComparedRun first,
      ComparedRun second,
      TaskInstance task,
      RandomGenerator random,
      NDManager manager,
      Path folder) {
    this.first = first;
    this.second = second;
    this.task = task;
    this.random = random;
    this.manager = manager;
    this.outputs = new OutputFolder(folder);
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

  @Override
  public Path outputDirectory() {
    return outputs.outputDirectory();
  }

  @Override
  public void writeMetrics(Map<String, Object> metrics) throws IOException {
    outputs.writeMetrics(metrics);
  }

  Map<String, Object> metrics() {
    return outputs.metrics();
  }

  @Override
  public void writeArrays(String fileName, Map<String, NDArray> arrays) throws IOException {
    outputs.writeArrays(fileName, arrays);
  }

  @Override
  public void writeFigure(String fileName, LinePlot plot) throws IOException {
    outputs.writeFigure(fileName, plot);
  }

  @Override
  public void writeFigure(String fileName, PanelFigure figure) throws IOException {
    outputs.writeFigure(fileName, figure);
  }
}
