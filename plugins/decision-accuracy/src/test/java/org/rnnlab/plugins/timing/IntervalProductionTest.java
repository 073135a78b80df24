package org.rnnlab.plugins.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.RecordingAnalysisContext;

class IntervalProductionTest {

  private static final double DT_MS = 100;

  @TempDir Path directory;

  /** Ready-set-go's channels at dt 100 ms; trials come from the test. */
  record TimingTask() implements OpenLoopTask {
    @Override
    public double dtMs() {
      return DT_MS;
    }

    @Override
    public List<String> inputChannels() {
      return List.of("fixation", "ready", "set");
    }

    @Override
    public List<String> outputChannels() {
      return List.of("fixate", "go");
    }

    @Override
    public TargetKind targetKind() {
      return TargetKind.CLASS_INDEX;
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      throw new UnsupportedOperationException("trials come from the test");
    }
  }

  /**
   * A trial of 30 steps: {@code fixation} [0, 5), {@code set} [5, 6), {@code production} [6, 30),
   * the go target at {@code goStep}; the network says go at each of {@code goSteps} (none: missed).
   */
  private static Object[] trial(int goStep, int... goSteps) {
    int steps = 30;
    List<Period> periods =
        List.of(
            new Period("fixation", 0, 5),
            new Period("set", 5, 6),
            new Period("production", 6, steps));
    int[] classes = new int[steps];
    classes[goStep] = 1;
    Trial trial =
        new Trial(
            new float[steps][3],
            null,
            classes,
            new float[steps],
            periods,
            Map.of("goStep", goStep));
    float[][] outputs = new float[steps][2];
    for (int t = 0; t < steps; t++) {
      outputs[t][0] = 1f;
    }
    for (int s : goSteps) {
      outputs[s][1] = 2f;
    }
    return new Object[] {trial, outputs};
  }

  private static Evaluation evaluation(Object[]... trials) {
    List<Trial> list = new ArrayList<>();
    float[][][] outputs = new float[trials.length][][];
    for (int i = 0; i < trials.length; i++) {
      list.add((Trial) trials[i][0]);
      outputs[i] = (float[][]) trials[i][1];
    }
    return new Evaluation(list, outputs, new float[trials.length][30][1]);
  }

  private Map<String, Object> run(Evaluation evaluation, Map<String, Object> values)
      throws Exception {
    try (RecordingAnalysisContext context =
        new RecordingAnalysisContext(new TimingTask(), null, evaluation, directory, 1L)) {
      IntervalProduction analysis = new IntervalProduction();
      analysis.run(ComponentContract.parameters(analysis, values), context);
      assertThat(context.figures()).containsKey("production.png");
      return context.metrics();
    }
  }

  @Test
  void isWellDeclared() {
    ComponentContract.assertWellDeclared(new IntervalProduction());
  }

  @Test
  void measuresFromTheNamedPeriodAndJudgesByNeuroGymsMargin() throws Exception {
    // Targets 1000 ms after set onset (step 15). Responses: on time, 200 ms late (within 20 %),
    // 300 ms early (outside), premature (during fixation), missed.
    Map<String, Object> m =
        run(
            evaluation(trial(15, 15), trial(15, 17), trial(15, 12), trial(15, 3, 15), trial(15)),
            Map.of("from", "set", "trials", 5));

    assertThat((double) m.get("production_accuracy")).isEqualTo(2 / 5.0);
    assertThat((double) m.get("premature_rate")).isEqualTo(1 / 5.0);
    assertThat((double) m.get("miss_rate")).isEqualTo(1 / 5.0);
    assertThat((double) m.get("mean_abs_error_ms")).isCloseTo((0 + 200 + 300) / 3.0, within(1e-9));
    assertThat((double) m.get("mean_relative_error")).isCloseTo((0 + 0.2 - 0.3) / 3, within(1e-9));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> byTarget =
        (Map<String, Map<String, Object>>) m.get("by_target_ms");
    assertThat(byTarget).containsOnlyKeys("1000.0");
    assertThat((double) byTarget.get("1000.0").get("mean_produced_ms"))
        .isCloseTo((1000 + 1200 + 700) / 3.0, within(1e-9));
  }

  @Test
  void withoutFromMeasuresFromThePeriodHoldingTheGoTarget() throws Exception {
    // The go target at step 15 lies in production, which starts at step 6: a 900 ms target.
    Map<String, Object> m = run(evaluation(trial(15, 16)), Map.of("trials", 1));

    assertThat((double) m.get("mean_abs_error_ms")).isCloseTo(100, within(1e-9));
    assertThat((double) m.get("production_accuracy")).isEqualTo(1.0);
    assertThat(m).as("one target: no regression line").doesNotContainKeys("slope", "intercept_ms");
  }

  @Test
  void theSlopeShowsRegressionTowardsTheMeanInterval() throws Exception {
    // Targets 600, 1000, 1400 ms after set; produced 800, 1000, 1200 ms: slope 1/2.
    Map<String, Object> m =
        run(
            evaluation(trial(11, 13), trial(15, 15), trial(19, 17)),
            Map.of("from", "set", "trials", 3));

    assertThat((double) m.get("slope")).isCloseTo(0.5, within(1e-9));
    assertThat((double) m.get("intercept_ms")).isCloseTo(500, within(1e-9));
  }

  @Test
  void refusesATaskWithoutTheGoChannelAPeriodOrGoSteps() {
    assertThatThrownBy(
            () -> run(evaluation(trial(15, 15)), Map.of("goChannel", "respond", "trials", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("goChannel 'respond'")
        .hasMessageContaining("[fixate, go]");
    assertThatThrownBy(() -> run(evaluation(trial(15, 15)), Map.of("from", "ready", "trials", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ready'")
        .hasMessageContaining("[fixation, set, production]");
    Trial noGoStep =
        new Trial(
            new float[3][3], null, new int[3], new float[3], List.of(), Map.of("coherence", 6.4));
    Evaluation e = new Evaluation(List.of(noGoStep), new float[1][3][2], new float[1][3][1]);
    assertThatThrownBy(() -> run(e, Map.of("trials", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("goStep")
        .hasMessageContaining("[coherence]");
  }
}
