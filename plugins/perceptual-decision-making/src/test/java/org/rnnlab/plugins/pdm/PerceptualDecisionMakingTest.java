package org.rnnlab.plugins.pdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

class PerceptualDecisionMakingTest {

  private static final PerceptualDecisionMaking PDM = new PerceptualDecisionMaking();

  private static OpenLoopTask task(Map<String, ?> overrides) {
    return PDM.create(ComponentContract.parameters(PDM, overrides));
  }

  private static List<Trial> trials(OpenLoopTask task, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return java.util.stream.Stream.generate(() -> task.newTrial(random)).limit(n).toList();
  }

  @Test
  void isWellDeclared() {
    ComponentContract.assertWellDeclared(PDM);
  }

  @Test
  void keepsTheTaskInvariantsAndIsDeterministicPerSeed() {
    TaskContract.assertTrialsWellFormed(task(Map.of()), 50, 3L);
    TaskContract.assertTrialsWellFormed(task(Map.of("dimRing", 4, "dt", 20)), 20, 4L);
  }

  @Test
  void hasNeuroGymsDefaults() {
    OpenLoopTask task = task(Map.of());
    assertThat(task.dtMs()).isEqualTo(100.0);
    assertThat(task.targetKind()).isEqualTo(TargetKind.CLASS_INDEX);
    assertThat(task.inputChannels()).containsExactly("fixation", "stimulus-1", "stimulus-2");
    assertThat(task.outputChannels()).containsExactly("fixate", "choice-1", "choice-2");
    Trial trial = task.newTrial(new SplittableRandom(1));
    // 100 + 2000 + 0 + 100 ms at 100 ms per step
    assertThat(trial.steps()).isEqualTo(22);
    assertThat(trial.metadata()).containsOnlyKeys("groundTruth", "coherence", "stimulusAngle");
  }

  @ParameterizedTest(name = "dt {0} ms, {1} {2} ms -> {3} steps")
  @CsvSource({
    "20, stimulus, 1000, 50",
    "30, fixation, 100, 3",
    "30, stimulus, 2000, 66",
    "100, delay, 250, 2",
    "10, decision, 100, 10"
  })
  void periodsAreFlooredToTheTimeStep(double dt, String period, double ms, int steps) {
    OpenLoopTask task = task(Map.of("dt", dt, "timing", Map.of(period, ms)));
    Trial trial = task.newTrial(new SplittableRandom(2));
    assertThat(trial.period(period).steps()).isEqualTo(steps);
  }

  @Test
  void periodsComeInOrderAndTileTheTrial() {
    Trial trial =
        task(Map.of("dt", 20, "timing", Map.of("delay", 300))).newTrial(new SplittableRandom(5));
    assertThat(trial.periods())
        .extracting(Period::name)
        .containsExactly("fixation", "stimulus", "delay", "decision");
    assertThat(trial.periods()).extracting(Period::steps).containsExactly(5, 100, 15, 5);
    int end = 0;
    for (Period p : trial.periods()) {
      assertThat(p.startStep()).isEqualTo(end);
      end = p.endStep();
    }
    assertThat(end).isEqualTo(trial.steps());
  }

  @Test
  void aZeroDelayIsAnEmptyPeriod() {
    Trial trial = task(Map.of()).newTrial(new SplittableRandom(5));
    assertThat(trial.period("delay").steps()).isZero();
    assertThat(trial.period("delay").startStep()).isEqualTo(trial.period("decision").startStep());
  }

  @Test
  void halvingDtKeepsEveryDuration() {
    // Durations on the coarse grid: both time steps represent them exactly.
    Map<String, Object> timing = Map.of("fixation", 300, "stimulus", 760, "delay", 200);
    Trial coarse = task(Map.of("dt", 20, "timing", timing)).newTrial(new SplittableRandom(1));
    Trial fine = task(Map.of("dt", 10, "timing", timing)).newTrial(new SplittableRandom(1));
    for (String name : PerceptualDecisionMakingTrials.PERIODS) {
      assertThat(fine.period(name).steps() * 10.0)
          .as(name)
          .isEqualTo(coarse.period(name).steps() * 20.0);
    }
    assertThat(fine.steps()).isEqualTo(2 * coarse.steps());
  }

  @Test
  void theChoiceIsTheTargetOnlyDuringTheDecisionPeriod() {
    for (Trial trial : trials(task(Map.of("dt", 20, "dimRing", 3)), 60, 8)) {
      int groundTruth = (Integer) trial.metadata().get("groundTruth");
      assertThat(groundTruth).isBetween(1, 3);
      Period decision = trial.period("decision");
      for (int t = 0; t < trial.steps(); t++) {
        int expected = t >= decision.startStep() && t < decision.endStep() ? groundTruth : 0;
        assertThat(trial.classTargets()[t]).as("step %d", t).isEqualTo(expected);
      }
    }
  }

