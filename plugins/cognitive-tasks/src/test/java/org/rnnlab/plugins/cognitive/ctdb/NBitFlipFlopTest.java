package org.rnnlab.plugins.cognitive.ctdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

/** The N-bit flip-flop keeps CtDB's defaults, pulse statistics, targets and noise. */
class NBitFlipFlopTest {

  private static final NBitFlipFlop COMPONENT = new NBitFlipFlop();

  private static OpenLoopTask task(Map<String, ?> overrides) {
    return CtdbFixtures.task(COMPONENT, overrides);
  }

  /** No noise at all: inputs are the pulses themselves. */
  private static OpenLoopTask clean(Map<String, ?> overrides) {
    Map<String, Object> all = new java.util.HashMap<>(overrides);
    all.put("noise", 0.0);
    all.put("dynamicNoise", 0.0);
    return task(all);
  }

  private static List<Trial> trials(OpenLoopTask task, int n, long seed) {
    return CtdbFixtures.trials(task, n, seed).toList();
  }

  @Test
  void isWellDeclaredWithCtdbsDefaults() {
    ComponentContract.assertWellDeclared(COMPONENT);
    assertThat(COMPONENT.id()).isEqualTo("n-bit-flip-flop");
    Map<String, Object> defaults =
        COMPONENT.parameters().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    ParameterSpec::name,
                    ParameterSpec::defaultValue,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    assertThat(defaults)
        .containsExactly(
            Map.entry("bits", 3L),
            Map.entry("steps", 500L),
            Map.entry("dt", 20.0),
            Map.entry("switchProbability", 0.01),
            Map.entry("noise", 0.15),
            Map.entry("dynamicNoise", 0.0));
  }

  @Test
  void producesWellFormedReproducibleTrials() {
    TaskContract.assertTrialsWellFormed(task(Map.of()), 10, 42L);
    TaskContract.assertTrialsWellFormed(
        task(Map.of("bits", 1, "steps", 40, "dt", 10, "dynamicNoise", 0.1)), 20, 7L);
  }

  @Test
  void hasOnePulseInputAndOneContinuousOutputPerBit() {
    OpenLoopTask three = task(Map.of());
    assertThat(three.inputChannels()).containsExactly("pulse-1", "pulse-2", "pulse-3");
    assertThat(three.outputChannels()).containsExactly("bit-1", "bit-2", "bit-3");
    assertThat(three.targetKind()).isEqualTo(TargetKind.CONTINUOUS);
    assertThat(three.dtMs()).isEqualTo(20.0);
    assertThat(three.outputWeights()).isNull();
    OpenLoopTask one = task(Map.of("bits", 1));
    assertThat(one.inputChannels()).containsExactly("pulse");
    assertThat(one.outputChannels()).containsExactly("bit");
  }

  @Test
  void everyTrialLastsStepsWithAQuietStartAndAnAllOnesMask() {
    for (Trial trial : trials(task(Map.of()), 5, 1L)) {
      assertThat(trial.steps()).isEqualTo(500);
      assertThat(trial.periods())
          .containsExactly(new Period("quiet", 0, 3), new Period("pulses", 3, 500));
      assertThat(trial.mask()).containsOnly(1f);
    }
    assertThat(trials(task(Map.of("steps", 4)), 1, 1L).get(0).steps()).isEqualTo(4);
  }

  @Test
  void theFirstThreeStepsCarryNoPulse() {
    for (Trial trial : trials(clean(Map.of("switchProbability", 0.5)), 50, 2L)) {
      for (int t = 0; t < 3; t++) {
        assertThat(trial.inputs()[t]).as("step %d", t).containsOnly(0f);
        assertThat(trial.targets()[t]).as("step %d", t).containsOnly(0f);
      }
      // With a pulse of one sign or the other at every later step, step 3 always has one.
      for (float v : trial.inputs()[3]) {
        assertThat(Math.abs(v)).isEqualTo(1f);
      }
    }
  }

  @ParameterizedTest(name = "switchProbability {0}")
  @ValueSource(doubles = {0.01, 0.1})
  void eachSignPulsesWithTheSwitchProbabilityPerStepAndBit(double p) {
    OpenLoopTask task = clean(Map.of("switchProbability", p));
    long up = 0;
    long down = 0;
    long n = 0;
    for (Trial trial : trials(task, 400, 3L)) {
      for (int t = 3; t < trial.steps(); t++) {
        for (float v : trial.inputs()[t]) {
          assertThat(v).isIn(-1f, 0f, 1f);
          up += v == 1f ? 1 : 0;
          down += v == -1f ? 1 : 0;
          n++;
        }
      }
    }
    double sigma = Math.sqrt(p * (1 - p) / n);
    assertThat((double) up / n).isCloseTo(p, within(5 * sigma));
    assertThat((double) down / n).isCloseTo(p, within(5 * sigma));
  }

  @Test
  void noSwitchProbabilityMeansNoPulsesAndZeroTargets() {
    for (Trial trial : trials(clean(Map.of("switchProbability", 0.0)), 5, 4L)) {
      for (int t = 0; t < trial.steps(); t++) {
        assertThat(trial.inputs()[t]).containsOnly(0f);
        assertThat(trial.targets()[t]).containsOnly(0f);
      }
      assertThat(trial.metadata()).containsEntry("pulses", 0).containsEntry("flips", 0);
    }
  }

