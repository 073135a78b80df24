package org.rnnlab.plugins.dynamics.latents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.analysis.PanelFigure;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.RecordingAnalysisContext;

class LatentsTest {

  @TempDir Path directory;

  private static final int UNITS = 10;
  private static final int PERIOD = 20;

  /** Two orthonormal directions in 10-D whose largest entries are positive. */
  private static final double[] U = unit(1, 0.8, 4, 0.6);

  private static final double[] V = unit(2, 0.8, 3, -0.6);

  private static final double[] CENTRE = {1, 2, 3, 4, 5, -1, -2, -3, -4, -5};

  /** A task with two inputs and the given outputs, whose trials come from the test. */
  record FakeTask(TargetKind targetKind, List<String> outputChannels) implements OpenLoopTask {
    @Override
    public double dtMs() {
      return 10;
    }

    @Override
    public List<String> inputChannels() {
      return List.of("cue", "go");
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      throw new UnsupportedOperationException("trials come from the test");
    }
  }

  private static final FakeTask CONTINUOUS = new FakeTask(TargetKind.CONTINUOUS, List.of("bit"));

  /**
   * Trial {@code i} lasts 20 steps (even i) or 40 (odd i): whole periods of {@code a = 4 cos(2πt/20
   * + 0.3 i)}, {@code b = sin(…)}, and the hidden state is {@code CENTRE + a·U + b·V}. Over whole
   * periods the means of a, b and a·b vanish and the variances are 8 and 1/2 per step, so the
   * states lie on a plane with variance ratio 16 : 1 along U and V, whatever the trials.
   */
  private static Evaluation planeEvaluation(int trials, TargetKind kind) {
    List<Trial> list = new ArrayList<>();
    float[][][] outputs = new float[trials][][];
    float[][][] hidden = new float[trials][][];
    for (int i = 0; i < trials; i++) {
      int steps = PERIOD * (1 + i % 2);
      float[][] inputs = new float[steps][2];
      float[][] targets = new float[steps][1];
      int[] classTargets = new int[steps];
      outputs[i] = new float[steps][];
      hidden[i] = new float[steps][UNITS];
      for (int t = 0; t < steps; t++) {
        double angle = 2 * Math.PI * t / PERIOD + 0.3 * i;
        double a = 4 * Math.cos(angle);
        double b = Math.sin(angle);
        for (int j = 0; j < UNITS; j++) {
          hidden[i][t][j] = (float) (CENTRE[j] + a * U[j] + b * V[j]);
        }
        inputs[t][0] = t < 5 ? 1 : 0;
        inputs[t][1] = t >= 5 ? 1 : 0;
        targets[t][0] = (float) (0.25 * a);
        classTargets[t] = t < 5 ? 0 : 1 + i % 2;
        outputs[i][t] =
            kind == TargetKind.CONTINUOUS
                ? new float[] {(float) (0.2 * a)}
                : new float[] {(float) a, (float) b, 0};
      }
      float[] mask = new float[steps];
      java.util.Arrays.fill(mask, 1);
      list.add(
          kind == TargetKind.CONTINUOUS
              ? new Trial(inputs, targets, null, mask, List.of(), Map.of())
              : new Trial(inputs, null, classTargets, mask, List.of(), Map.of()));
    }
    return new Evaluation(list, outputs, hidden);
  }

  /** Runs the analysis on 10 plane trials and hands the context to {@code check}. */
  private void run(OpenLoopTask task, Map<String, Object> values, Check check) throws Exception {
    run(task, planeEvaluation(10, task.targetKind()), values, check);
  }

  private void run(
      OpenLoopTask task, Evaluation evaluation, Map<String, Object> values, Check check)
      throws Exception {
    try (RecordingAnalysisContext context =
        new RecordingAnalysisContext(task, null, evaluation, directory, 1L)) {
      Latents analysis = new Latents();
      analysis.run(ComponentContract.parameters(analysis, values), context);
      check.accept(context);
    }
  }

  interface Check {
    void accept(RecordingAnalysisContext context) throws Exception;
  }

  @Test
  void isWellDeclared() {
    ComponentContract.assertWellDeclared(new Latents());
  }

