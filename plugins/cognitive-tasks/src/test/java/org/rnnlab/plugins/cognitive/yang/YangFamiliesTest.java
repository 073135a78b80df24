package org.rnnlab.plugins.cognitive.yang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.clean;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.component;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.distance;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.flag;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.number;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.trials;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.RingCoding;

/** The defining statistic of each family, and the source's timing and strength distributions. */
class YangFamiliesTest {

  private static final double EPS = 1e-9;

  /** The ring (1 or 2) of input {@code x} at one step. */
  private static float[] ring(Trial trial, int step, int modality) {
    float[] out = new float[32];
    System.arraycopy(trial.inputs()[step], 1 + (modality - 1) * 32, out, 0, 32);
    return out;
  }

  private static boolean silent(float[] ring) {
    for (float v : ring) {
      if (v != 0f) {
        return false;
      }
    }
    return true;
  }

  private static void assertRingIs(float[] ring, double[][] stimuli) {
    float[] expected = new float[32];
    for (double[] s : stimuli) {
      float[] bump = RingCoding.gaussianBump(s[0], 32, 0.8, Math.PI / 8);
      for (int k = 0; k < 32; k++) {
        expected[k] += (float) (s[1] * bump[k]);
      }
    }
    for (int k = 0; k < 32; k++) {
      assertThat(ring[k]).as("ring unit %d", k).isCloseTo(expected[k], within(1e-5f));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"go", "rtgo", "dlygo", "anti", "rtanti", "dlyanti"})
  void goAndAntiRespondAtTheStimulusOrOppositeIt(String name) {
    boolean anti = name.contains("anti");
    Set<Integer> modalities = new HashSet<>();
    for (Trial trial : trials(clean(component(name)), 200, 21L)) {
      double stim = number(trial, "stimAngle");
      int modality = (int) number(trial, "stimModality");
      modalities.add(modality);
      double expected = anti ? (stim + Math.PI) % (2 * Math.PI) : stim;
      assertThat(distance(number(trial, "targetAngle"), expected)).isLessThan(EPS);
      assertThat(flag(trial, "fixate")).isFalse();
      // the stimulus is on its ring, at its angle, at full strength; the other ring is silent
      int shown =
          name.startsWith("rt")
              ? trial.period("go1").startStep()
              : trial.period("stim1").startStep();
      assertRingIs(ring(trial, shown, modality), new double[][] {{stim, 1}});
      assertThat(silent(ring(trial, shown, 3 - modality))).isTrue();
      // Go/Anti: on to the end; Dly: off during the delay
      int last = trial.steps() - 1;
      assertThat(silent(ring(trial, last, modality))).isEqualTo(name.startsWith("dly"));
    }
    assertThat(modalities).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void goTimingFollowsTheSource() {
    for (Trial trial : trials(clean(component("go")), 300, 23L)) {
      assertThat(trial.period("fix1").steps() * 20.0).isBetween(280.0, 700.0);
      assertThat(trial.period("stim1").steps() * 20.0).isBetween(480.0, 1500.0);
      assertThat(trial.period("go1").steps() * 20.0).isEqualTo(500.0);
    }
    for (Trial trial : trials(clean(component("rtgo")), 300, 23L)) {
      assertThat(trial.period("fix1").steps() * 20.0).isBetween(480.0, 2500.0);
      assertThat(trial.period("go1").steps() * 20.0).isEqualTo(500.0);
    }
    Set<Double> fix = new HashSet<>();
    Set<Double> stim = new HashSet<>();
    Set<Double> delay = new HashSet<>();
    for (Trial trial : trials(clean(component("dlyanti")), 300, 23L)) {
      fix.add(trial.period("fix1").steps() * 20.0);
      stim.add(trial.period("stim1").steps() * 20.0);
      delay.add(trial.period("delay1").steps() * 20.0);
    }
    assertThat(fix).containsExactlyInAnyOrder(300.0, 500.0, 700.0);
    assertThat(stim).containsExactlyInAnyOrder(200.0, 400.0, 600.0);
    assertThat(delay).containsExactlyInAnyOrder(200.0, 400.0, 800.0, 1600.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dm1", "dm2", "dlydm1", "dlydm2"})
  void dmRespondsToTheStrongerStimulusOfItsRing(String name) {
    int modality = name.endsWith("1") ? 1 : 2;
    boolean delayed = name.startsWith("dly");
    Set<Double> cohs = new HashSet<>();
    for (Trial trial : trials(clean(component(name)), 300, 25L)) {
      double a1 = number(trial, "stim1Angle");
      double a2 = number(trial, "stim2Angle");
      double s1 = number(trial, "stim1Strength");
      double s2 = number(trial, "stim2Strength");
      assertThat(distance(number(trial, "targetAngle"), s1 > s2 ? a1 : a2)).isLessThan(EPS);
      assertThat(distance(a1, a2)).isGreaterThanOrEqualTo(0.5 * Math.PI - EPS);
      double mean = (s1 + s2) / 2;
      assertThat(mean).isBetween(0.8, 1.2);
      cohs.add(Math.round(Math.abs(s1 - s2) / 2 * 1000) / 1000.0);
      if (delayed) {
        int first = trial.period("stim1").startStep();
        int second = trial.period("stim2").startStep();
        assertRingIs(ring(trial, first, modality), new double[][] {{a1, s1}});
        assertRingIs(ring(trial, second, modality), new double[][] {{a2, s2}});
        assertThat(silent(ring(trial, trial.period("delay1").startStep(), modality))).isTrue();
        assertThat(silent(ring(trial, trial.period("go1").startStep(), modality))).isTrue();
      } else {
        int on = trial.period("stim1").startStep();
        assertRingIs(ring(trial, on, modality), new double[][] {{a1, s1}, {a2, s2}});
        assertRingIs(
            ring(trial, trial.period("go1").startStep() - 1, modality),
            new double[][] {{a1, s1}, {a2, s2}});
        assertThat(silent(ring(trial, trial.period("go1").startStep(), modality))).isTrue();
      }
      assertThat(silent(ring(trial, trial.period("stim1").startStep(), 3 - modality))).isTrue();
    }
    assertThat(cohs)
        .containsExactlyInAnyOrderElementsOf(
            delayed ? List.of(0.08, 0.16, 0.32) : List.of(0.01, 0.02, 0.04, 0.08));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ctxdm1", "ctxdm2", "ctxdlydm1", "ctxdlydm2"})
  void contextDmIsDecidedByTheAttendedModality(String name) {
    int attend = name.endsWith("1") ? 1 : 2;
    int conflicts = 0;
    for (Trial trial : trials(clean(component(name)), 400, 27L)) {
      double a1 = number(trial, "stim1Angle");
      double a2 = number(trial, "stim2Angle");
      double[] m1 = {number(trial, "stim1Mod1Strength"), number(trial, "stim2Mod1Strength")};
      double[] m2 = {number(trial, "stim1Mod2Strength"), number(trial, "stim2Mod2Strength")};
      double[] attended = attend == 1 ? m1 : m2;
      double[] ignored = attend == 1 ? m2 : m1;
      double expected = attended[0] > attended[1] ? a1 : a2;
      assertThat(distance(number(trial, "targetAngle"), expected)).isLessThan(EPS);
      if ((attended[0] > attended[1]) != (ignored[0] > ignored[1])) {
        conflicts++;
      }
      // both stimuli on both rings
      int on = trial.period("stim1").startStep();
      if (name.contains("dly")) {
        assertRingIs(ring(trial, on, 1), new double[][] {{a1, m1[0]}});
        assertRingIs(ring(trial, on, 2), new double[][] {{a1, m2[0]}});
        int second = trial.period("stim2").startStep();
        assertRingIs(ring(trial, second, 1), new double[][] {{a2, m1[1]}});
        assertRingIs(ring(trial, second, 2), new double[][] {{a2, m2[1]}});
      } else {
        assertRingIs(ring(trial, on, 1), new double[][] {{a1, m1[0]}, {a2, m1[1]}});
        assertRingIs(ring(trial, on, 2), new double[][] {{a1, m2[0]}, {a2, m2[1]}});
      }
    }
    // the modalities draw independently, so they disagree on about half of the trials
    assertThat(conflicts).isBetween(140, 260);
  }

  @ParameterizedTest
  @ValueSource(strings = {"multidm", "multidlydm"})
  void multisensoryDmIsDecidedByTheSumOverModalities(String name) {
    for (Trial trial : trials(clean(component(name)), 300, 29L)) {
      double sum1 = number(trial, "stim1Mod1Strength") + number(trial, "stim1Mod2Strength");
      double sum2 = number(trial, "stim2Mod1Strength") + number(trial, "stim2Mod2Strength");
      double expected = sum1 > sum2 ? number(trial, "stim1Angle") : number(trial, "stim2Angle");
      assertThat(distance(number(trial, "targetAngle"), expected)).isLessThan(EPS);
      // each stimulus's strength is split unevenly (20-80 %) between the rings
      double split =
          Math.abs(number(trial, "stim1Mod1Strength") - number(trial, "stim1Mod2Strength"));
      assertThat(split / (sum1 / 2)).isBetween(0.2 - EPS, 0.8 + EPS);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dms", "dnms"})
  void dmsRespondsIffMatchAndDnmsIffNonMatch(String name) {
    boolean nonMatchGo = name.equals("dnms");
    int matches = 0;
    List<Trial> all = trials(clean(component(name)), 400, 31L);
    for (Trial trial : all) {
      boolean match = flag(trial, "match");
      double sample = number(trial, "stim1Angle");
      double test = number(trial, "stim2Angle");
      if (match) {
        matches++;
        assertThat(distance(sample, test)).isLessThan(EPS);
      } else {
        assertThat(distance(sample, test)).isGreaterThanOrEqualTo(Math.PI / 9 - EPS);
      }
      boolean respond = match != nonMatchGo;
      assertThat(flag(trial, "fixate")).isEqualTo(!respond);
      if (respond) {
        assertThat(distance(number(trial, "targetAngle"), test)).isLessThan(EPS);
      }
      assertTestStimulusAndEpochs(trial, sample, test);
      assertThat(trial.period("go1").steps() * 20.0).isEqualTo(500.0);
    }
    assertThat(matches).isBetween(150, 250);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dmc", "dnmc"})
  void dmcRespondsIffTheCategoriesMatch(String name) {
    boolean nonMatchGo = name.equals("dnmc");
    Set<Double> go = new HashSet<>();
    int matches = 0;
    for (Trial trial : trials(clean(component(name)), 400, 33L)) {
      double sample = number(trial, "stim1Angle");
      double test = number(trial, "stim2Angle");
      boolean sameCategory = (sample < Math.PI) == (test < Math.PI);
      assertThat(flag(trial, "match")).isEqualTo(sameCategory);
      matches += sameCategory ? 1 : 0;
      for (double a : new double[] {sample, test}) {
        double units = a / (0.1 * Math.PI);
        assertThat(Math.abs(units - Math.round(units))).isLessThan(1e-9);
        assertThat(Math.round(units) % 2).isEqualTo(1L);
      }
      boolean respond = sameCategory != nonMatchGo;
      assertThat(flag(trial, "fixate")).isEqualTo(!respond);
      if (respond) {
        assertThat(distance(number(trial, "targetAngle"), test)).isLessThan(EPS);
      }
      assertTestStimulusAndEpochs(trial, sample, test);
      go.add(trial.period("go1").steps() * 20.0);
    }
    assertThat(go).containsExactlyInAnyOrder(200.0, 400.0, 600.0);
    assertThat(matches).isBetween(150, 250);
  }

  /** Sample in stim1 on its ring, nothing in the delay, the test from go1 to the end. */
  private static void assertTestStimulusAndEpochs(Trial trial, double sample, double test) {
    int m1 = (int) number(trial, "stim1Modality");
    int m2 = (int) number(trial, "stim2Modality");
    Period stim1 = trial.period("stim1");
    Period delay = trial.period("delay1");
    Period go = trial.period("go1");
    assertRingIs(ring(trial, stim1.startStep(), m1), new double[][] {{sample, 1}});
    assertThat(silent(ring(trial, delay.startStep(), 1))).isTrue();
    assertThat(silent(ring(trial, delay.startStep(), 2))).isTrue();
    assertRingIs(ring(trial, go.startStep(), m2), new double[][] {{test, 1}});
    assertRingIs(ring(trial, trial.steps() - 1, m2), new double[][] {{test, 1}});
    assertThat(silent(ring(trial, go.startStep(), 3 - m2))).isTrue();
  }
}
