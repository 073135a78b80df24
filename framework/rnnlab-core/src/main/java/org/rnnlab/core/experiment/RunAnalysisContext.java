package org.rnnlab.core.experiment;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.rnnlab.api.analysis.AnalysisContext;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.evaluation.Evaluator;
import org.rnnlab.core.report.OutputFolder;

/** The {@link AnalysisContext} of one analysis in one run. */
final class RunAnalysisContext extends OutputFolder implements AnalysisContext {

  private final TaskInstance task;
  private final RecurrentNetwork network;
  private final Evaluator evaluator;
  private final RandomGenerator random;
  private final NDManager manager;

  RunAnalysisContext(
      TaskInstance task,
      RecurrentNetwork network,
      Evaluator evaluator,
      RandomGenerator random,
      NDManager manager,
      Path folder) {
    super(folder);
    this.task = task;
    this.network = network;
    this.evaluator = evaluator;
    this.random = random;
    this.manager = manager;
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
}