  @Test
  void theTrainingPhaseIsTheFirstEightyPercentAsInCtdb() {
    assertThat(Latents.trainingTrials(200, 0.2)).isEqualTo(160);
    assertThat(Latents.trainingTrials(5, 0.2)).isEqualTo(4);
    assertThat(Latents.trainingTrials(10, 0)).isEqualTo(10);
    assertThat(Latents.trainingTrials(3, 0.5)).isEqualTo(1);
  }

  @Test
  void statesOnAPlaneNeedTwoComponentsAndHaveTheExpectedParticipationRatio() throws Exception {
    run(
        CONTINUOUS,
        Map.of("trials", 10),
        context -> {
          Map<String, Object> m = context.metrics();
          assertThat(m.keySet())
              .startsWith("explained_variance_ratio_pc1", "explained_variance_ratio_pc2")
              .contains(
                  "explained_variance_ratio_pc10",
                  "pcs_for_50_percent",
                  "pcs_for_90_percent",
                  "pcs_for_95_percent",
                  "pcs_for_99_percent",
                  "participation_ratio",
                  "hidden_units",
                  "training_trials",
                  "validation_trials");
          assertThat(m.values()).allMatch(v -> v instanceof Number);
          assertThat(number(m, "explained_variance_ratio_pc1")).isCloseTo(16 / 17.0, within(1e-5));
          assertThat(number(m, "explained_variance_ratio_pc2")).isCloseTo(1 / 17.0, within(1e-5));
          assertThat(number(m, "explained_variance_ratio_pc3")).isCloseTo(0, within(1e-5));
          assertThat(m.get("pcs_for_50_percent")).isEqualTo(1);
          assertThat(m.get("pcs_for_90_percent")).isEqualTo(1);
          assertThat(m.get("pcs_for_95_percent")).isEqualTo(2);
          assertThat(m.get("pcs_for_99_percent")).isEqualTo(2);
          // (16 + 1)² / (16² + 1²)
          assertThat(number(m, "participation_ratio")).isCloseTo(289 / 257.0, within(1e-4));
          assertThat(m.get("hidden_units")).isEqualTo(UNITS);
          assertThat(m.get("training_trials")).isEqualTo(8);
          assertThat(m.get("validation_trials")).isEqualTo(2);
        });
  }

  @Test
  void thePcaIsFittedOnTheTrainingPhaseAndTheParticipationRatioOnAllTrials() throws Exception {
    // The two validation trials (8 and 9) are moved off the plane along a third direction W:
    // the training-phase fit does not see it, the participation ratio of all trials does.
    Evaluation evaluation = planeEvaluation(10, TargetKind.CONTINUOUS);
    double[] w = unit(7, 1, 8, 0);
    for (int i = 8; i < 10; i++) {
      for (float[] state : evaluation.hidden()[i]) {
        for (int j = 0; j < UNITS; j++) {
          state[j] += (float) ((i == 8 ? 3 : -3) * w[j]);
        }
      }
    }
    run(
        CONTINUOUS,
        evaluation,
        Map.of("trials", 10),
        context -> {
          Map<String, Object> m = context.metrics();
          assertThat(number(m, "explained_variance_ratio_pc1")).isCloseTo(16 / 17.0, within(1e-5));
          assertThat(number(m, "explained_variance_ratio_pc3")).isCloseTo(0, within(1e-5));
          assertThat(context.arrays("latents.npz").get("mean").toDoubleArray())
              .containsExactly(CENTRE, within(1e-5));
          assertThat(number(m, "participation_ratio")).isGreaterThan(289 / 257.0 + 0.1);
          // Validation trial 8 sits at +3 along W, outside the fitted plane: its scores on the
          // first 2 components still follow (a, b).
          float[] scores = context.arrays("latents.npz").get("trajectories").toFloatArray();
          int at = (8 * 40) * 10;
          assertThat(scores[at]).isCloseTo((float) (4 * Math.cos(0.3 * 8)), within(1e-4f));
        });
  }