  @Test
  void fixationInputIsOnOnlyDuringFixationAndStimuliOnlyDuringTheStimulus() {
    Trial trial =
        task(Map.of("dt", 20, "timing", Map.of("delay", 200))).newTrial(new SplittableRandom(9));
    Period fixation = trial.period("fixation");
    Period stimulus = trial.period("stimulus");
    for (int t = 0; t < trial.steps(); t++) {
      boolean inFixation = t >= fixation.startStep() && t < fixation.endStep();
      assertThat(trial.inputs()[t][0]).as("fixation at step %d", t).isEqualTo(inFixation ? 1f : 0f);
      if (t < stimulus.startStep() || t >= stimulus.endStep()) {
        assertThat(trial.inputs()[t][1]).as("stimulus-1 at step %d", t).isZero();
        assertThat(trial.inputs()[t][2]).as("stimulus-2 at step %d", t).isZero();
      }
    }
  }

  @Test
  void withTheEarlierFixationCueTheFixationInputGoesOffExactlyAtTheDecision() {
    Trial trial =
        task(Map.of("dt", 20, "timing", Map.of("delay", 200), "fixationCue", "until-decision"))
            .newTrial(new SplittableRandom(9));
    int decision = trial.period("decision").startStep();
    for (int t = 0; t < trial.steps(); t++) {
      assertThat(trial.inputs()[t][0])
          .as("fixation at step %d", t)
          .isEqualTo(t < decision ? 1f : 0f);
    }
  }

  @Test
  void aGivenGroundTruthIsUsedAndAnInvalidOneRefused() {
    OpenLoopTask t = task(Map.of("dt", 20));
    assertThat(t.conditions()).containsExactly(OpenLoopTask.GROUND_TRUTH);
    for (int seed = 0; seed < 10; seed++) {
      Trial trial = t.newTrial(new SplittableRandom(seed), Map.of(OpenLoopTask.GROUND_TRUTH, 2));
      assertThat(trial.metadata().get("groundTruth")).isEqualTo(2);
      assertThat(trial.classTargets()[trial.steps() - 1]).isEqualTo(2);
    }
    assertThatThrownBy(
            () -> t.newTrial(new SplittableRandom(1), Map.of(OpenLoopTask.GROUND_TRUTH, 3)))
        .hasMessageContaining("choice 1..2");
    assertThatThrownBy(() -> t.newTrial(new SplittableRandom(1), Map.of("coherence", 3.2)))
        .hasMessageContaining("only its groundTruth");
  }

