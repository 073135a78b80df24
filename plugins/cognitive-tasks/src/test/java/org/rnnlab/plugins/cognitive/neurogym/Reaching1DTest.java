package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.integer;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.number;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.task;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.trials;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.RingCoding;

/** The ideal agent behind {@link Reaching1D}'s teacher-forced trials. */
class Reaching1DTest {

  final Reaching1D component = new Reaching1D();

  /** The position a 16-unit cosine code {@code cos(θ_k − p)} shows. */
  static double decode(float[] step, int first, int n) {
    double x = 0;
    double y = 0;
    for (int k = 0; k < n; k++) {
      double theta = 2 * Math.PI * k / n;
      x += step[first + k] * Math.cos(theta);
      y += step[first + k] * Math.sin(theta);
    }
    double p = Math.atan2(y, x);
    return p < 0 ? p + 2 * Math.PI : p;
  }

  @Test
  void theSelfInputsFollowTheTargetClassesOneStepAtATimeTowardsTheTarget() {
    OpenLoopTask task = task(component, Map.of());
    assertThat(task.inputChannels()).hasSize(32).startsWith("target-1").contains("self-16");
    assertThat(task.outputChannels()).containsExactly("fixate", "left", "right");
    for (Trial trial : trials(task, 300, 1)) {
      double target = number(trial, "targetAngle");
      Period reach = trial.period("reach");
      assertThat(trial.period("fixation").steps()).isEqualTo(5);
      assertThat(reach.steps()).isEqualTo(5);
      double position = Math.PI;
      for (int t = 0; t < trial.steps(); t++) {
        float[] step = trial.inputs()[t];
        assertThat(RingCoding.distance(decode(step, 16, 16), position))
            .as("self at step %d", t)
            .isLessThan(1e-5);
        boolean reaching = t >= reach.startStep();
        for (int k = 0; k < 16; k++) {
          double expected = reaching ? Math.cos(2 * Math.PI * k / 16 - target) : 0;
          assertThat(step[k]).isCloseTo((float) expected, within(1e-6f));
        }
        int action = trial.classTargets()[t];
        double before = RingCoding.distance(position, target);
        double after = RingCoding.distance(Reaching1D.move(position, action, 0.05), target);
        if (!reaching) {
          assertThat(action).as("fixate before the target shows").isZero();
        } else if (action == 0) {
          assertThat(before)
              .as("stays only where a step would not help")
              .isLessThanOrEqualTo(0.025);
        } else if (before >= 0.05) {
          assertThat(after).as("a whole step closer").isCloseTo(before - 0.05, within(1e-9));
        } else {
          assertThat(after).as("the last step brings it closer").isLessThan(before);
        }
        position = Reaching1D.move(position, action, 0.05);
      }
    }
  }

  @Test
  void givenTimeTheIdealAgentReachesEveryTargetAndStaysThere() {
    // 7 s of reach: 70 steps of 0.05 rad, more than the π rad to the farthest target.
    OpenLoopTask task = task(component, Map.of("timing", Map.of("reach", 7000)));
    for (Trial trial : trials(task, 200, 2)) {
      double target = number(trial, "targetAngle");
      Period reach = trial.period("reach");
      int arrival = integer(trial, "arrivalStep");
      assertThat(arrival).isBetween(reach.startStep(), reach.endStep() - 1);
      double distance = RingCoding.distance(Math.PI, target);
      assertThat(arrival - reach.startStep())
          .as("steps to cover %s rad", distance)
          .isEqualTo((int) Math.round(distance / 0.05));
      double last = Double.POSITIVE_INFINITY;
      for (int t = reach.startStep(); t < reach.endStep(); t++) {
        double d = RingCoding.distance(decode(trial.inputs()[t], 16, 16), target);
        assertThat(d).as("distance at step %d never grows", t).isLessThanOrEqualTo(last + 1e-6);
        last = d;
        assertThat(trial.classTargets()[t] == 0).isEqualTo(t >= arrival);
      }
      assertThat(last).as("ends within half a step").isLessThanOrEqualTo(0.025 + 1e-6);
    }
  }

  @Test
  void theSpeedIsPerSecondSoHalvingDtHalvesTheStep() {
    OpenLoopTask coarse = task(component, Map.of());
    OpenLoopTask fine = task(component, Map.of("dt", 50));
    for (int n = 0; n < 50; n++) {
      Trial a = coarse.newTrial(new SplittableRandom(3 + n));
      Trial b = fine.newTrial(new SplittableRandom(3 + n));
      assertThat(number(b, "targetAngle")).isEqualTo(number(a, "targetAngle"));
      double target = number(a, "targetAngle");
      // Both grids cover a coarse step alike while the target is more than 1.5 fine steps away
      // (both move a whole coarse step) or less than half of one (neither moves); in between, the
      // finer agent may stop after one fine step where the coarser one takes a whole, or move
      // where the coarser one stays.
      boolean alike = true;
      for (int t = 0; t < a.steps(); t++) {
        for (int k = 0; k < 16; k++) {
          assertThat(b.inputs()[2 * t][k]).as("target input").isEqualTo(a.inputs()[t][k]);
          assertThat(b.inputs()[2 * t + 1][k]).as("target input").isEqualTo(a.inputs()[t][k]);
        }
        double position = decode(a.inputs()[t], 16, 16);
        if (alike) {
          assertThat(RingCoding.distance(decode(b.inputs()[2 * t], 16, 16), position))
              .as("the same position at %s ms", t * 100)
              .isLessThan(1e-5);
        }
        double d = RingCoding.distance(position, target);
        boolean reaching = t >= a.period("reach").startStep();
        alike &= !reaching || d < 0.0125 - 1e-6 || d > 0.0375 + 1e-6;
      }
    }
  }

  @Test
  void rejectsANonPositiveSpeed() {
    assertThatThrownBy(() -> task(component, Map.of("speed", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("speed");
  }

  @Test
  void signedAnglesWrapToTheShortWay() {
    assertThat(Reaching1D.signedAngle(0.1, 2 * Math.PI - 0.1)).isCloseTo(-0.2, within(1e-12));
    assertThat(Reaching1D.signedAngle(2 * Math.PI - 0.1, 0.1)).isCloseTo(0.2, within(1e-12));
    assertThat(Reaching1D.idealAction(Math.PI, Math.PI + 0.02, 0.05)).isZero();
    assertThat(Reaching1D.idealAction(Math.PI, Math.PI + 0.03, 0.05)).isEqualTo(Reaching1D.LEFT);
    assertThat(Reaching1D.idealAction(Math.PI, Math.PI - 0.03, 0.05)).isEqualTo(Reaching1D.RIGHT);
    assertThat(Reaching1D.move(0.02, Reaching1D.RIGHT, 0.05))
        .isCloseTo(2 * Math.PI - 0.03, within(1e-12));
  }
}