  @Test
  void theArraysHoldTheFitAndTheNanPaddedTrajectoriesOfEveryTrial() throws Exception {
    run(
        CONTINUOUS,
        Map.of("trials", 10, "maxPcs", 3),
        context -> {
          Map<String, NDArray> a = context.arrays("latents.npz");
          assertThat(a)
              .containsOnlyKeys(
                  "mean",
                  "components",
                  "explained_variance",
                  "explained_variance_ratio",
                  "trajectories",
                  "lengths",
                  "training_trials");
          assertThat(a.get("mean").toDoubleArray()).containsExactly(CENTRE, within(1e-5));
          assertThat(a.get("components").getShape().getShape()).containsExactly(UNITS, UNITS);
          double[] components = a.get("components").toDoubleArray();
          double[] first = java.util.Arrays.copyOfRange(components, 0, UNITS);
          double[] second = java.util.Arrays.copyOfRange(components, UNITS, 2 * UNITS);
          assertThat(first).containsExactly(U, within(1e-4));
          assertThat(second).containsExactly(V, within(1e-4));
          assertThat(a.get("explained_variance").getShape().getShape()).containsExactly(UNITS);
          assertThat(a.get("training_trials").toIntArray()).containsExactly(8);

          assertThat(a.get("lengths").toIntArray())
              .containsExactly(20, 40, 20, 40, 20, 40, 20, 40, 20, 40);
          NDArray trajectories = a.get("trajectories");
          assertThat(trajectories.getShape().getShape()).containsExactly(10, 40, 3);
          float[] scores = trajectories.toFloatArray();
          // Trial 2, step 7: scores are (a, b, 0) since the components are U and V.
          double angle = 2 * Math.PI * 7 / PERIOD + 0.3 * 2;
          int at = (2 * 40 + 7) * 3;
          assertThat(scores[at]).isCloseTo((float) (4 * Math.cos(angle)), within(1e-4f));
          assertThat(scores[at + 1]).isCloseTo((float) Math.sin(angle), within(1e-4f));
          assertThat(scores[at + 2]).isCloseTo(0f, within(1e-4f));
          // Trial 2 ends after 20 steps: the rest is NaN; trial 3 is 40 steps long.
          assertThat(scores[(2 * 40 + 20) * 3]).isNaN();
          assertThat(scores[(2 * 40 + 39) * 3 + 2]).isNaN();
          assertThat(scores[(3 * 40 + 39) * 3]).isNotNaN();
        });
  }

  @Test
  void theScreePlotShowsEachAndCumulativeVarianceWithTheFourLines() throws Exception {
    run(
        CONTINUOUS,
        Map.of("trials", 10, "maxPcs", 4),
        context -> {
          PanelFigure scree = context.panelFigures().get("scree.png");
          assertThat(scree.panels()).hasSize(2);
          LinePlot.Series each = scree.panels().get(0).series().get(0);
          assertThat(each.x()).containsExactly(1, 2, 3, 4);
          assertThat(each.y()[0]).isCloseTo(100 * 16 / 17.0, within(1e-3));
          List<LinePlot.Series> cumulative = scree.panels().get(1).series();
          assertThat(cumulative.get(0).y()[1]).isCloseTo(100, within(1e-3));
          assertThat(cumulative.subList(1, 5))
              .allMatch(LinePlot.Series::muted)
              .extracting(s -> s.y()[0])
              .containsExactly(50.0, 90.0, 95.0, 99.0);
        });
  }

  @Test
  void theTrialFigureHasRowsOfLatentsOutputsTargetsAndInputsForValidationTrials() throws Exception {
    run(
        CONTINUOUS,
        Map.of("trials", 10, "plotTrials", 3),
        context -> {
          PanelFigure io = context.panelFigures().get("trial-io.png");
          // Only 2 validation trials (8 and 9) exist, so 2 columns.
          assertThat(io.columns()).isEqualTo(2);
          assertThat(io.rows()).isEqualTo(4);
          List<LinePlot> p = io.panels();
          assertThat(p)
              .extracting(LinePlot::title)
              .containsExactly(
                  "Trial 8: latent activity",
                  "Trial 9: latent activity",
                  "Trial 8: outputs",
                  "Trial 9: outputs",
                  "Trial 8: targets",
                  "Trial 9: targets",
                  "Trial 8: inputs",
                  "Trial 9: inputs");
          assertThat(p.get(0).series())
              .extracting(LinePlot.Series::name)
              .containsExactly("PC1", "PC2", "PC3");
          assertThat(p.get(2).series()).extracting(LinePlot.Series::name).containsExactly("bit");
          assertThat(p.get(6).series())
              .extracting(LinePlot.Series::name)
              .containsExactly("cue", "go");
          // Time in ms: step t ends at (t + 1)·dt; trial 9 has 40 steps of 10 ms.
          assertThat(p.get(1).series().get(0).x()).hasSize(40).startsWith(10.0).endsWith(400.0);
        });
  }

