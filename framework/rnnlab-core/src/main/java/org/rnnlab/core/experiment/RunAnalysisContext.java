package org.rnnlab.core.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.analysis.AnalysisContext;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.analysis.PanelFigure;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.evaluation.Evaluator;
import org.rnnlab.core.report.OutputFolder;

/** The {@link AnalysisContext} of one analysis in one run. */
final class RunAnalysisContext implements AnalysisContext {

  private final TaskInstance task;
  private final RecurrentNetwork network;
  private final Evaluator evaluator;
  private final RandomGenerator random;
  private final NDManager manager;
  private final OutputFolder outputs;

  RunAnalysisContext(
      TaskInstance task,
      RecurrentNetwork network,
      Evaluator evaluator,
      RandomGenerator random,
      NDManager manager,
      Path folder) {
    this.task = task;
    this.network = network;
    this.evaluator = evaluator;
    this.random = random;
    this.manager = manager;
    this.outputs = new OutputFolder(folder);
  }

  @Override
  public TaskInstance task() {
    return task;
  }

  @Override
  public RecurrentNetwork network() {
    return network;
  }

  @Override
  public Evaluation evaluate(int trials) {
    return evaluator.evaluate(trials);
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
  public void writeMetrics(Map<String, Object> values) throws IOException {
    outputs.writeMetrics(values);
  }

  /** What the analysis last wrote with {@link #writeMetrics}. */
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
