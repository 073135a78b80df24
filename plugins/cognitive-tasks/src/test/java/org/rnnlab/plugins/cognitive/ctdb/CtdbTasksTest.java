package org.rnnlab.plugins.cognitive.ctdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.plugins.cognitive.ctdb.CtdbFixtures.Case;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

/** Checks every one of the 15 components shares CtDB's coding, timing, mask and noise. */
class CtdbTasksTest {

  private static final String ALL = "org.rnnlab.plugins.cognitive.ctdb.CtdbFixtures#all";
  private static final String GO_FIXATION =
      "org.rnnlab.plugins.cognitive.ctdb.CtdbFixtures#withFixationGoSignal";
  private static final String GO_STIMULUS =
      "org.rnnlab.plugins.cognitive.ctdb.CtdbFixtures#withStimulusGoSignal";

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void isWellDeclaredWithItsId(Case c) {
    ComponentContract.assertWellDeclared(c.component());
    assertThat(c.component().id()).isEqualTo(c.id());
    List<String> names = c.component().parameters().stream().map(p -> p.name()).toList();
    assertThat(names).startsWith("dt", "noise", "numTargets", "trialDuration");
    assertThat(c.component().parameters().get(0).defaultValue()).isEqualTo(20.0);
    assertThat(c.component().parameters().get(1).defaultValue()).isEqualTo(0.3);
    assertThat(c.component().parameters().get(2).defaultValue()).isEqualTo(32L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void producesWellFormedReproducibleTrials(Case c) {
    TaskContract.assertTrialsWellFormed(CtdbFixtures.task(c.component(), Map.of()), 20, 42L);
    TaskContract.assertTrialsWellFormed(
        CtdbFixtures.task(c.component(), Map.of("dt", 10, "trialDuration", 0)), 20, 7L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void has20InputsAnd3ContinuousOutputs(Case c) {
    OpenLoopTask task = CtdbFixtures.task(c.component(), Map.of());
    assertThat(task.inputChannels()).hasSize(20);
    assertThat(task.inputChannels().subList(0, 5))
        .containsExactly(
            "fixation", "stim-mod1-cos", "stim-mod1-sin", "stim-mod2-cos", "stim-mod2-sin");
    assertThat(task.outputChannels()).containsExactly("fixation", "response-cos", "response-sin");
    assertThat(task.targetKind()).isEqualTo(TargetKind.CONTINUOUS);
    assertThat(task.dtMs()).isEqualTo(20.0);
    assertThat(task.outputWeights()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void carriesExactlyOneRuleFlagAtItsIndexInCtdbOrder(Case c) {
    OpenLoopTask task = CtdbFixtures.clean(c.component());
    assertThat(task.inputChannels().get(c.ruleChannel()))
        .isEqualTo("rule-" + c.id().substring("ctdb-".length()));
    CtdbFixtures.trials(task, 20, 3L)
        .forEach(
            trial -> {
              for (float[] row : trial.inputs()) {
                for (int ch = 5; ch < 20; ch++) {
                  assertThat(row[ch]).isEqualTo(ch == c.ruleChannel() ? 1f : 0f);
                }
              }
              assertThat(trial.metadata().get("ruleIndex")).isEqualTo(c.ruleChannel() - 5);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void masksLikeMultiTaskLoss(Case c) {
    OpenLoopTask task = CtdbFixtures.task(c.component(), Map.of());
    CtdbFixtures.trials(task, 30, 11L)
        .forEach(
            trial -> {
              int start = (int) trial.metadata().get("responseStartStep");
              int end = (int) trial.metadata().get("responseEndStep");
              assertThat(trial.period("response")).isEqualTo(new Period("response", start, end));
              assertThat(trial.steps()).isEqualTo(320);
              float[] m = trial.mask();
              for (int t = 0; t < m.length; t++) {
                float expected;
                if (t < 5) {
                  expected = 0f;
                } else if (t < start) {
                  expected = 1f;
                } else if (t < start + 5) {
                  expected = 0f;
                } else if (t < end) {
                  expected = 5f;
                } else {
                  expected = 0f;
                }
                assertThat(m[t])
                    .as("mask at step %d (response [%d, %d))", t, start, end)
                    .isEqualTo(expected);
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void padsSilentlyTo320StepsOrEndsWithTheResponse(Case c) {
    OpenLoopTask padded = CtdbFixtures.task(c.component(), Map.of());
    OpenLoopTask unpadded = CtdbFixtures.task(c.component(), Map.of("trialDuration", 0));
    List<Trial> a = CtdbFixtures.trials(padded, 20, 5L).toList();
    List<Trial> b = CtdbFixtures.trials(unpadded, 20, 5L).toList();
    for (int i = 0; i < a.size(); i++) {
      Trial p = a.get(i);
      Trial u = b.get(i);
      int end = (int) p.metadata().get("responseEndStep");
      assertThat(end).isLessThanOrEqualTo(320);
      assertThat(u.steps()).isEqualTo(end);
      assertThat(p.steps()).isEqualTo(320);
      for (int t = end; t < 320; t++) {
        for (float v : p.inputs()[t]) {
          assertThat(v).isZero();
        }
        for (float v : p.targets()[t]) {
          assertThat(v).isZero();
        }
      }
      // The padding changes nothing before it, noise included.
      for (int t = 0; t < end; t++) {
        assertThat(p.inputs()[t]).isEqualTo(u.inputs()[t]);
        assertThat(p.targets()[t]).isEqualTo(u.targets()[t]);
        assertThat(p.mask()[t]).isEqualTo(u.mask()[t]);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void drawsPhaseLengthsUniformlyOnCtdbsBins(Case c) {
    OpenLoopTask task = CtdbFixtures.clean(c.component());
    Map<String, double[]> bounds = CtdbFixtures.phaseBounds(c.id());
    Map<String, Set<Integer>> seen = new java.util.HashMap<>();
    CtdbFixtures.trials(task, 1500, 17L)
        .forEach(
            trial -> {
              assertThat(trial.periods().stream().map(Period::name).toList())
                  .containsExactlyInAnyOrderElementsOf(bounds.keySet());
              assertThat(trial.periods().get(0).startStep()).isZero();
              for (Period p : trial.periods()) {
                seen.computeIfAbsent(p.name(), k -> new HashSet<>()).add(p.steps());
              }
            });
    // randint(low/20, high/20): every bin count from low/20 to high/20 - 1, and nothing else.
    bounds.forEach(
        (name, b) -> {
          Set<Integer> expected = new HashSet<>();
          for (int k = (int) (b[0] / 20); k < (int) (b[1] / 20); k++) {
            expected.add(k);
          }
          assertThat(seen.get(name)).as("lengths of %s in steps", name).isEqualTo(expected);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void phaseDurationsInMsDoNotDependOnDt(Case c) {
    OpenLoopTask coarse = CtdbFixtures.task(c.component(), Map.of("noise", 0.0));
    OpenLoopTask fine = CtdbFixtures.task(c.component(), Map.of("noise", 0.0, "dt", 5));
    Map<String, double[]> bounds = CtdbFixtures.phaseBounds(c.id());
    // One seed per trial: the noise after the trial parameters takes as many draws as there are
    // steps, so a shared stream diverges after the first trial; each trial is dt-free on its own.
    for (int i = 0; i < 50; i++) {
      Trial ta = coarse.newTrial(new SplittableRandom(23L + i));
      Trial tb = fine.newTrial(new SplittableRandom(23L + i));
      for (String name : bounds.keySet()) {
        double msA = ta.period(name).steps() * 20.0;
        double msB = tb.period(name).steps() * 5.0;
        assertThat(msA).isBetween(bounds.get(name)[0], bounds.get(name)[1] - 20);
        assertThat(msB).isBetween(bounds.get(name)[0], bounds.get(name)[1] - 5);
        // Same draw, floored to a different grid.
        assertThat(msB - msA)
            .as("%s: %s ms at dt 5 vs %s at dt 20", name, msB, msA)
            .isGreaterThanOrEqualTo(0)
            .isLessThan(20);
      }
      assertThat(tb.steps()).isEqualTo(6400 / 5);
      // Same angles and strengths whatever dt.
      Map<String, Object> ma = new java.util.HashMap<>(ta.metadata());
      Map<String, Object> mb = new java.util.HashMap<>(tb.metadata());
      for (String k : List.of("responseStartStep", "responseEndStep")) {
        ma.remove(k);
        mb.remove(k);
      }
      assertThat(mb).isEqualTo(ma);
      // The unweighted grace periods last 100 ms at any dt.
      int startB = (int) tb.metadata().get("responseStartStep");
      assertThat(tb.mask()[19]).isZero();
      assertThat(tb.mask()[20]).isEqualTo(1f);
      assertThat(tb.mask()[startB + 19]).isZero();
      assertThat(tb.mask()[startB + 20]).isEqualTo(5f);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(ALL)
  void addsNoiseOfTheGivenStdToEveryInputFromTheGenerator(Case c) {
    OpenLoopTask noisy = CtdbFixtures.task(c.component(), Map.of("trialDuration", 0));
    OpenLoopTask clean = CtdbFixtures.clean(c.component());
    List<Trial> a = CtdbFixtures.trials(noisy, 40, 31L).toList();
    List<Trial> b = CtdbFixtures.trials(clean, 40, 31L).toList();
    double sum = 0;
    double squares = 0;
    long n = 0;
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).targets()).isDeepEqualTo(b.get(i).targets());
      for (int t = 0; t < a.get(i).steps(); t++) {
        for (int ch = 0; ch < 20; ch++) {
          double d = a.get(i).inputs()[t][ch] - b.get(i).inputs()[t][ch];
          sum += d;
          squares += d * d;
          n++;
        }
      }
    }
    double mean = sum / n;
    assertThat(mean).isCloseTo(0, within(0.01));
    assertThat(Math.sqrt(squares / n - mean * mean)).isCloseTo(0.3, within(0.01));
    // Another seed, other noise.
    Trial other = noisy.newTrial(new SplittableRandom(32L));
    assertThat(other.inputs()).isNotEqualTo(a.get(0).inputs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(GO_FIXATION)
  void theResponseStartsExactlyWhenTheFixationInputTurnsOff(Case c) {
    OpenLoopTask task = CtdbFixtures.clean(c.component());
    CtdbFixtures.trials(task, 40, 41L)
        .forEach(
            trial -> {
              int start = (int) trial.metadata().get("responseStartStep");
              float[][] in = trial.inputs();
              float[][] out = trial.targets();
              for (int t = 0; t < trial.steps(); t++) {
                assertThat(in[t][0])
                    .as("fixation input at %d, go at %d", t, start)
                    .isEqualTo(t < start ? 1f : 0f);
                assertThat(out[t][0])
                    .as("fixation target at %d, go at %d", t, start)
                    .isEqualTo(t < start ? 1f : 0f);
                double r = CtdbFixtures.norm(out[t][1], out[t][2]);
                if (t < start) {
                  assertThat(r).isZero();
                } else {
                  assertThat(r).isCloseTo(1, within(1e-6));
                }
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(GO_STIMULUS)
  void reactionTasksKeepFixationOnAndGoAtStimulusOnset(Case c) {
    OpenLoopTask task = CtdbFixtures.clean(c.component());
    CtdbFixtures.trials(task, 40, 43L)
        .forEach(
            trial -> {
              int start = (int) trial.metadata().get("responseStartStep");
              float[][] in = trial.inputs();
              for (int t = 0; t < trial.steps(); t++) {
                assertThat(in[t][0]).isEqualTo(1f);
              }
              assertThat(CtdbFixtures.norm(in[start - 1][1], in[start - 1][2])).isZero();
              assertThat(CtdbFixtures.norm(in[start][1], in[start][2])).isCloseTo(1, within(1e-6));
              boolean respond = (boolean) trial.metadata().get("responseRequired");
              float[][] out = trial.targets();
              assertThat(CtdbFixtures.norm(out[start - 1][1], out[start - 1][2])).isZero();
              assertThat(CtdbFixtures.norm(out[start][1], out[start][2]))
                  .isCloseTo(respond ? 1 : 0, within(1e-6));
              for (int t = start; t < trial.steps(); t++) {
                assertThat(out[t][0]).isZero();
              }
            });
  }
}
