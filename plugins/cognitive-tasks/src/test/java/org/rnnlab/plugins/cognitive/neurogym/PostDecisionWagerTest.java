package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.Trial;

/**
 * {@link PostDecisionWager}: where its noise is, and the task's defining statistic. The fidelity
 * suite's checks run in {@link NeuroGymFidelityTest}, whose noise check draws as many trials as the
 * short stimulus needs.
 */
class PostDecisionWagerTest {

  static OpenLoopTask task(Map<String, ?> overrides) {
    return DefiningStatisticsTest.task(new PostDecisionWager(), overrides);
  }

  @Test
  void stimulusNoiseIsOnEveryChannelAndOnlyDuringTheStimulus() {
    for (double dt : new double[] {100, 50}) {
      List<Trial> noisy =
          DefiningStatisticsTest.trials(task(Map.of("dt", dt, "sigma", 0.8)), 100, 61);
      List<Trial> clean =
          DefiningStatisticsTest.trials(task(Map.of("dt", dt, "sigma", 0.0)), 100, 61);
      for (int i = 0; i < noisy.size(); i++) {
        Period stimulus = noisy.get(i).period("stimulus");
        float[][] x = noisy.get(i).inputs();
        float[][] y = clean.get(i).inputs();
        for (int t = 0; t < x.length; t++) {
          boolean inside = t >= stimulus.startStep() && t < stimulus.endStep();
          for (int k = 0; k < x[t].length; k++) {
            assertThat(x[t][k] != y[t][k])
                .as("trial %d, step %d, channel %d: noise only during the stimulus", i, t, k)
                .isEqualTo(inside);
          }
        }
      }
    }
  }

  @Test
  void theSureCueAppearsAfterThePreSureDelayOnWagerTrialsOnly() {
    OpenLoopTask task = task(Map.of("sigma", 0.0));
    assertThat(task.inputChannels())
        .containsExactly("fixation", "stimulus-1", "stimulus-2", "sure");
    assertThat(task.outputChannels()).containsExactly("fixate", "choice-1", "choice-2", "sure");
    int wagers = 0;
    List<Trial> all = DefiningStatisticsTest.trials(task, 400, 62);
    for (Trial trial : all) {
      boolean wager = (Boolean) trial.metadata().get("wager");
      wagers += wager ? 1 : 0;
      int sureOn = trial.period("delay").startStep();
      for (int t = 0; t < trial.steps(); t++) {
        assertThat(trial.inputs()[t][3]).as("step %d", t).isEqualTo(wager && t >= sureOn ? 1f : 0f);
      }
      int preSure = trial.period("preSure").steps();
      int delay = preSure + trial.period("delay").steps();
      assertThat(preSure).isBetween(5, 7);
      assertThat(delay).isBetween(12, 17);
      // The evidence: cos(θ_k − θ_g)·c/200 + 0.5 on two units, θ = 0 and π.
      int g = DefiningStatisticsTest.integer(trial, "groundTruth");
      double coherence = DefiningStatisticsTest.number(trial, "coherence");
      assertThat(coherence).isIn(0.0, 3.2, 6.4, 12.8, 25.6, 51.2);
      assertThat(
              DefiningStatisticsTest.mean(trial, "stimulus", g)
                  - DefiningStatisticsTest.mean(trial, "stimulus", 3 - g))
          .isCloseTo(coherence / 100, within(1e-6));
      assertThat(DefiningStatisticsTest.targetAt(trial, "decision")).isEqualTo(g);
      for (int c : trial.classTargets()) {
        assertThat(c).as("the sure option is never the target").isNotEqualTo(3);
      }
    }
    assertThat(wagers).isBetween(160, 240);
  }
}
