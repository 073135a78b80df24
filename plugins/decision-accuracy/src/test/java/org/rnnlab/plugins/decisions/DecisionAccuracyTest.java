package org.rnnlab.plugins.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.RecordingAnalysisContext;

class DecisionAccuracyTest {

  @TempDir Path directory;

  /** A task with {@code choices} choices whose trials come from the test, not from the task. */
  record FakeTask(int choices, TargetKind targetKind) implements OpenLoopTask {
    @Override
    public double dtMs() {
      return 20;
    }

    @Override
    public List<String> inputChannels() {
      return List.of("cue");
    }

    @Override
    public List<String> outputChannels() {
      List<String> names = new ArrayList<>(List.of("fixate"));
      for (int k = 1; k <= choices; k++) {
        names.add("choice-" + k);
      }
      return names;
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      throw new UnsupportedOperationException("trials come from the test");
    }
  }

  /** Evaluation trials of three steps whose network output picks {@code choice} at the end. */
  private static final class Trials {
    final int classes;
    final List<Trial> trials = new ArrayList<>();
    final List<float[][]> outputs = new ArrayList<>();

    Trials(int classes) {
      this.classes = classes;
    }

    Trials add(int groundTruth, double coherence, int choice) {
      return add(groundTruth, coherence, choice, null);
    }

    Trials add(int groundTruth, double coherence, int choice, String task) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("groundTruth", groundTruth);
      metadata.put("coherence", coherence);
      if (task != null) {
        metadata.put("task", task);
      }
      trials.add(
          new Trial(
              new float[3][1],
              null,
              new int[] {0, 0, groundTruth},
              new float[] {1, 1, 1},
              List.of(new Period("stimulus", 0, 2), new Period("decision", 2, 3)),
              metadata));
      float[][] out = new float[3][classes];
      // Earlier steps strongly favour another class: only the last step may count.
      out[0][(choice + 1) % classes] = 9f;
      out[1][(choice + 1) % classes] = 9f;
      out[2][choice] = 2f;
      out[2][(choice + 1) % classes] = 1f;
      outputs.add(out);
      return this;
    }

