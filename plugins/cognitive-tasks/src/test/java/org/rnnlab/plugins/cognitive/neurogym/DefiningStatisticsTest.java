package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;

/** Per task: the statistic that defines it, NeuroGym's defaults and the task's own options. */
class DefiningStatisticsTest {

  static OpenLoopTask task(Task task, Map<String, ?> overrides) {
    return (OpenLoopTask) task.create(ComponentContract.parameters(task, overrides));
  }

  static List<Trial> trials(OpenLoopTask task, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(task.newTrial(random));
    }
    return out;
  }

  static int integer(Trial trial, String key) {
    return ((Number) trial.metadata().get(key)).intValue();
  }

  static double number(Trial trial, String key) {
    return ((Number) trial.metadata().get(key)).doubleValue();
  }

  /** Mean of one input channel over a period. */
  static double mean(Trial trial, String period, int channel) {
    Period p = trial.period(period);
    double sum = 0;
    for (int t = p.startStep(); t < p.endStep(); t++) {
      sum += trial.inputs()[t][channel];
    }
    return sum / p.steps();
  }

  static int targetAt(Trial trial, String period) {
    return trial.classTargets()[trial.period(period).startStep()];
  }

  @Nested
  class GoNogoTask {
    final GoNogo component = new GoNogo();

    @Test
    void theTargetIsGoThroughTheDecisionExactlyOnGoTrials() {
      OpenLoopTask task = task(component, Map.of());
      assertThat(task.inputChannels()).containsExactly("fixation", "nogo", "go");
      assertThat(task.outputChannels()).containsExactly("fixate", "go");
      int go = 0;
      for (Trial trial : trials(task, 200, 1)) {
        boolean isGo = (Boolean) trial.metadata().get("go");
        go += isGo ? 1 : 0;
        Period stimulus = trial.period("stimulus");
        Period decision = trial.period("decision");
        for (int t = stimulus.startStep(); t < stimulus.endStep(); t++) {
          assertThat(trial.inputs()[t][2]).isEqualTo(isGo ? 1f : 0f);
          assertThat(trial.inputs()[t][1]).isEqualTo(isGo ? 0f : 1f);
        }
        for (int t = decision.startStep(); t < decision.endStep(); t++) {
          assertThat(trial.classTargets()[t]).isEqualTo(isGo ? 1 : 0);
        }
      }
      assertThat(go).as("go trials out of 200").isBetween(80, 120);
    }

    @Test
    void hasNeuroGymsDefaultTiming() {
      Trial trial = task(component, Map.of()).newTrial(new SplittableRandom(2));
      assertThat(trial.periods())
          .extracting(Period::steps)
          .containsExactly(0, 5, 5, 5); // 0, 500, 500, 500 ms at 100 ms
    }
  }

  @Nested
  class ContextDecisionMakingTask {
    final ContextDecisionMaking component = new ContextDecisionMaking();

    @ParameterizedTest(name = "explicit context {0}")
    @ValueSource(booleans = {false, true})
    void theRelevantModalitysDirectionDecidesTheChoice(boolean explicit) {
      OpenLoopTask task = task(component, Map.of("sigma", 0.0, "explicitContext", explicit));
      int agreeing = 0;
      Set<Integer> contexts = new HashSet<>();
      List<Trial> all = trials(task, 300, 3);
      for (Trial trial : all) {
        int context = integer(trial, "context");
        contexts.add(context);
        // Channels: fixation, modality1-1, modality1-2, modality2-1, modality2-2.
        int first = context == 1 ? 1 : 3;
        double evidence = mean(trial, "stimulus", first) - mean(trial, "stimulus", first + 1);
        int choice = evidence > 0 ? 1 : 2;
        assertThat(choice).isEqualTo(integer(trial, "groundTruth"));
        assertThat(targetAt(trial, "decision")).isEqualTo(choice);
        assertThat(Math.abs(evidence))
            .isCloseTo(number(trial, "coherence" + context) / 100, within(1e-6));
        int irrelevant = 3 - context;
        if (integer(trial, "direction" + irrelevant) == integer(trial, "groundTruth")) {
          agreeing++;
        }
        if (explicit) {
          for (float[] step : trial.inputs()) {
            assertThat(step[4 + context]).as("context cue of the relevant modality").isEqualTo(1f);
            assertThat(step[4 + irrelevant]).isZero();
          }
        }
      }
      assertThat(agreeing).as("the irrelevant modality agrees by chance only").isBetween(120, 180);
      assertThat(contexts).isEqualTo(explicit ? Set.of(1, 2) : Set.of(1));
      assertThat(task.inputChannels()).hasSize(explicit ? 7 : 5);
    }

    @Test
    void withAnImplicitContextTheConfiguredModalityIsRelevant() {
      for (Trial trial : trials(task(component, Map.of("contextModality", 2)), 30, 4)) {
        assertThat(integer(trial, "context")).isEqualTo(2);
        assertThat(integer(trial, "direction2")).isEqualTo(integer(trial, "groundTruth"));
      }
    }

    @Test
    void theSourcesFixationCueIsOnlyOnDuringFixation() {
      OpenLoopTask task = task(component, Map.of("fixationCue", "fixation-period"));
      for (Trial trial : trials(task, 20, 5)) {
        int end = trial.period("fixation").endStep();
        for (int t = 0; t < trial.steps(); t++) {
          assertThat(trial.inputs()[t][0]).isEqualTo(t < end ? 1f : 0f);
        }
      }
    }

    @Test
    void theDelayIsTheSourcesTruncatedExponential() {
      double sum = 0;
      List<Trial> all = trials(task(component, Map.of("dt", 10)), 2000, 6);
      for (Trial trial : all) {
        double ms = trial.period("delay").steps() * 10.0;
        assertThat(ms).isBetween(300.0, 3000.0);
        sum += ms;
      }
      // Mean of Exp(600) truncated to [300, 3000): about 888 ms (minus ~5 ms of flooring).
      assertThat(sum / all.size()).isCloseTo(883, within(40.0));
    }
  }

  @Nested
  class DelayMatchSampleTask {
    @Test
    void itIsAMatchExactlyWhenSampleAndTestAreEqual() {
      OpenLoopTask task = task(new DelayMatchSample(), Map.of("sigma", 0.0, "dimRing", 4));
      for (Trial trial : trials(task, 200, 7)) {
        double sample = number(trial, "sampleAngle");
        double test = number(trial, "testAngle");
        boolean match = (Boolean) trial.metadata().get("match");
        assertThat(match).isEqualTo(sample == test);
        assertThat(targetAt(trial, "decision")).isEqualTo(match ? 1 : 2);
        if (!match) {
          assertThat(RingDistance.of(sample, test)).isCloseTo(Math.PI, within(1e-9));
        }
        for (int k = 0; k < 4; k++) {
          assertThat(mean(trial, "sample", 1 + k))
              .isCloseTo(Math.cos(Math.PI / 2 * k - sample) * 0.5 + 0.5, within(1e-6));
          assertThat(mean(trial, "test", 1 + k))
              .isCloseTo(Math.cos(Math.PI / 2 * k - test) * 0.5 + 0.5, within(1e-6));
        }
      }
    }
  }

  @Nested
  class DelayMatchSampleDistractor1DTask {
    final DelayMatchSampleDistractor1D component = new DelayMatchSampleDistractor1D();

    @Test
    void theSampleRecursInExactlyOneTestAndMatchIsTheTargetThereOnly() {
      OpenLoopTask task = task(component, Map.of());
      assertThat(task.inputChannels()).hasSize(33).startsWith("fixation", "stimulus-1");
      assertThat(task.outputChannels()).containsExactly("fixate", "match");
      int[] matches = new int[4];
      for (Trial trial : trials(task, 300, 30)) {
        int m = integer(trial, "matchTest");
        matches[m]++;
        double sample = number(trial, "sampleAngle");
        int recurring = 0;
        for (int i = 1; i <= 3; i++) {
          double angle = number(trial, "test" + i + "Angle");
          assertThat(angle).isBetween(0.0, 2 * Math.PI);
          if (angle == sample) {
            recurring++;
            assertThat(i).as("the test that repeats the sample").isEqualTo(m);
          }
        }
        assertThat(recurring).as("the sample recurs once").isEqualTo(1);
        Period match = trial.period("test" + m);
        assertThat(match.steps()).isEqualTo(5);
        for (int t = 0; t < trial.steps(); t++) {
          boolean inMatch = t >= match.startStep() && t < match.endStep();
          assertThat(trial.classTargets()[t])
              .as("step %d, match test %s", t, match)
              .isEqualTo(inMatch ? DelayMatchSampleDistractor1D.MATCH : 0);
          assertThat(trial.inputs()[t][0])
              .as("fixation input at step %d", t)
              .isEqualTo(t < trial.period("fixation").endStep() ? 1f : 0f);
        }
        // The sample and each test show cos(θ_k − θ) on 32 channels, nothing in between.
        for (String p : List.of("sample", "test1", "test2", "test3")) {
          double theta = number(trial, p.equals("sample") ? "sampleAngle" : p + "Angle");
          for (int k = 0; k < 32; k++) {
            assertThat(mean(trial, p, 1 + k))
                .as("%s, channel %d", p, k)
                .isCloseTo(Math.cos(2 * Math.PI * k / 32 - theta), within(1e-6));
          }
        }
        for (String p : List.of("fixation", "delay1", "delay2", "delay3")) {
          for (int k = 1; k <= 32; k++) {
            assertThat(mean(trial, p, k)).as("%s, channel %d", p, k).isZero();
          }
        }
      }
      for (int m = 1; m <= 3; m++) {
        assertThat(matches[m]).as("trials matching at test %d of 300", m).isBetween(70, 130);
      }
    }

    @Test
    void hasNeuroGymsDefaultTiming() {
      Trial trial = task(component, Map.of()).newTrial(new SplittableRandom(31));
      assertThat(trial.periods())
          .extracting(Period::steps)
          .containsExactly(3, 5, 10, 5, 10, 5, 10, 5);
    }

    @Test
    void distractorsAreUniformOnTheCircle() {
      double x = 0;
      double y = 0;
      int n = 0;
      for (Trial trial : trials(task(component, Map.of()), 2000, 32)) {
        for (int i = 1; i <= 3; i++) {
          if (i != integer(trial, "matchTest")) {
            double angle = number(trial, "test" + i + "Angle");
            x += Math.cos(angle);
            y += Math.sin(angle);
            n++;
          }
        }
      }
      // The mean resultant length of n uniform angles is about 1/sqrt(n).
      assertThat(Math.hypot(x, y) / n).isLessThan(4 / Math.sqrt(n));
    }

    @Test
    void takesNoGroundTruthAndRejectsATestShorterThanAStep() {
      assertThat(task(component, Map.of()).conditions()).isEmpty();
      assertThatThrownBy(() -> task(component, Map.of("timing", Map.of("test2", 50))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("timing.test2");
    }
  }

  @Nested
  class ReachingDelayResponseTask {
    final ReachingDelayResponse component = new ReachingDelayResponse();

    @Test
    void theTargetIsGoAndTheStimulusPositionThroughTheDecision() {
      OpenLoopTask task = task(component, Map.of());
      assertThat(task.targetKind()).isEqualTo(org.rnnlab.api.task.TargetKind.CONTINUOUS);
      assertThat(task.inputChannels()).containsExactly("go", "stimulus");
      assertThat(task.outputChannels()).containsExactly("go", "position");
      Set<Double> delays = new HashSet<>();
      for (Trial trial : trials(task, 300, 33)) {
        double x = number(trial, "targetPosition");
        assertThat(x).isBetween(0.0, 1.0);
        Period stimulus = trial.period("stimulus");
        Period decision = trial.period("decision");
        delays.add(trial.period("delay").steps() * 100.0);
        assertThat(stimulus.steps()).isEqualTo(5);
        assertThat(decision.steps()).isEqualTo(5);
        for (int t = 0; t < trial.steps(); t++) {
          float[] in = trial.inputs()[t];
          float[] target = trial.targets()[t];
          boolean shown = t < stimulus.endStep();
          boolean deciding = t >= decision.startStep();
          assertThat(in[0]).as("go input at step %d", t).isEqualTo(deciding ? 1f : 0f);
          assertThat(in[1]).as("stimulus input at step %d", t).isEqualTo(shown ? (float) x : -0.5f);
          assertThat(target[0]).as("go target at step %d", t).isEqualTo(deciding ? 1f : -1f);
          assertThat(target[1])
              .as("position target at step %d", t)
              .isEqualTo(deciding ? (float) x : -0.5f);
          assertThat(trial.mask()[t]).isEqualTo(1f);
        }
      }
      assertThat(delays).containsExactlyInAnyOrder(0.0, 1000.0, 2000.0);
    }

    @Test
    void positionsAreUniformBetweenTheBounds() {
      OpenLoopTask task = task(component, Map.of("lowBound", -2.0, "highBound", 2.0));
      double sum = 0;
      double squares = 0;
      List<Trial> all = trials(task, 4000, 34);
      for (Trial trial : all) {
        double x = number(trial, "targetPosition");
        assertThat(x).isBetween(-2.0, 2.0);
        sum += x;
        squares += x * x;
      }
      double mean = sum / all.size();
      // Uniform on [-2, 2): mean 0, variance 16/12.
      assertThat(mean).isCloseTo(0, within(0.06));
      assertThat(squares / all.size() - mean * mean).isCloseTo(16.0 / 12, within(0.08));
    }

    @Test
    void rejectsBoundsTheWrongWayRound() {
      assertThatThrownBy(() -> task(component, Map.of("lowBound", 1.0, "highBound", 0.0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lowBound <= highBound");
    }
  }

  @Nested
  class Reaching1DWithSelfDistractionTask {
    final Reaching1DWithSelfDistraction component = new Reaching1DWithSelfDistraction();

    @Test
    void theSensorShowsTheAgentStronglyAndTheTargetWeaklyAndTheTargetsStepTowardsIt() {
      OpenLoopTask task = task(component, Map.of());
      assertThat(task.inputChannels()).hasSize(32).startsWith("sensor-1").endsWith("sensor-32");
      assertThat(task.outputChannels()).containsExactly("fixate", "left", "right");
      int moving = 0;
      for (Trial trial : trials(task, 300, 35)) {
        double target = number(trial, "targetAngle");
        Period reach = trial.period("reach");
        assertThat(trial.period("fixation").steps()).isEqualTo(5);
        assertThat(reach.steps()).isEqualTo(5);
        double position = Math.PI;
        for (int t = 0; t < trial.steps(); t++) {
          boolean reaching = t >= reach.startStep();
          for (int k = 0; k < 32; k++) {
            double theta = 2 * Math.PI * k / 32;
            double expected =
                Math.cos(theta - position) + (reaching ? 0.3 * Math.cos(theta - target) : 0);
            assertThat(trial.inputs()[t][k])
                .as("sensor %d at step %d", k, t)
                .isCloseTo((float) expected, within(1e-5f));
          }
          int action = trial.classTargets()[t];
          assertThat(action)
              .as("the ideal action at step %d", t)
              .isEqualTo(reaching ? Reaching1D.idealAction(position, target, 0.05) : 0);
          moving += action != 0 ? 1 : 0;
          position = Reaching1D.move(position, action, 0.05);
        }
      }
      assertThat(moving).as("reach steps that move, of 1500").isGreaterThan(1000);
    }

    @Test
    void theSelfSignalOutweighsTheTarget() {
      // The population vector of the sensor points to the agent, not the target, during reach.
      for (Trial trial : trials(task(component, Map.of()), 100, 36)) {
        int t = trial.period("reach").startStep();
        double decoded = Reaching1DTest.decode(trial.inputs()[t], 0, 32);
        assertThat(RingDistance.of(decoded, Math.PI))
            .isLessThan(RingDistance.of(decoded, number(trial, "targetAngle")) + 1e-9);
      }
    }
  }

  @Nested
  class DelayComparisonTask {
    final DelayComparison component = new DelayComparison();

    @Test
    void theChoiceFollowsWhetherF1IsHigherThanF2() {
      OpenLoopTask task = task(component, Map.of("sigma", 0.0));
      for (Trial trial : trials(task, 200, 8)) {
        double f1 = number(trial, "f1");
        double f2 = number(trial, "f2");
        assertThat(targetAt(trial, "decision")).isEqualTo(f1 > f2 ? 1 : 2);
        // (1 + (f − 10)/(34 − 10))/2 for the default pairs.
        assertThat(mean(trial, "stimulus1", 1)).isCloseTo((1 + (f1 - 10) / 24) / 2, within(1e-6));
        assertThat(mean(trial, "stimulus2", 1)).isCloseTo((1 + (f2 - 10) / 24) / 2, within(1e-6));
      }
    }

    @Test
    void pairsWrittenSmallerFirstKeepTheMeaningOfTheChoice() {
      OpenLoopTask task = task(component, Map.of("vpairs", List.of(10.0, 18.0, 14.0, 22.0)));
      for (Trial trial : trials(task, 50, 9)) {
        boolean higher = number(trial, "f1") > number(trial, "f2");
        assertThat(integer(trial, "groundTruth")).isEqualTo(higher ? 1 : 2);
      }
    }

    @Test
    void rejectsAnOddListAndEqualPairs() {
      assertThatThrownBy(() -> task(component, Map.of("vpairs", List.of(18.0, 10.0, 22.0))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("even length");
      assertThatThrownBy(() -> task(component, Map.of("vpairs", List.of(18.0, 18.0))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("equal");
    }
  }

  @Nested
  class ReadySetGoTask {
    final ReadySetGo component = new ReadySetGo();

    @ParameterizedTest(name = "gain {0}")
    @ValueSource(doubles = {0.5, 1.0, 1.5})
    void theGoTargetComesGainTimesTheMeasuredIntervalAfterSet(double gain) {
      OpenLoopTask task = task(component, Map.of("gain", gain));
      for (Trial trial : trials(task, 100, 10)) {
        double dt = 80;
        int ready = trial.period("ready").startStep();
        int set = trial.period("set").startStep();
        double measured = number(trial, "measureMs");
        assertThat(measured).as("Ready onset to Set onset").isEqualTo((set - ready) * dt);
        assertThat(measured).isBetween(800.0 - dt, 1500.0);
        assertThat(number(trial, "productionMs")).isEqualTo(gain * measured);
        int go = integer(trial, "goStep");
        assertThat(go - set).isEqualTo((int) Math.floor(gain * measured / dt + 1e-9));
        int[] targets = trial.classTargets();
        for (int t = 0; t < targets.length; t++) {
          assertThat(targets[t]).as("step %d", t).isEqualTo(t == go ? 1 : 0);
        }
        assertThat(trial.period("production").steps())
            .isEqualTo((int) Math.floor(2 * gain * measured / dt + 1e-9));
        assertThat(trial.inputs()[ready][1]).isEqualTo(1f);
        assertThat(trial.inputs()[set][2]).isEqualTo(1f);
      }
    }

    @Test
    void theSourcesGroundTruthTimesTheProductionFromSetOffset() {
      OpenLoopTask task = task(component, Map.of("productionReference", "set-offset"));
      for (Trial trial : trials(task, 50, 11)) {
        int offset = trial.period("set").endStep();
        int production = (int) Math.floor(number(trial, "productionMs") / 80 + 1e-9);
        assertThat(integer(trial, "goStep")).isEqualTo(offset + production);
      }
    }

    @Test
    void hasNeuroGymsDefaultsFlooredToEightyMs() {
      Trial trial = task(component, Map.of()).newTrial(new SplittableRandom(12));
      assertThat(trial.period("fixation").steps()).isEqualTo(1); // 100 ms -> 80 ms
      assertThat(trial.period("ready").steps()).isEqualTo(1); // 83 ms -> 80 ms
      assertThat(trial.period("set").steps()).isEqualTo(1);
    }

    @Test
    void rejectsAProductionShorterThanDt() {
      assertThatThrownBy(() -> task(component, Map.of("gain", 0.01)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("shorter than dt");
    }
  }

  @Nested
  class IntervalDiscriminationTask {
    @Test
    void theLongerStimulusIsTheChoice() {
      OpenLoopTask task = task(new IntervalDiscrimination(), Map.of());
      assertThat(task.dtMs()).isEqualTo(80.0);
      Set<Integer> seen = new HashSet<>();
      for (Trial trial : trials(task, 200, 13)) {
        int stim1 = trial.period("stim1").steps();
        int stim2 = trial.period("stim2").steps();
        int expected = stim1 > stim2 ? 1 : 2;
        seen.add(expected);
        assertThat(targetAt(trial, "decision")).isEqualTo(expected);
        assertThat(number(trial, "duration1Ms")).isEqualTo(stim1 * 80.0);
        assertThat(mean(trial, "stim1", 1)).isEqualTo(1.0);
        assertThat(mean(trial, "stim2", 2)).isEqualTo(1.0);
        assertThat(mean(trial, "stim1", 2)).isZero();
      }
      assertThat(seen).containsExactlyInAnyOrder(1, 2);
    }
  }

  @Nested
  class MultiSensoryIntegrationTask {
    @Test
    void bothModalitiesPointToTheChoiceAndShareTheCoherence() {
      OpenLoopTask task = task(new MultiSensoryIntegration(), Map.of("sigma", 0.0));
      for (Trial trial : trials(task, 200, 14)) {
        int g = integer(trial, "groundTruth");
        double c1 = number(trial, "coherence1");
        double c2 = number(trial, "coherence2");
        assertThat(c1 + c2).isCloseTo(number(trial, "coherence"), within(1e-9));
        assertThat(targetAt(trial, "decision")).isEqualTo(g);
        // Channels: fixation, modality1-1, modality1-2, modality2-1, modality2-2.
        assertThat(mean(trial, "stimulus", g) - mean(trial, "stimulus", 3 - g))
            .isCloseTo(c1 / 100, within(1e-6));
        assertThat(mean(trial, "stimulus", 2 + g) - mean(trial, "stimulus", 5 - g))
            .isCloseTo(c2 / 100, within(1e-6));
      }
    }
  }

  @Nested
  class DelayMatchCategoryTask {
    @Test
    void itIsAMatchExactlyWhenBothAnglesFallInTheSameHalf() {
      OpenLoopTask task = task(new DelayMatchCategory(), Map.of());
      for (Trial trial : trials(task, 200, 15)) {
        double sample = number(trial, "sampleAngle");
        double test = number(trial, "testAngle");
        boolean same = (sample < Math.PI) == (test < Math.PI);
        assertThat((Boolean) trial.metadata().get("match")).isEqualTo(same);
        assertThat(integer(trial, "sampleCategory")).isEqualTo(sample < Math.PI ? 0 : 1);
        assertThat(targetAt(trial, "test")).isEqualTo(same ? 1 : 2);
      }
    }

    @Test
    void theDefaultRingTellsMirrorImageAnglesOfTheTwoCategoriesApart() {
      long defaultRing =
          (Long)
              new DelayMatchCategory()
                  .parameters().stream()
                      .filter(p -> p.name().equals("dimRing"))
                      .findFirst()
                      .orElseThrow()
                      .defaultValue();
      double upper = Math.PI / 3;
      double lower = 2 * Math.PI - upper;
      assertThat(NeuroGymSupport.cosine(upper, (int) defaultRing, 0.5, 0.5))
          .isNotEqualTo(NeuroGymSupport.cosine(lower, (int) defaultRing, 0.5, 0.5));
      // NeuroGym's two channels cannot: the reason the default differs (decision 0014).
      assertThat(NeuroGymSupport.cosine(upper, 2, 0.5, 0.5))
          .containsExactly(NeuroGymSupport.cosine(lower, 2, 0.5, 0.5), within(1e-6f));
    }
  }

  @Nested
  class DelayPairedAssociationTask {
    @Test
    void onlyTheAssociatedPairsAskForGo() {
      OpenLoopTask task = task(new DelayPairedAssociation(), Map.of());
      Set<List<Integer>> pairs = new HashSet<>();
      for (Trial trial : trials(task, 200, 16)) {
        int first = integer(trial, "stimulus1");
        int second = integer(trial, "stimulus2");
        pairs.add(List.of(first, second));
        boolean go = (first == 1 && second == 3) || (first == 2 && second == 4);
        assertThat(targetAt(trial, "decision")).isEqualTo(go ? 1 : 0);
        assertThat(mean(trial, "stim1", first)).isEqualTo(1.0);
        assertThat(mean(trial, "stim2", second)).isEqualTo(1.0);
      }
      assertThat(pairs)
          .containsExactlyInAnyOrder(List.of(1, 3), List.of(1, 4), List.of(2, 3), List.of(2, 4));
    }
  }

  @Nested
  class PerceptualDecisionMakingDelayResponseTask {
    @Test
    void theStrongerStimulusIsTheChoiceAndTheDelayIsOneOfTheSources() {
      OpenLoopTask task =
          task(new PerceptualDecisionMakingDelayResponse(), Map.of("sigma", 0.0, "stimScale", 2.0));
      Set<Double> delays = new HashSet<>();
      for (Trial trial : trials(task, 300, 17)) {
        int g = integer(trial, "groundTruth");
        double c = number(trial, "coherence");
        assertThat(c).isIn(0.0, 12.8, 25.6, 51.2, 102.4);
        assertThat(mean(trial, "stimulus", g) - mean(trial, "stimulus", 3 - g))
            .isCloseTo(c / 100, within(1e-6));
        assertThat(targetAt(trial, "decision")).isEqualTo(g);
        delays.add(trial.period("delay").steps() * 100.0);
      }
      assertThat(delays)
          .containsExactlyInAnyOrder(300.0, 500.0, 700.0, 900.0, 1200.0, 2000.0, 3200.0, 4000.0);
    }
  }

  @Nested
  class AntiReachTask {
    @ParameterizedTest(name = "anti {0}")
    @ValueSource(booleans = {true, false})
    void theTargetIsOppositeTheStimulusOnAntiTrialsAndAtItOtherwise(boolean anti) {
      OpenLoopTask task = task(new AntiReach(), Map.of("anti", anti, "dimRing", 8));
      for (Trial trial : trials(task, 100, 19)) {
        int g = integer(trial, "groundTruth");
        // The stimulus channel with the strongest input marks the stimulus location.
        int peak = 1;
        for (int k = 1; k <= 8; k++) {
          if (mean(trial, "stimulus", k) > mean(trial, "stimulus", peak)) {
            peak = k;
          }
        }
        int expected = anti ? (g - 1 + 4) % 8 + 1 : g;
        assertThat(peak).isEqualTo(expected);
        assertThat(mean(trial, "stimulus", peak)).isCloseTo(1.0, within(1e-6));
        assertThat(targetAt(trial, "decision")).isEqualTo(g);
      }
    }
  }

  @Nested
  class MotorTimingTask {
    final MotorTiming component = new MotorTiming();

    @Test
    void theCuedIntervalIsProducedAfterSetOnTheNearestStep() {
      OpenLoopTask task = task(component, Map.of());
      assertThat(task.inputChannels())
          .containsExactly("fixation", "interval-1", "interval-2", "set");
      Set<Integer> seen = new HashSet<>();
      for (Trial trial : trials(task, 100, 20)) {
        int interval = integer(trial, "interval");
        seen.add(interval);
        double ms = number(trial, "intervalMs");
        assertThat(ms).isEqualTo(interval == 1 ? 800.0 : 1500.0);
        // 800 ms = 10 steps; 1500 ms = 18.75 steps, nearest 19 (1520 ms; the source floors to 18).
        int offset = interval == 1 ? 10 : 19;
        assertThat(number(trial, "productionMs")).isEqualTo(offset * 80.0);
        Period production = trial.period("production");
        assertThat(integer(trial, "goStep")).isEqualTo(production.startStep() + offset);
        assertThat(production.steps()).isEqualTo(2 * offset);
        int[] targets = trial.classTargets();
        for (int t = 0; t < targets.length; t++) {
          assertThat(targets[t]).isEqualTo(t == production.startStep() + offset ? 1 : 0);
        }
        assertThat(mean(trial, "cue", interval)).isEqualTo(1.0);
        assertThat(mean(trial, "cue", 3 - interval)).isZero();
        assertThat(trial.period("set").steps()).as("50 ms floors to 0 at dt 80").isZero();
        assertThat(trial.period("fixation").steps()).isEqualTo(6); // 500 ms -> 480 ms
      }
      assertThat(seen).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void theSourcesGroundTruthFloorsTheInterval() {
      OpenLoopTask task = task(component, Map.of("goRounding", "floor"));
      for (Trial trial : trials(task, 40, 21)) {
        boolean shortOne = integer(trial, "interval") == 1;
        Period production = trial.period("production");
        assertThat(integer(trial, "goStep") - production.startStep()).isEqualTo(shortOne ? 10 : 18);
        assertThat(production.steps()).isEqualTo(shortOne ? 20 : 37);
      }
    }

    @Test
    void theSetFlashCarriesTheCueWhenItLastsAStep() {
      OpenLoopTask task = task(component, Map.of("timing", Map.of("set", 80)));
      for (Trial trial : trials(task, 20, 22)) {
        int interval = integer(trial, "interval");
        assertThat(mean(trial, "set", 3)).isEqualTo(1.0);
        assertThat(mean(trial, "set", interval)).isEqualTo(1.0);
        assertThat(mean(trial, "set", 0)).isEqualTo(1.0);
        assertThat(mean(trial, "cue", 3)).isZero();
      }
    }

    @Test
    void rejectsAnIntervalShorterThanAStep() {
      assertThatThrownBy(() -> task(component, Map.of("intervals", List.of(800.0, 30.0))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("shorter than one step");
    }
  }

  @Nested
  class OneTwoThreeGoTask {
    @Test
    void theGoTargetStartsOneSampledIntervalAfterTheThirdFlash() {
      OpenLoopTask task = task(new OneTwoThreeGo(), Map.of());
      Set<Double> intervals = new HashSet<>();
      for (Trial trial : trials(task, 200, 23)) {
        double ms = number(trial, "intervalMs");
        intervals.add(ms);
        int steps = (int) Math.round(ms / 80);
        Period s1 = trial.period("s1");
        Period s2 = trial.period("s2");
        Period s3 = trial.period("s3");
        Period response = trial.period("response");
        assertThat(s2.startStep() - s1.endStep()).isEqualTo(steps);
        assertThat(s3.startStep() - s2.endStep()).isEqualTo(steps);
        int go = response.startStep() + steps;
        assertThat(integer(trial, "goStep")).isEqualTo(go);
        assertThat(response.endStep() - go).as("1000 ms after the interval").isEqualTo(12);
        for (int t = 0; t < trial.steps(); t++) {
          assertThat(trial.classTargets()[t]).as("step %d", t).isEqualTo(t >= go ? 1 : 0);
          boolean flash =
              (t >= s1.startStep() && t < s1.endStep())
                  || (t >= s2.startStep() && t < s2.endStep())
                  || (t >= s3.startStep() && t < s3.endStep());
          assertThat(trial.inputs()[t][1]).isEqualTo(flash ? 1f : 0f);
          assertThat(trial.inputs()[t][2])
              .as("target input")
              .isEqualTo(t >= trial.period("target").startStep() ? 1f : 0f);
        }
      }
      // 600..1000 ms floored to dt 80.
      assertThat(intervals).containsExactlyInAnyOrder(560.0, 640.0, 800.0, 880.0, 960.0);
    }
  }

  @Nested
  class EconomicDecisionMakingTask {
    @Test
    void theOfferOfHigherValueIsTheChoice() {
      OpenLoopTask task = task(new EconomicDecisionMaking(), Map.of());
      assertThat(task.inputChannels())
          .containsExactly("fixation", "a1", "b1", "a2", "b2", "n1", "n2");
      Set<List<Integer>> offers = new HashSet<>();
      int aFirst = 0;
      for (Trial trial : trials(task, 300, 24)) {
        int nA = integer(trial, "nA");
        int nB = integer(trial, "nB");
        offers.add(List.of(nB, nA));
        boolean a = trial.metadata().get("juice1").equals("a");
        aFirst += a ? 1 : 0;
        double n1 = a ? nA : nB;
        double n2 = a ? nB : nA;
        assertThat(mean(trial, "offerOn", 5)).isCloseTo(n1 / 5, within(1e-6));
        assertThat(mean(trial, "offerOn", 6)).isCloseTo(n2 / 5, within(1e-6));
        assertThat(mean(trial, "offerOn", a ? 1 : 2)).isEqualTo(1.0);
        assertThat(mean(trial, "offerOn", a ? 4 : 3)).isEqualTo(1.0);
        assertThat(mean(trial, "offerOn", a ? 2 : 1) + mean(trial, "offerOn", a ? 3 : 4)).isZero();
        boolean aBetter = nA * 2.2 > nB;
        int expected = aBetter == a ? 1 : 2;
        assertThat(integer(trial, "groundTruth")).isEqualTo(expected);
        assertThat(targetAt(trial, "decision")).isEqualTo(expected);
      }
      assertThat(offers).hasSize(9);
      assertThat(aFirst).isBetween(120, 180);
    }
  }

  @Nested
  class PulseDecisionMakingTask {
    @Test
    void theSideWithMorePulsesIsTheChoice() {
      OpenLoopTask task = task(new PulseDecisionMaking(), Map.of());
      assertThat(task.dtMs()).isEqualTo(10.0);
      int ties = 0;
      Set<Integer> tieOutcomes = new HashSet<>();
      double pulsesAtHighP = 0;
      double binsAtHighP = 0;
      for (Trial trial : trials(task, 400, 25)) {
        String[] patterns = {
          (String) trial.metadata().get("pulses1"), (String) trial.metadata().get("pulses2")
        };
        for (int side = 0; side < 2; side++) {
          int count = 0;
          for (int i = 0; i < PulseDecisionMaking.BINS; i++) {
            boolean pulse = patterns[side].charAt(i) == '1';
            count += pulse ? 1 : 0;
            assertThat(mean(trial, "cue" + i, 1 + side)).isEqualTo(pulse ? 1.0 : 0.0);
            assertThat(mean(trial, "bin" + i, 1 + side)).isZero();
          }
          assertThat(integer(trial, "count" + (side + 1))).isEqualTo(count);
          boolean high = (side == 0) == (number(trial, "pPulse1") == 0.7);
          if (high) {
            pulsesAtHighP += count;
            binsAtHighP += PulseDecisionMaking.BINS;
          }
        }
        int c1 = integer(trial, "count1");
        int c2 = integer(trial, "count2");
        int g = targetAt(trial, "decision");
        assertThat(g).isEqualTo(integer(trial, "groundTruth"));
        if (c1 == c2) {
          ties++;
          tieOutcomes.add(g);
        } else {
          assertThat(g).isEqualTo(c1 > c2 ? 1 : 2);
        }
        assertThat(trial.period("cue0").steps()).isEqualTo(1);
        assertThat(trial.period("bin0").steps()).isEqualTo(24);
      }
      assertThat(pulsesAtHighP / binsAtHighP).isCloseTo(0.7, within(0.04));
      assertThat(ties).isPositive();
      assertThat(tieOutcomes).containsExactlyInAnyOrder(1, 2);
    }
  }

  @Nested
  class ProbabilisticReasoningTask {
    @Test
    void shapesAccumulateAndTheChoiceFollowsTheirLogOdds() {
      OpenLoopTask task = task(new ProbabilisticReasoning(), Map.of());
      assertThat(task.inputChannels()).hasSize(1 + 4 * 10);
      double[] weights = {-10, -0.9, -0.7, -0.5, -0.3, 0.3, 0.5, 0.7, 0.9, 10};
      double excess = 0;
      double variance = 0;
      for (Trial trial : trials(task, 2000, 26)) {
        double logOdds = 0;
        Set<Integer> locations = new HashSet<>();
        for (int i = 0; i < 4; i++) {
          int shape = integer(trial, "shape" + i);
          int location = integer(trial, "location" + i);
          locations.add(location);
          logOdds += weights[shape - 1];
          int channel = 1 + 10 * location + (shape - 1);
          for (int j = 0; j < 4; j++) {
            assertThat(mean(trial, "stimulus" + j, channel)).isEqualTo(j >= i ? 1.0 : 0.0);
          }
          assertThat(mean(trial, "delay", channel)).isZero();
        }
        assertThat(locations).hasSize(4);
        assertThat(number(trial, "logOdds")).isCloseTo(logOdds, within(1e-9));
        double p = 1 / (Math.pow(10, -logOdds) + 1);
        assertThat(number(trial, "pChoice2")).isCloseTo(p, within(1e-12));
        int g = integer(trial, "groundTruth");
        assertThat(targetAt(trial, "decision")).isEqualTo(g);
        excess += (g == 2 ? 1 : 0) - p;
        variance += p * (1 - p);
      }
      assertThat(Math.abs(excess))
          .as("choice 2 as often as the log odds predict (4 standard errors)")
          .isLessThan(4 * Math.sqrt(variance));
    }
  }

  @Nested
  class Validation {
    @Test
    void aResponsePeriodShorterThanDtIsRejected() {
      assertThatThrownBy(
              () ->
                  task(
                      new GoNogo(),
                      Map.of("timing", Map.of("decision", Map.of("uniform", List.of(50, 500))))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("timing.decision")
          .hasMessageContaining("dt = 100.0 ms");
      assertThatThrownBy(() -> task(new DelayMatchCategory(), Map.of("timing", Map.of("test", 90))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("timing.test");
    }

    @Test
    void aNonPositiveDtIsRejected() {
      assertThatThrownBy(() -> task(new DelayMatchSample(), Map.of("dt", 0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("dt > 0");
    }

    @Test
    void distributionsAreAcceptedForEveryPeriod() {
      OpenLoopTask task =
          task(
              new DelayMatchSample(),
              Map.of(
                  "timing",
                  Map.of("delay", Map.of("truncatedExponential", List.of(800, 500, 1500)))));
      for (Trial trial : trials(task, 50, 18)) {
        assertThat(trial.period("delay").steps()).isBetween(5, 14);
      }
    }
  }

  /** Angular distance on the circle. */
  static final class RingDistance {
    static double of(double a, double b) {
      return org.rnnlab.api.trial.RingCoding.distance(a, b);
    }
  }
}