  @Test
  void trajectoriesShowTheFirstTrialsInColourAndTheOthersMuted() throws Exception {
    run(
        CONTINUOUS,
        Map.of("trials", 10, "trajectoryTrials", 1),
        context -> {
          LinePlot plane = context.figures().get("trajectories-2d.png");
          assertThat(plane.xLabel()).isEqualTo("PC1");
          assertThat(plane.yLabel()).isEqualTo("PC2");
          // Muted context first (underneath), then the coloured trial.
          assertThat(plane.series())
              .extracting(LinePlot.Series::name)
              .containsExactly("trial 9", "trial 8");
          assertThat(plane.series())
              .extracting(LinePlot.Series::muted)
              .containsExactly(true, false);

          PanelFigure space = context.panelFigures().get("trajectories-3d.png");
          assertThat(space.panels()).hasSize(3);
          assertThat(space.panels())
              .extracting(p -> p.xLabel() + "-" + p.yLabel())
              .containsExactly("PC1-PC2", "PC1-PC3", "PC2-PC3");
          assertThat(space.panels()).allMatch(p -> p.series().size() == 2);
        });
  }

  @Test
  void classTargetsAreDrawnOneHotAndTheOutputsAsProbabilities() throws Exception {
    FakeTask task = new FakeTask(TargetKind.CLASS_INDEX, List.of("fixate", "choice-1", "choice-2"));
    run(
        task,
        Map.of("trials", 10, "plotTrials", 1),
        context -> {
          List<LinePlot> p = context.panelFigures().get("trial-io.png").panels();
          LinePlot outputs = p.get(1);
          LinePlot targets = p.get(2);
          assertThat(outputs.series())
              .extracting(LinePlot.Series::name)
              .containsExactly("p(fixate)", "p(choice-1)", "p(choice-2)");
          for (int t = 0; t < 20; t++) {
            double sum = 0;
            for (LinePlot.Series s : outputs.series()) {
              sum += s.y()[t];
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
          }
          // Trial 8: class 0 for 5 steps, then class 1.
          assertThat(targets.series())
              .extracting(LinePlot.Series::name)
              .containsExactly("fixate", "choice-1", "choice-2");
          assertThat(targets.series().get(0).y()).startsWith(1, 1, 1, 1, 1, 0);
          assertThat(targets.series().get(1).y()).startsWith(0, 0, 0, 0, 0, 1);
          assertThat(targets.series().get(2).y()).containsOnly(0);
        });
  }

  @Test
  void withoutValidationTrialsTheFiguresShowEveryTrial() throws Exception {
    run(
        CONTINUOUS,
        Map.of("trials", 10, "validationFraction", 0, "trajectoryTrials", 0),
        context -> {
          assertThat(context.metrics().get("validation_trials")).isEqualTo(0);
          LinePlot plane = context.figures().get("trajectories-2d.png");
          assertThat(plane.series()).hasSize(10).allMatch(LinePlot.Series::muted);
          assertThat(context.panelFigures().get("trial-io.png").panels().get(0).title())
              .startsWith("Trial 0");
        });
  }

  @Test
  void refusesAValidationFractionThatLeavesNoTrainingTrial() {
    assertThatThrownBy(() -> run(CONTINUOUS, Map.of("trials", 1), context -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("validationFraction")
        .hasMessageContaining("no training trial");
  }

  @Test
  void refusesOutOfRangeParametersNamingTheKeyAndTheRange() {
    Latents analysis = new Latents();
    assertThatThrownBy(
            () -> ComponentContract.parameters(analysis, Map.of("validationFraction", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("validationFraction")
        .hasMessageContaining("0.99");
    assertThatThrownBy(() -> ComponentContract.parameters(analysis, Map.of("maxPcs", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPcs");
  }

  private static double number(Map<String, Object> metrics, String key) {
    return ((Number) metrics.get(key)).doubleValue();
  }

  private static double[] unit(int i, double x, int j, double y) {
    double[] v = new double[UNITS];
    v[i] = x;
    v[j] = y;
    return v;
  }
}
