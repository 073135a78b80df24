package org.rnnlab.plugins.cognitive.yang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.clean;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.flag;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.number;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.task;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.trials;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.RingCoding;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

/** Invariants every one of the 20 tasks keeps. */
class YangTasksTest {

  private static final String ALL = "org.rnnlab.plugins.cognitive.yang.YangFixtures#all";

  /** Tasks whose fixation input stays on through the response (the source's bare fix_in). */
  private static final Set<String> FIXATION_INPUT_THROUGHOUT =
      Set.of("rtgo", "rtanti", "dms", "dnms", "dmc", "dnmc");

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void isWellDeclaredWithAPrefixedId(Task component, int index, String name) {
    ComponentContract.assertWellDeclared(component);
    assertThat(component.id()).isEqualTo("yang-" + name);
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void producesWellFormedReproducibleTrials(Task component, int index, String name) {
    OpenLoopTask task = (OpenLoopTask) component.create(ComponentContract.defaults(component));
    TaskContract.assertTrialsWellFormed(task, 30, 7L);
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void has85InputsAnd33ContinuousOutputsWithFixationWeighedTwice(
      Task component, int index, String name) {
    YangTaskEngine task = task(component, Map.of());
    assertThat(task.dtMs()).isEqualTo(20.0);
    assertThat(task.inputChannels()).hasSize(85);
    assertThat(task.inputChannels().get(0)).isEqualTo("fixation");
    assertThat(task.inputChannels().subList(1, 33)).allMatch(c -> c.startsWith("mod1-"));
    assertThat(task.inputChannels().subList(33, 65)).allMatch(c -> c.startsWith("mod2-"));
    assertThat(task.inputChannels().subList(65, 85)).allMatch(c -> c.startsWith("rule-"));
    assertThat(task.outputChannels()).hasSize(33);
    assertThat(task.outputChannels().get(0)).isEqualTo("fixation");
    assertThat(task.targetKind()).isEqualTo(TargetKind.CONTINUOUS);
    float[] w = task.outputWeights();
    assertThat(w).hasSize(33);
    assertThat(w[0]).isEqualTo(2f);
    for (int k = 1; k < 33; k++) {
      assertThat(w[k]).isEqualTo(1f);
    }
    Trial trial = task.newTrial(new java.util.SplittableRandom(1));
    assertThat(number(trial, "fixationOutputWeight")).isEqualTo(2.0);
    assertThat(trial.metadata().get("rule")).isEqualTo(name);
    assertThat(number(trial, "ruleIndex")).isEqualTo(index);
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void exactlyTheTasksRuleInputIsOnThroughout(Task component, int index, String name) {
    for (Trial trial : trials(clean(component), 20, 3L)) {
      for (float[] x : trial.inputs()) {
        for (int r = 0; r < 20; r++) {
          assertThat(x[65 + r]).as("rule input %d", r).isEqualTo(r == index ? 1f : 0f);
        }
      }
    }
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void fixationInputAndResponseTargetSwitchExactlyAtTheResponseEpoch(
      Task component, int index, String name) {
    for (Trial trial : trials(clean(component), 40, 5L)) {
      Period go = trial.period("go1");
      int start = (int) number(trial, "responseStartStep");
      assertThat(go.startStep()).isEqualTo(start);
      assertThat(go.endStep()).isEqualTo(trial.steps());
      assertThat(trial.periods().get(trial.periods().size() - 1)).isEqualTo(go);
      assertThat(start).isPositive();
      boolean throughout = FIXATION_INPUT_THROUGHOUT.contains(name);
      for (int t = 0; t < trial.steps(); t++) {
        float expected = t < start || throughout ? 1f : 0f;
        assertThat(trial.inputs()[t][0]).as("fixation input at step %d", t).isEqualTo(expected);
      }
      float[][] y = trial.targets();
      // the step before the response: fixate, ring at rest
      assertThat(y[start - 1][0]).isEqualTo(0.8f);
      for (int k = 1; k < 33; k++) {
        assertThat(y[start - 1][k]).isEqualTo(0.05f);
      }
      if (flag(trial, "fixate")) {
        assertThat(number(trial, "targetAngle")).isEqualTo(-1.0);
        for (float[] row : y) {
          assertThat(row[0]).isEqualTo(0.8f);
          for (int k = 1; k < 33; k++) {
            assertThat(row[k]).isEqualTo(0.05f);
          }
        }
      } else {
        float[] bump = RingCoding.gaussianBump(number(trial, "targetAngle"), 32, 0.8, Math.PI / 8);
        for (int t = start; t < trial.steps(); t++) {
          assertThat(y[t][0]).as("fixation target at step %d", t).isEqualTo(0.05f);
          for (int k = 0; k < 32; k++) {
            assertThat(y[t][k + 1]).isCloseTo(0.05f + bump[k], within(1e-6f));
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void targetsRestAt005AndFixationTargetIs08BeforeTheResponse(
      Task component, int index, String name) {
    for (Trial trial : trials(clean(component), 40, 9L)) {
      int start = (int) number(trial, "responseStartStep");
      for (int t = 0; t < start; t++) {
        assertThat(trial.targets()[t][0]).isEqualTo(0.8f);
        for (int k = 1; k < 33; k++) {
          assertThat(trial.targets()[t][k]).isEqualTo(0.05f);
        }
      }
      // nothing is shown on the rings during the first epoch
      Period fix = trial.period("fix1");
      for (int t = fix.startStep(); t < fix.endStep(); t++) {
        for (int c = 1; c < 65; c++) {
          assertThat(trial.inputs()[t][c]).isZero();
        }
      }
    }
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void costMaskIsZeroOneZeroFiveAsInTheSource(Task component, int index, String name) {
    for (double dt : new double[] {20, 10}) {
      for (Trial trial : trials(task(component, Map.of("dt", dt)), 30, 11L)) {
        int start = (int) number(trial, "responseStartStep");
        int first = (int) Math.round(100 / dt);
        float[] m = trial.mask();
        for (int t = 0; t < m.length; t++) {
          assertThat(m[t]).isIn(0f, 1f, 5f);
          float expected;
          if (t < first) {
            expected = 0f;
          } else if (t < start) {
            expected = 1f;
          } else if (t < start + first) {
            expected = 0f;
          } else {
            expected = 5f;
          }
          assertThat(m[t])
              .as("mask at step %d of %d (response at %d)", t, m.length, start)
              .isEqualTo(expected);
        }
      }
    }
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void durationsInMsDoNotDependOnDt(Task component, int index, String name) {
    YangTaskEngine dt20 = task(component, Map.of("dt", 20));
    YangTaskEngine dt10 = task(component, Map.of("dt", 10));
    YangTaskEngine dt5 = task(component, Map.of("dt", 5));
    for (long seed = 0; seed < 25; seed++) {
      // one generator per trial: the input noise draws one number per step and channel, so later
      // trials of one stream differ with dt; within a trial every parameter is drawn before it
      Trial a = dt20.newTrial(new SplittableRandom(seed));
      Trial b = dt10.newTrial(new SplittableRandom(seed));
      Trial c = dt5.newTrial(new SplittableRandom(seed));
      assertThat(b.periods())
          .extracting(Period::name)
          .isEqualTo(a.periods().stream().map(Period::name).toList());
      for (Period p : a.periods()) {
        double ms20 = p.steps() * 20.0;
        double ms10 = b.period(p.name()).steps() * 10.0;
        double ms5 = c.period(p.name()).steps() * 5.0;
        assertThat(ms10).as("%s at dt 10 vs 20", p.name()).isCloseTo(ms20, within(20.0));
        assertThat(ms5).as("%s at dt 5 vs 10", p.name()).isCloseTo(ms10, within(10.0));
      }
      double start20 = a.period("go1").startStep() * 20.0;
      assertThat(b.period("go1").startStep() * 10.0)
          .isCloseTo(start20, within(20.0 * a.periods().size()));
      // the trial's parameters are the same draws whatever dt is
      for (String key : a.metadata().keySet()) {
        if (!key.equals("responseStartStep")) {
          assertThat(b.metadata().get(key)).as(key).isEqualTo(a.metadata().get(key));
          assertThat(c.metadata().get(key)).as(key).isEqualTo(a.metadata().get(key));
        }
      }
    }
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource(ALL)
  void inputNoiseHasSdSigmaXTimesSqrtTwoOverAlpha(Task component, int index, String name) {
    YangTaskEngine noisy = task(component, Map.of());
    YangTaskEngine quiet = clean(component);
    double expected = 0.01 * Math.sqrt(2 / (20.0 / 100.0));
    assertThat(noisy.inputNoiseStd()).isCloseTo(expected, within(1e-12));
    double sum = 0;
    double squares = 0;
    long n = 0;
    List<Trial> a = trials(noisy, 10, 17L);
    List<Trial> b = trials(quiet, 1, 17L);
    // the first trial's parameters are drawn before its noise, so the clean trial is its mean
    float[][] x = a.get(0).inputs();
    float[][] mean = b.get(0).inputs();
    for (int t = 0; t < x.length; t++) {
      for (int c = 0; c < x[t].length; c++) {
        double d = x[t][c] - mean[t][c];
        sum += d;
        squares += d * d;
        n++;
      }
    }
    double sd = Math.sqrt(squares / n - (sum / n) * (sum / n));
    assertThat(sd).isCloseTo(expected, within(expected * 0.05));
    assertThat(Math.abs(sum / n)).isLessThan(4 * expected / Math.sqrt(n));
  }
}