    Evaluation evaluation() {
      return new Evaluation(
          trials, outputs.toArray(new float[0][][]), new float[trials.size()][3][1]);
    }
  }

  private RecordingAnalysisContext context(FakeTask task, Trials trials) throws Exception {
    return new RecordingAnalysisContext(task, null, trials.evaluation(), directory, 1L);
  }

  private static void run(RecordingAnalysisContext context, int trials) throws Exception {
    DecisionAccuracy analysis = new DecisionAccuracy();
    analysis.run(ComponentContract.parameters(analysis, Map.of("trials", trials)), context);
  }

  /**
   * 30 trials: at 0 % half are correct, at 12.8 % eight of ten, at 51.2 % all; ground truths
   * alternate 1, 2, 1, 2, …
   */
  private static Trials knownSplit() {
    Trials t = new Trials(3);
    double[] cohs = {0, 12.8, 51.2};
    int[] correctCount = {5, 8, 10};
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 10; i++) {
        int groundTruth = 1 + i % 2;
        t.add(groundTruth, cohs[c], i < correctCount[c] ? groundTruth : 3 - groundTruth);
      }
    }
    return t;
  }

  @Test
  void isWellDeclared() {
    ComponentContract.assertWellDeclared(new DecisionAccuracy());
    assertThat(ComponentContract.defaults(new DecisionAccuracy()).integer("trials")).isEqualTo(200);
  }

  @Test
  @SuppressWarnings("unchecked")
  void givesTheKnownAccuracyAndItsSplitByCoherence() throws Exception {
    try (RecordingAnalysisContext context =
        context(new FakeTask(2, TargetKind.CLASS_INDEX), knownSplit())) {
      run(context, 30);
      Map<String, Object> m = context.metrics();
      assertThat((Double) m.get("accuracy")).isCloseTo(23.0 / 30, within(1e-12));
      assertThat(m.get("trials")).isEqualTo(30);
      assertThat((Map<String, Object>) m.get("accuracy_by_coherence"))
          .containsExactly(entry("0", 0.5), entry("12.8", 0.8), entry("51.2", 1.0));
      assertThat((Map<String, Object>) m.get("trials_by_coherence"))
          .containsExactly(entry("0", 10), entry("12.8", 10), entry("51.2", 10));
      assertThat((Map<String, Object>) m.get("p_choice_2_by_signed_coherence"))
          .containsExactly(
              entry("-51.2", 0.0),
              entry("-12.8", 0.2),
              entry("0", 0.4),
              entry("12.8", 0.8),
              entry("51.2", 1.0));
      assertThat((Double) m.get("psychometric_slope")).isPositive();
    }
  }

  @Test
  void usesOnlyAPrefixOfTheEvaluationWhenAskedForFewerTrials() throws Exception {
    try (RecordingAnalysisContext context =
        context(new FakeTask(2, TargetKind.CLASS_INDEX), knownSplit())) {
      run(context, 10); // the ten 0 % trials
      assertThat(context.metrics()).containsEntry("accuracy", 0.5).containsEntry("trials", 10);
    }
  }

  @Test
  void choosingTheFixationClassAtTheLastStepIsWrong() throws Exception {
    Trials trials = new Trials(3).add(1, 25.6, 0).add(2, 25.6, 2);
    try (RecordingAnalysisContext context =
        context(new FakeTask(2, TargetKind.CLASS_INDEX), trials)) {
      run(context, 2);
      assertThat(context.metrics()).containsEntry("accuracy", 0.5);
      assertThat(context.arrays("choices.npz").get("choice").toIntArray()).containsExactly(0, 2);
      assertThat(context.arrays("choices.npz").get("correct").toIntArray()).containsExactly(0, 1);
    }
  }

  @Test
  void writesFiguresAndPerTrialArrays() throws Exception {
    try (RecordingAnalysisContext context =
        context(new FakeTask(2, TargetKind.CLASS_INDEX), knownSplit())) {
      run(context, 30);
      assertThat(context.figures())
          .containsOnlyKeys("psychometric.png", "accuracy-by-coherence.png");
      LinePlot psychometric = context.figures().get("psychometric.png");
      assertThat(psychometric.series())
          .extracting(LinePlot.Series::name)
          .containsExactly("network", "logistic fit");
      LinePlot.Series data = psychometric.series().get(0);
      assertThat(data.markersOnly()).isTrue();
      assertThat(data.x()).containsExactly(-51.2, -12.8, 0.0, 12.8, 51.2);
      double[] fit = psychometric.series().get(1).y();
      for (int i = 1; i < fit.length; i++) {
        assertThat(fit[i]).isGreaterThan(fit[i - 1]);
      }
      Map<String, ai.djl.ndarray.NDArray> arrays = context.arrays("choices.npz");
      assertThat(arrays)
          .containsOnlyKeys("choice", "correct", "groundTruth", "coherence", "signedCoherence");
      assertThat(arrays.get("groundTruth").toIntArray()).hasSize(30).startsWith(1, 2, 1);
      assertThat(arrays.get("coherence").toDoubleArray()).hasSize(30).endsWith(51.2);
      double[] signed = arrays.get("signedCoherence").toDoubleArray();
      assertThat(signed).containsSubsequence(0.0, -12.8, 12.8, -51.2).endsWith(51.2);
      // A 0 % trial with ground truth 1 is signed +0, not -0, so it shares the 0 % point.
      assertThat(Double.doubleToRawLongBits(signed[0])).isEqualTo(Double.doubleToRawLongBits(0.0));
      assertThat(directory.resolve("choices.npz")).exists();
    }
  }

  @Test
  void aTaskWithMoreThanTwoChoicesGetsNoPsychometricCurve() throws Exception {
    Trials trials = new Trials(4).add(1, 10, 1).add(3, 10, 2).add(2, 30, 2);
    try (RecordingAnalysisContext context =
        context(new FakeTask(3, TargetKind.CLASS_INDEX), trials)) {
      run(context, 3);
      assertThat(context.metrics())
          .containsKeys("accuracy", "accuracy_by_coherence")
          .doesNotContainKeys("p_choice_2_by_signed_coherence", "psychometric_slope");
      assertThat(context.figures()).containsOnlyKeys("accuracy-by-coherence.png");
    }
  }

  @Test
  void aTaskWithoutClassTargetsIsRejected() throws Exception {
    try (RecordingAnalysisContext context =
        context(new FakeTask(2, TargetKind.CONTINUOUS), knownSplit())) {
      assertThatThrownBy(() -> run(context, 30))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("decision-accuracy needs a task with class targets");
    }
  }

  @Test
  void logisticFitRecoversKnownParameters() {
    double a = 0.4;
    double b = 0.09;
    double[] levels = {-51.2, -25.6, -12.8, -6.4, 0, 6.4, 12.8, 25.6, 51.2};
    SplittableRandom random = new SplittableRandom(5);
    int n = 20000;
    double[] c = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      c[i] = levels[random.nextInt(levels.length)];
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(a + b * c[i])));
    }
    PsychometricFit fit = PsychometricFit.fit(c, y);
    assertThat(fit.intercept()).isCloseTo(a, within(0.06));
    assertThat(fit.slope()).isCloseTo(b, within(0.006));
    assertThat(fit.iterations()).isLessThan(20);
  }

  @Test
  void logisticFitStaysFiniteOnPerfectlySeparatedChoices() {
    double[] c = {-20, -10, -10, 10, 10, 20};
    boolean[] y = {false, false, false, true, true, true};
    PsychometricFit fit = PsychometricFit.fit(c, y);
    assertThat(fit.slope()).isFinite().isPositive();
    assertThat(fit.probability(10)).isGreaterThan(0.9);
    assertThat(fit.probability(-10)).isLessThan(0.1);
  }

  @Test
  void trialsOfSeveralTasksAreAlsoScoredPerTask() throws Exception {
    Trials t = new Trials(3);
    for (int i = 0; i < 4; i++) {
      t.add(1, 12.8, 1, "easy");
      t.add(2, 12.8, i == 0 ? 2 : 1, "hard");
    }
    try (RecordingAnalysisContext c = context(new FakeTask(2, TargetKind.CLASS_INDEX), t)) {
      run(c, 8);
      assertThat(c.metrics().get("accuracy_by_task")).isEqualTo(Map.of("easy", 1.0, "hard", 0.25));
    }
  }

  @Test
  void probitFitRecoversKnownParameters() {
    double a = -0.3;
    double b = 0.05;
    double[] levels = {-51.2, -25.6, -12.8, -6.4, 0, 6.4, 12.8, 25.6, 51.2};
    SplittableRandom random = new SplittableRandom(6);
    int n = 20000;
    double[] c = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      c[i] = levels[random.nextInt(levels.length)];
      y[i] = random.nextGaussian() < a + b * c[i];
    }
    PsychometricFit fit = PsychometricFit.fit(c, y, PsychometricFit.Link.PROBIT);
    assertThat(fit.intercept()).isCloseTo(a, within(0.04));
    assertThat(fit.slope()).isCloseTo(b, within(0.004));
  }

  @Test
  void theNormalCdfMatchesKnownValues() {
    assertThat(PsychometricFit.cdf(PsychometricFit.Link.PROBIT, 0)).isCloseTo(0.5, within(1e-7));
    assertThat(PsychometricFit.cdf(PsychometricFit.Link.PROBIT, 1.959964))
        .isCloseTo(0.975, within(1e-6));
    assertThat(PsychometricFit.cdf(PsychometricFit.Link.PROBIT, -3))
        .isCloseTo(0.0013499, within(1e-6));
  }

  @Test
  void coherenceKeysArePlainDecimals() {
    assertThat(DecisionAccuracy.key(12.8)).isEqualTo("12.8");
    assertThat(DecisionAccuracy.key(0.0)).isEqualTo("0");
    assertThat(DecisionAccuracy.key(-6.4)).isEqualTo("-6.4");
    assertThat(DecisionAccuracy.key(100)).isEqualTo("100");
  }
}
