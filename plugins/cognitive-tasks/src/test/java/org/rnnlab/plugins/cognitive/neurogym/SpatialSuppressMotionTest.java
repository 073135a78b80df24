package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

/**
 * {@link SpatialSuppressMotion}: the defining statistic. The fidelity suite's checks that apply to
 * continuous targets (declarations, well-formed trials, periods, dt invariance of inputs and
 * targets) run in {@link NeuroGymFidelityTest}.
 */
class SpatialSuppressMotionTest {

  @Test
  void targetsAreTheMeasuredReportProbabilitiesFrameByFrame() {
    OpenLoopTask task = DefiningStatisticsTest.task(new SpatialSuppressMotion(), Map.of());
    assertThat(task.targetKind()).isEqualTo(TargetKind.CONTINUOUS);
    assertThat(task.inputChannels()).hasSize(32).startsWith("left-1").endsWith("down-8");
    assertThat(task.outputChannels()).containsExactly("left", "right", "up", "down");
    int[] opposite = {2, 1, 4, 3};
    Set<List<Object>> conditions = new HashSet<>();
    for (Trial trial : DefiningStatisticsTest.trials(task, 100, 81)) {
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

  private static double theta(int k) {
    return new double[] {-Math.PI / 2, Math.PI / 2, 0, Math.PI}[k];
  }
}