  @Test
  void eachTargetIsTheSignOfItsBitsLastPulseFromThatStepOnAndZeroBeforeTheFirst() {
    OpenLoopTask task = clean(Map.of("switchProbability", 0.05));
    int flipsSeen = 0;
    int redundantPulses = 0;
    for (Trial trial : trials(task, 40, 5L)) {
      int totalPulses = 0;
      int totalFlips = 0;
      for (int b = 0; b < 3; b++) {
        float last = 0f; // no pulse yet
        int up = 0;
        int down = 0;
        int flips = 0;
        float previousTarget = 0f;
        for (int t = 0; t < trial.steps(); t++) {
          float pulse = trial.inputs()[t][b];
          if (pulse != 0f) {
            if ((pulse == 1f) == (last == 1f)) {
              redundantPulses++;
            }
            last = pulse;
            up += pulse == 1f ? 1 : 0;
            down += pulse == -1f ? 1 : 0;
          }
          float expected = last == 1f ? 1f : 0f;
          float actual = trial.targets()[t][b];
          assertThat(actual).as("bit %d at step %d", b + 1, t).isEqualTo(expected);
          if (actual != previousTarget) {
            flips++;
            assertThat(pulse).as("a target changes only on a pulse").isNotZero();
          }
          previousTarget = actual;
        }
        String key = "bit" + (b + 1);
        assertThat(trial.metadata())
            .containsEntry(key + "UpPulses", up)
            .containsEntry(key + "DownPulses", down)
            .containsEntry(key + "Flips", flips);
        totalPulses += up + down;
        totalFlips += flips;
      }
      assertThat(trial.metadata())
          .containsEntry("pulses", totalPulses)
          .containsEntry("flips", totalFlips);
      flipsSeen += totalFlips;
    }
    // Both cases occur: pulses that flip a bit and pulses that repeat its state.
    assertThat(flipsSeen).isGreaterThan(100);
    assertThat(redundantPulses).isGreaterThan(100);
  }

  @Test
  void addsGaussianNoiseOfTheGivenStdToEveryInputIncludingTheQuietSteps() {
    assertNoiseStd(Map.of(), 0.15);
    assertNoiseStd(Map.of("noise", 0.0, "dynamicNoise", 0.2), 0.2);
    assertNoiseStd(Map.of("dynamicNoise", 0.2), Math.hypot(0.15, 0.2));
  }

  private static void assertNoiseStd(Map<String, ?> noiseSettings, double expected) {
    List<Trial> noisy = trials(task(noiseSettings), 30, 6L);
    List<Trial> exact = trials(clean(Map.of()), 30, 6L);
    double sum = 0;
    double squares = 0;
    double quietSquares = 0;
    long n = 0;
    long quiet = 0;
    for (int i = 0; i < noisy.size(); i++) {
      // The noise settings change no pulse and no target.
      assertThat(noisy.get(i).targets()).isDeepEqualTo(exact.get(i).targets());
      for (int t = 0; t < exact.get(i).steps(); t++) {
        for (int b = 0; b < 3; b++) {
          double d = noisy.get(i).inputs()[t][b] - exact.get(i).inputs()[t][b];
          sum += d;
          squares += d * d;
          n++;
          if (t < 3) {
            quietSquares += d * d;
            quiet++;
          }
        }
      }
    }
    double mean = sum / n;
    assertThat(mean).as("noise mean for %s", noiseSettings).isCloseTo(0, within(0.01));
    assertThat(Math.sqrt(squares / n - mean * mean))
        .as("noise std for %s", noiseSettings)
        .isCloseTo(expected, within(0.01 * expected + 0.002));
    assertThat(Math.sqrt(quietSquares / quiet))
        .as("noise std on the quiet steps for %s", noiseSettings)
        .isCloseTo(expected, within(0.25 * expected));
  }

  @Test
  void theSameSeedGivesTheSameTrialsAndAnotherSeedOthers() {
    OpenLoopTask task = task(Map.of());
    Trial a = task.newTrial(new SplittableRandom(8L));
    Trial b = task.newTrial(new SplittableRandom(8L));
    Trial c = task.newTrial(new SplittableRandom(9L));
    assertThat(b.inputs()).isDeepEqualTo(a.inputs());
    assertThat(b.targets()).isDeepEqualTo(a.targets());
    assertThat(b.metadata()).isEqualTo(a.metadata());
    assertThat(c.inputs()).isNotEqualTo(a.inputs());
  }

  @Test
  void dtSetsTheStepDurationButChangesNoTrial() {
    OpenLoopTask at20 = task(Map.of());
    OpenLoopTask at5 = task(Map.of("dt", 5));
    assertThat(at5.dtMs()).isEqualTo(5.0);
    Trial a = at20.newTrial(new SplittableRandom(10L));
    Trial b = at5.newTrial(new SplittableRandom(10L));
    assertThat(b.inputs()).isDeepEqualTo(a.inputs());
    assertThat(b.targets()).isDeepEqualTo(a.targets());
    assertThat(b.steps()).isEqualTo(500);
  }

  @Test
  void rejectsValuesOutsideTheirRangesNamingTheParameter() {
    for (Map<String, ?> bad :
        List.of(
            Map.of("steps", 3),
            Map.of("bits", 0),
            Map.of("dt", 0),
            Map.of("switchProbability", 0.6),
            Map.of("switchProbability", -0.1),
            Map.of("noise", -1),
            Map.of("dynamicNoise", -0.5))) {
      String name = bad.keySet().iterator().next();
      assertThatThrownBy(() -> task(bad))
          .as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
    }
    // The instance checks its values too, for callers that bypass the declarations.
    assertThatThrownBy(() -> new NBitFlipFlop.Instance(3, 500, Double.NaN, 0.01, 0.15, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dt");
    assertThatThrownBy(() -> new NBitFlipFlop.Instance(3, 2, 20, 0.01, 0.15, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steps must be at least 4");
  }
}