  @Test
  void everyStepIsTrainedOn() {
    for (Trial trial : trials(task(Map.of("dt", 20)), 5, 1)) {
      for (float m : trial.mask()) {
        assertThat(m).isEqualTo(1f);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 8})
  void withoutNoiseTheStimulusIsTheCosineTuningOfTheGroundTruth(int dimRing) {
    OpenLoopTask task = task(Map.of("sigma", 0.0, "dimRing", dimRing, "cohs", List.of(25.6)));
    for (Trial trial : trials(task, 20, dimRing)) {
      int groundTruth = (Integer) trial.metadata().get("groundTruth");
      double theta = (Double) trial.metadata().get("stimulusAngle");
      assertThat(theta).isCloseTo(2 * Math.PI * (groundTruth - 1) / dimRing, within(1e-12));
      int t = trial.period("stimulus").startStep();
      for (int k = 1; k <= dimRing; k++) {
        double expected = Math.cos(2 * Math.PI * (k - 1) / dimRing - theta) * 25.6 / 200 + 0.5;
        assertThat((double) trial.inputs()[t][k]).isCloseTo(expected, within(1e-6));
      }
    }
  }

  @Test
  void theGroundTruthChannelIsLargerOnAverage() {
    OpenLoopTask task = task(Map.of("dt", 20, "cohs", List.of(6.4, 12.8)));
    for (Trial trial : trials(task, 100, 12)) {
      int groundTruth = (Integer) trial.metadata().get("groundTruth");
      double coherence = (Double) trial.metadata().get("coherence");
      Period stimulus = trial.period("stimulus");
      double[] mean = new double[3];
      for (int t = stimulus.startStep(); t < stimulus.endStep(); t++) {
        mean[1] += trial.inputs()[t][1] / (double) stimulus.steps();
        mean[2] += trial.inputs()[t][2] / (double) stimulus.steps();
      }
      // The difference of means is coh/100 ± noise of std sqrt(2)·(1/sqrt(20))/sqrt(100) ≈ 0.032.
      double difference = mean[groundTruth] - mean[3 - groundTruth];
      assertThat(difference).isCloseTo(coherence / 100, within(0.15));
    }
    // Pooled over trials the sign is reliable: at 12.8 % the mean difference is 0.128.
    double pooled = 0;
    int n = 0;
    for (Trial trial : trials(task(Map.of("dt", 20, "cohs", List.of(12.8))), 200, 13)) {
      int g = (Integer) trial.metadata().get("groundTruth");
      Period stimulus = trial.period("stimulus");
      for (int t = stimulus.startStep(); t < stimulus.endStep(); t++) {
        pooled += trial.inputs()[t][g] - trial.inputs()[t][3 - g];
        n++;
      }
    }
    assertThat(pooled / n).isCloseTo(0.128, within(0.01));
  }

  @ParameterizedTest(name = "sigma {0}, dt {1} ms")
  @CsvSource({"1.0, 20", "1.0, 100", "0.5, 10"})
  void stimulusNoiseHasStandardDeviationSigmaOverSqrtDt(double sigma, double dt) {
    OpenLoopTask task =
        task(
            Map.of(
                "sigma",
                sigma,
                "dt",
                dt,
                "cohs",
                List.of(51.2),
                "timing",
                Map.of("stimulus", 4000)));
    double sum = 0;
    double sumSquares = 0;
    int n = 0;
    for (Trial trial : trials(task, 150, 21)) {
      int g = (Integer) trial.metadata().get("groundTruth");
      Period stimulus = trial.period("stimulus");
      for (int t = stimulus.startStep(); t < stimulus.endStep(); t++) {
        for (int k = 1; k <= 2; k++) {
          double mean = (k == g ? 1 : -1) * 51.2 / 200 + 0.5;
          double residual = trial.inputs()[t][k] - mean;
          sum += residual;
          sumSquares += residual * residual;
          n++;
        }
      }
    }
    double std = Math.sqrt(sumSquares / n - (sum / n) * (sum / n));
    assertThat(std).isCloseTo(sigma / Math.sqrt(dt), within(0.03 * sigma / Math.sqrt(dt)));
    assertThat(sum / n).isCloseTo(0, within(0.05 * sigma / Math.sqrt(dt)));
  }

  @Test
  void groundTruthAndCoherenceAreDrawnUniformly() {
    double[] cohs = {0, 6.4, 12.8, 25.6, 51.2};
    int[] byChoice = new int[4];
    Map<Double, Integer> byCoherence = new java.util.HashMap<>();
    int n = 3000;
    for (Trial trial : trials(task(Map.of("dimRing", 3, "dt", 100)), n, 33)) {
      byChoice[(Integer) trial.metadata().get("groundTruth")]++;
      byCoherence.merge((Double) trial.metadata().get("coherence"), 1, Integer::sum);
    }
    for (int k = 1; k <= 3; k++) {
      assertThat(byChoice[k]).as("choice %d", k).isBetween(900, 1100);
    }
    assertThat(byCoherence).containsOnlyKeys(0.0, 6.4, 12.8, 25.6, 51.2);
    for (double c : cohs) {
      assertThat(byCoherence.get(c)).as("coherence %s", c).isBetween(520, 680);
    }
  }

  @Test
  void theSameSeedGivesTheSameTrials() {
    OpenLoopTask task = task(Map.of("dt", 20));
    List<Trial> a = trials(task, 10, 77);
    List<Trial> b = trials(task, 10, 77);
    List<Trial> c = trials(task, 10, 78);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).inputs()).isDeepEqualTo(a.get(i).inputs());
      assertThat(b.get(i).classTargets()).isEqualTo(a.get(i).classTargets());
      assertThat(b.get(i).metadata()).isEqualTo(a.get(i).metadata());
    }
    assertThat(c.get(0).inputs()).isNotEqualTo(a.get(0).inputs());
  }

  @Test
  void rejectsADecisionPeriodShorterThanDt() {
    assertThatThrownBy(() -> task(Map.of("dt", 100, "timing", Map.of("decision", 50))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timing.decision")
        .hasMessageContaining("dt = 100.0 ms");
  }

  @Test
  void aDelayDrawnFromADistributionVariesPerTrialOnTheDtGrid() {
    OpenLoopTask task =
        task(
            Map.of(
                "dt",
                20,
                "timing",
                Map.of("delay", Map.of("truncatedExponential", List.of(600, 300, 3000)))));
    SplittableRandom random = new SplittableRandom(4);
    java.util.Set<Integer> lengths = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      Trial trial = task.newTrial(random);
      Period delay = trial.periods().get(2);
      int steps = delay.endStep() - delay.startStep();
      assertThat(steps).isBetween(300 / 20, 3000 / 20);
      assertThat(trial.periods().get(3).startStep()).isEqualTo(delay.endStep());
      lengths.add(steps);
    }
    assertThat(lengths).hasSizeGreaterThan(20);
  }

  @Test
  void anUntilPeriodEndsAtItsTimeFromTheTrialStart() {
    OpenLoopTask task =
        task(
            Map.of(
                "dt",
                20,
                "timing",
                Map.of(
                    "stimulus",
                    Map.of("uniform", List.of(200, 800)),
                    "delay",
                    Map.of("until", 1500))));
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 20; i++) {
      assertThat(task.newTrial(random).periods().get(3).startStep()).isEqualTo(1500 / 20);
    }
  }

  @Test
  void rejectsADecisionPeriodThatCanBeShorterThanDt() {
    assertThatThrownBy(
            () ->
                task(
                    Map.of(
                        "dt",
                        100,
                        "timing",
                        Map.of("decision", Map.of("choice", List.of(50, 300))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timing.decision can be 50.0 ms");
  }

  @Test
  void rejectsANonPositiveDtAndEmptyCoherences() {
    assertThatThrownBy(() -> task(Map.of("dt", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dt > 0");
    assertThatThrownBy(() -> task(Map.of("cohs", List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'cohs'")
        .hasMessageContaining("must not be empty");
  }
}
