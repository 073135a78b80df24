package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.Trial;

/**
 * {@link DualDelayMatchSample}: the defining statistic. The fidelity suite's checks, with both test
 * periods as response periods and no go cue, run in {@link NeuroGymFidelityTest}.
 */
class DualDelayMatchSampleTest {

  @Test
  void eachTestIsAnsweredForTheItemItsCueNames() {
    OpenLoopTask task =
        DefiningStatisticsTest.task(new DualDelayMatchSample(), Map.of("sigma", 0.0));
    assertThat(task.inputChannels())
        .containsExactly(
            "fixation", "stimulus1-1", "stimulus1-2", "stimulus2-1", "stimulus2-2", "cue1", "cue2");
    int itemOneFirst = 0;
    for (Trial trial : DefiningStatisticsTest.trials(task, 300, 71)) {
      int first = DefiningStatisticsTest.integer(trial, "firstTested");
      itemOneFirst += first == 1 ? 1 : 0;
      for (int item = 1; item <= 2; item++) {
        String test = (item == first) ? "test1" : "test2";
        String cue = (item == first) ? "cue1" : "cue2";
        int channel = item == 1 ? 1 : 3;
        double sample = DefiningStatisticsTest.number(trial, "sample" + item);
        double probe = DefiningStatisticsTest.number(trial, "test" + item);
        int g = DefiningStatisticsTest.integer(trial, "groundTruth" + item);
        assertThat(g == 1).isEqualTo(sample == probe);
        assertThat(sample + probe == 0.5 || sample == probe).isTrue();
        assertThat(DefiningStatisticsTest.targetAt(trial, test)).isEqualTo(g);
        assertThat(DefiningStatisticsTest.mean(trial, cue, 4 + item)).isEqualTo(1.0);
        assertThat(DefiningStatisticsTest.mean(trial, cue, 7 - item)).isZero();
        assertThat(DefiningStatisticsTest.mean(trial, "sample", channel))
            .isCloseTo(Math.cos(Math.PI * sample), within(1e-6));
        assertThat(DefiningStatisticsTest.mean(trial, "sample", channel + 1))
            .isCloseTo(Math.sin(Math.PI * sample), within(1e-6));
        assertThat(DefiningStatisticsTest.mean(trial, test, channel))
            .isCloseTo(Math.cos(Math.PI * probe), within(1e-6));
        String other = test.equals("test1") ? "test2" : "test1";
        assertThat(DefiningStatisticsTest.mean(trial, other, channel)).isZero();
      }
      for (int t = 0; t < trial.steps(); t++) {
        boolean inTest = inside(trial.period("test1"), t) || inside(trial.period("test2"), t);
        assertThat(trial.classTargets()[t] != 0).isEqualTo(inTest);
      }
    }
    assertThat(itemOneFirst).isBetween(120, 180);
  }

  private static boolean inside(Period p, int t) {
    return t >= p.startStep() && t < p.endStep();
  }
}
