package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

/**
 * {@link SpatialSuppressMotion}: the fidelity suite's checks that apply and the defining statistic.
 *
 * <p>Not in {@link NeuroGymFidelityTest#TASKS}: the suite reads class targets and a fixation input,
 * while this task, as its source, has continuous targets (report probabilities) on every step and
 * no fixation. The declaration, well-formedness and period checks of the suite run here unchanged;
 * the dt check is redone for continuous targets.
 */
class SpatialSuppressMotionTest {

  static final NeuroGymFidelityTest.Case CASE =
      new NeuroGymFidelityTest.Case(
          new SpatialSuppressMotion(), SpatialSuppressMotion.PERIODS, "stimulus", true);

  final NeuroGymFidelityTest suite = new NeuroGymFidelityTest();

  @Test
  void passesTheFidelitySuitesChecksThatApply() {
    suite.isWellDeclaredWithATimingGroupInPeriodOrder(CASE);
    suite.givesWellFormedTrialsThatTheSameSeedRepeats(CASE);
    suite.periodsComeInTheDocumentedOrderAndTileTheTrial(CASE);
  }

  @Test
  void targetsAreTheMeasuredReportProbabilitiesFrameByFrame() {
    OpenLoopTask task = NeuroGymFidelityTest.task(CASE, Map.of());
    assertThat(task.targetKind()).isEqualTo(TargetKind.CONTINUOUS);
    assertThat(task.inputChannels()).hasSize(32).startsWith("left-1").endsWith("down-8");
    assertThat(task.outputChannels()).containsExactly("left", "right", "up", "down");
    int[] opposite = {2, 1, 4, 3};
    Set<List<Object>> conditions = new HashSet<>();
    for (Trial trial : NeuroGymFidelityTest.trials(task, 100, 81)) {
      assertThat(trial.steps()).as("300 ms at 8.3 ms per frame").isEqualTo(36);
      int d = DefiningStatisticsTest.integer(trial, "groundTruth");
      double contrast = DefiningStatisticsTest.number(trial, "contrast");
      int diameter = DefiningStatisticsTest.integer(trial, "diameter");
      conditions.add(List.of(d, contrast));
      assertThat(diameter).isEqualTo(contrast > 0.5 ? 8 : 1);
      boolean high = contrast > 0.5;
      double[] correct = SpatialSuppressMotion.curve(high, true);
      double[] anti = SpatialSuppressMotion.curve(high, false);
      for (int t = 0; t < 36; t++) {
        float[] y = trial.targets()[t];
        double sum = y[0] + y[1] + y[2] + y[3];
        assertThat(sum).isCloseTo(1, within(1e-5));
        if (t <= 8) {
          // Frames 0..8 are measured points of the curve (frame 7 onwards: 7, 8, 9, 12 ...).
          assertThat(y[d - 1]).isCloseTo((float) correct[t], within(1e-6f));
          assertThat(y[opposite[d - 1] - 1]).isCloseTo((float) anti[t], within(1e-6f));
        }
        for (int k = 0; k < 32; k++) {
          int pool = k / 8;
          int size = k % 8;
          double expected =
              size < diameter ? (Math.cos(theta(pool) - theta(d - 1)) + 1) * contrast / 2 : 0;
          assertThat(trial.inputs()[t][k]).isCloseTo((float) expected, within(1e-6f));
        }
      }
      // At frame 35 (the last) the correct direction is reported with probability 0.99.
      assertThat(trial.targets()[35][d - 1]).isCloseTo(0.99f, within(1e-6f));
      // Between measured frames the curve is linear: frame 10 lies a third of the way 9 -> 12.
      assertThat(trial.targets()[10][d - 1])
          .isCloseTo((float) (correct[9] + (correct[10] - correct[9]) / 3), within(1e-6f));
    }
    assertThat(conditions).hasSize(8);
  }

  @Test
  void halvingDtReadsTheCurvesAtTheSameTimes() {
    OpenLoopTask coarse = NeuroGymFidelityTest.task(CASE, Map.of());
    OpenLoopTask fine = NeuroGymFidelityTest.task(CASE, Map.of("dt", 8.3 / 2));
    for (int n = 0; n < 10; n++) {
      Trial a = coarse.newTrial(new SplittableRandom(91 + n));
      Trial b = fine.newTrial(new SplittableRandom(91 + n));
      assertThat(b.metadata()).isEqualTo(a.metadata());
      assertThat(b.steps()).isEqualTo(72);
      for (int t = 0; t < a.steps(); t++) {
        assertThat(b.inputs()[2 * t]).isEqualTo(a.inputs()[t]);
        for (int k = 0; k < 4; k++) {
          assertThat(b.targets()[2 * t][k]).isCloseTo(a.targets()[t][k], within(1e-6f));
        }
      }
    }
  }

  private static double theta(int k) {
    return new double[] {-Math.PI / 2, Math.PI / 2, 0, Math.PI}[k];
  }
}
