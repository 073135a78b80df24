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
