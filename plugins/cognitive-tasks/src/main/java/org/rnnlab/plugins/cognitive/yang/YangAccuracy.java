package org.rnnlab.plugins.cognitive.yang;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;
import org.rnnlab.api.analysis.Analysis;
import org.rnnlab.api.analysis.AnalysisContext;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.Trial;

/**
 * Yang et al. 2019's performance measure on held-out trials of a Yang task: the fraction of trials
 * that {@link YangPerformance} judges correct from the last step (fixation output above 0.5 on
 * no-go trials; fixation output at most 0.5 and a population-vector angle within 0.2π of the target
 * otherwise).
 *
 * <p>Writes {@code metrics.json} with {@code yang_accuracy}, {@code trials}, and the accuracy on
 * response and on fixation trials separately ({@code yang_accuracy_response}, {@code
 * yang_accuracy_fixation}, each only when the evaluation had such trials). When the trials come
 * from several rules (a {@code task-mixer} run), also {@code yang_accuracy_by_rule}, {@code
 * trials_by_rule} and {@code yang_accuracy_min_over_rules} (Yang's stopping criterion compares the
 * minimum over tasks with {@code target_perf}).
 *
 * <p>Stateless.
 */
@Extension
public final class YangAccuracy implements Analysis {

  /** The id scripts use. */
  public static final String ID = "yang-accuracy";

  /** Creates the component; PF4J and Guice call this. */
  public YangAccuracy() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Yang et al. 2019's last-step correctness (fixation, and response angle within 0.2π)"
        + " on held-out trials of a Yang task";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("trials", 512, "trials", "Held-out trials (Yang's test batch: 512)")
            .withMin(1));
  }

  /**
   * @throws IllegalArgumentException if the run's trials are not Yang trials
   */
  @Override
  public void run(Parameters params, AnalysisContext context) throws IOException {
    Evaluation evaluation = context.evaluate(params.count("trials"));
    int[] correct = new int[2];
    int[] count = new int[2];
    Map<String, int[]> byRule = new TreeMap<>();
    List<float[][]> outputs = new ArrayList<>();
    for (int i = 0; i < evaluation.size(); i++) {
      Trial trial = evaluation.trials().get(i);
      boolean ok = YangPerformance.isCorrect(trial, evaluation.outputs()[i]);
      int kind = Boolean.TRUE.equals(trial.metadata().get("fixate")) ? 1 : 0;
      count[kind]++;
      correct[kind] += ok ? 1 : 0;
      int[] rule =
          byRule.computeIfAbsent(String.valueOf(trial.metadata().get("rule")), k -> new int[2]);
      rule[0] += ok ? 1 : 0;
      rule[1]++;
      outputs.add(evaluation.outputs()[i]);
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("yang_accuracy", YangPerformance.fractionCorrect(evaluation.trials(), outputs));
    metrics.put("trials", evaluation.size());
    if (count[0] > 0) {
      metrics.put("yang_accuracy_response", (double) correct[0] / count[0]);
    }
    if (count[1] > 0) {
      metrics.put("yang_accuracy_fixation", (double) correct[1] / count[1]);
    }
    if (byRule.size() > 1) {
      Map<String, Object> accuracy = new LinkedHashMap<>();
      Map<String, Object> trials = new LinkedHashMap<>();
      byRule.forEach(
          (rule, n) -> {
            accuracy.put(rule, (double) n[0] / n[1]);
            trials.put(rule, n[1]);
          });
      metrics.put("yang_accuracy_by_rule", accuracy);
      metrics.put("trials_by_rule", trials);
      metrics.put(
          "yang_accuracy_min_over_rules",
          accuracy.values().stream().mapToDouble(v -> (Double) v).min().orElseThrow());
    }
    context.writeMetrics(metrics);
  }
}
