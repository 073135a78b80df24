package org.rnnlab.plugins.cognitive.yang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.RecordingAnalysisContext;

class YangAccuracyTest {

  @TempDir Path temp;

  @Test
  void isWellDeclared() {
    ComponentContract.assertWellDeclared(new YangAccuracy());
  }

  @Test
  void targetsAsOutputsAreAllCorrectAndAFixedResponseIsNot() throws IOException {
    YangTaskEngine task = YangFixtures.task(new YangDlyGo(), java.util.Map.of());
    List<Trial> trials = YangFixtures.trials(task, 40, 3);
    float[][][] perfect = trials.stream().map(Trial::targets).toArray(float[][][]::new);
    float[][][] hidden = new float[trials.size()][][];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = new float[trials.get(i).steps()][1];
    }
    YangAccuracy analysis = new YangAccuracy();

    try (RecordingAnalysisContext context =
        new RecordingAnalysisContext(
            task, null, new Evaluation(trials, perfect, hidden), temp.resolve("a"), 1)) {
      analysis.run(ComponentContract.parameters(analysis, java.util.Map.of("trials", 40)), context);
      assertThat(context.metrics()).containsEntry("yang_accuracy", 1.0).containsEntry("trials", 40);
    }

    float[][][] wrong = new float[trials.size()][][];
    for (int i = 0; i < wrong.length; i++) {
      List<float[]> steps = new ArrayList<>();
      for (int t = 0; t < trials.get(i).steps(); t++) {
        float[] out = new float[33];
        out[0] = 1f; // keeps fixating, although every dlygo trial asks for a response
        steps.add(out);
      }
      wrong[i] = steps.toArray(float[][]::new);
    }
    try (RecordingAnalysisContext context =
        new RecordingAnalysisContext(
            task, null, new Evaluation(trials, wrong, hidden), temp.resolve("b"), 1)) {
      analysis.run(ComponentContract.parameters(analysis, java.util.Map.of("trials", 40)), context);
      assertThat(context.metrics()).containsEntry("yang_accuracy", 0.0);
    }
  }

  @Test
  void trialsOfSeveralRulesAreScoredPerRuleWithTheMinimumOverRules() throws IOException {
    YangTaskEngine go = YangFixtures.task(new YangGo(), java.util.Map.of());
    YangTaskEngine anti = YangFixtures.task(new YangAnti(), java.util.Map.of());
    List<Trial> trials = new ArrayList<>(YangFixtures.trials(go, 10, 1));
    trials.addAll(YangFixtures.trials(anti, 10, 2));
    float[][][] outputs = new float[trials.size()][][];
    float[][][] hidden = new float[trials.size()][][];
    for (int i = 0; i < trials.size(); i++) {
      // Perfect on go, always fixating on anti (every anti trial asks for a response).
      outputs[i] = i < 10 ? trials.get(i).targets() : fixating(trials.get(i).steps());
      hidden[i] = new float[trials.get(i).steps()][1];
    }
    YangAccuracy analysis = new YangAccuracy();

    try (RecordingAnalysisContext context =
        new RecordingAnalysisContext(
            go, null, new Evaluation(trials, outputs, hidden), temp.resolve("c"), 1)) {
      analysis.run(ComponentContract.parameters(analysis, java.util.Map.of("trials", 20)), context);

      assertThat(context.metrics()).containsEntry("yang_accuracy", 0.5);
      assertThat(context.metrics()).containsEntry("yang_accuracy_min_over_rules", 0.0);
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> byRule =
          (java.util.Map<String, Object>) context.metrics().get("yang_accuracy_by_rule");
      assertThat(byRule).hasSize(2).containsValues(1.0, 0.0);
    }
  }

  private static float[][] fixating(int steps) {
    float[][] out = new float[steps][33];
    for (float[] step : out) {
      step[0] = 1f;
    }
    return out;
  }
}
