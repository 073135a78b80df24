package org.rnnlab.plugins.cognitive.yang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.clean;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.component;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.flag;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.number;
import static org.rnnlab.plugins.cognitive.yang.YangFixtures.trials;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.RingCoding;

/** Yang's get_perf criterion. */
class YangPerformanceTest {

  /** An output that is the trial's target everywhere but the last step, which is given. */
  private static float[][] outputsEndingWith(Trial trial, float[] last) {
    float[][] out = new float[trial.steps()][];
    for (int t = 0; t < trial.steps(); t++) {
      out[t] = trial.targets()[t].clone();
    }
    out[trial.steps() - 1] = last;
    return out;
  }

  /** A response output at {@code angle}: fixation 0.05, ring 0.05 + bump. */
  private static float[] respondingAt(double angle) {
    float[] out = new float[33];
    out[0] = 0.05f;
    float[] bump = RingCoding.gaussianBump(angle, 32, 0.8, Math.PI / 8);
    for (int k = 0; k < 32; k++) {
      out[k + 1] = 0.05f + bump[k];
    }
    return out;
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("org.rnnlab.plugins.cognitive.yang.YangFixtures#all")
  void theTargetItselfIsCorrect(Task component, int index, String name) {
    List<Trial> trials = trials(YangFixtures.task(component, Map.of()), 50, 41L);
    List<float[][]> perfect = trials.stream().map(Trial::targets).toList();
    assertThat(YangPerformance.fractionCorrect(trials, perfect)).isEqualTo(1.0);
  }

  @Test
  void aResponse40DegreesOffIsWrongAnd30DegreesOffIsRight() {
    for (Trial trial : trials(clean(component("dlygo")), 30, 43L)) {
      double target = number(trial, "targetAngle");
      for (double sign : new double[] {-1, 1}) {
        float[] off40 = respondingAt(target + sign * Math.toRadians(40));
        float[] off30 = respondingAt(target + sign * Math.toRadians(30));
        assertThat(YangPerformance.isCorrect(trial, outputsEndingWith(trial, off40))).isFalse();
        assertThat(YangPerformance.isCorrect(trial, outputsEndingWith(trial, off30))).isTrue();
      }
    }
  }

  @Test
  void fixatingWhenAResponseIsRequiredIsWrong() {
    Trial trial = clean(component("go")).newTrial(new java.util.SplittableRandom(1));
    float[] last = respondingAt(number(trial, "targetAngle"));
    last[0] = 0.8f;
    assertThat(YangPerformance.isCorrect(trial, outputsEndingWith(trial, last))).isFalse();
    last[0] = 0.5f; // exactly at the threshold counts as not fixating
    assertThat(YangPerformance.isCorrect(trial, outputsEndingWith(trial, last))).isTrue();
  }

  @Test
  void noGoTrialsAreJudgedByTheFixationOutputAlone() {
    Trial noGo =
        trials(clean(component("dms")), 40, 47L).stream()
            .filter(t -> flag(t, "fixate"))
            .findFirst()
            .orElseThrow();
    float[] fixating = noGo.targets()[noGo.steps() - 1].clone();
    assertThat(YangPerformance.isCorrect(noGo, outputsEndingWith(noGo, fixating))).isTrue();
    float[] breaking = respondingAt(number(noGo, "stim2Angle"));
    assertThat(YangPerformance.isCorrect(noGo, outputsEndingWith(noGo, breaking))).isFalse();
  }

  @Test
  void onlyTheLastStepCounts() {
    Trial trial = clean(component("rtanti")).newTrial(new java.util.SplittableRandom(3));
    float[][] out = outputsEndingWith(trial, respondingAt(number(trial, "targetAngle")));
    for (int t = 0; t < trial.steps() - 1; t++) {
      out[t] = new float[33]; // garbage before the end is ignored
    }
    assertThat(YangPerformance.isCorrect(trial, out)).isTrue();
    // padded outputs: the trial's own last step is read
    float[][] padded = java.util.Arrays.copyOf(out, out.length + 5);
    for (int t = out.length; t < padded.length; t++) {
      padded[t] = new float[33];
      padded[t][0] = 1f;
    }
    assertThat(YangPerformance.isCorrect(trial, padded)).isTrue();
  }

  @Test
  void thePopulationVectorIsTheSourcesPopvec() {
    float[] ring = RingCoding.gaussianBump(1.3, 32, 0.8, Math.PI / 8);
    assertThat(YangPerformance.populationVector(ring)).isCloseTo(1.3, within(1e-6));
    float[] negative = new float[32];
    for (int k = 0; k < 32; k++) {
      negative[k] = -ring[k];
    }
    // dividing by a negative sum turns the vector around, as numpy's popvec does
    assertThat(YangPerformance.populationVector(negative)).isCloseTo(1.3, within(1e-6));
    assertThat(YangPerformance.populationVector(new float[32])).isNaN();
    assertThat(YangPerformance.isCorrect(new float[33], false, 1.0)).isFalse();
  }

  @Test
  void rejectsTrialsWithoutYangMetadata() {
    Trial alien =
        new Trial(new float[1][1], new float[1][33], null, new float[1], List.of(), Map.of());
    assertThatThrownBy(() -> YangPerformance.isCorrect(alien, new float[1][33]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fixate");
  }
}
