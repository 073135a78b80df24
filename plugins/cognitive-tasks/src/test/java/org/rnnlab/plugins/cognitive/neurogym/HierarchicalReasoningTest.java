package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.integer;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.mean;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.number;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.targetAt;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.task;
import static org.rnnlab.plugins.cognitive.neurogym.DefiningStatisticsTest.trials;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.Timing;

/**
 * The rule × interval table, the blocks and the feedback option of {@link HierarchicalReasoning}.
 */
class HierarchicalReasoningTest {

  final HierarchicalReasoning component = new HierarchicalReasoning();

  static boolean flag(Trial trial, String key) {
    return (Boolean) trial.metadata().get(key);
  }

  @Test
  void theAnswerFollowsTheRuleByIntervalTable() {
    OpenLoopTask task = task(component, Map.of());
    assertThat(task.inputChannels())
        .containsExactly("fixation", "rule-1", "rule-2", "stimulus-1", "stimulus-2");
    assertThat(task.outputChannels())
        .containsExactly("fixate", "rule-1", "rule-2", "choice-1", "choice-2");
    Set<List<Object>> seen = new HashSet<>();
    for (Trial trial : trials(task, 600, 1)) {
      int rule = integer(trial, "rule");
      int stimulus = integer(trial, "stimulus");
      double interval = number(trial, "interval");
      boolean longInterval = flag(trial, "longInterval");
      assertThat(interval)
          .as("the delay the trial shows")
          .isEqualTo(trial.period("delay").steps() * 100.0);
      // At dt 100 the shown intervals are 500 .. 1100 ms, never the 850 ms threshold itself.
      assertThat(longInterval).isEqualTo(interval > 850);
      // Rule 1: short → at the flashes (pro), long → opposite; rule 2 the reverse.
      boolean pro = rule == 1 ? !longInterval : longInterval;
      int location = pro ? stimulus : 3 - stimulus;
      assertThat(flag(trial, "proChoice")).isEqualTo(pro);
      assertThat(integer(trial, "groundTruth")).isEqualTo(2 + location);
      assertThat(targetAt(trial, "decision")).isEqualTo(2 + location);
      assertThat(targetAt(trial, "ruleTarget")).as("the rule is reported").isEqualTo(rule);
      // Both flashes at the stimulus location, both rule targets on, nothing else shown.
      for (String flash : List.of("flash1", "flash2")) {
        assertThat(mean(trial, flash, 2 + stimulus)).isEqualTo(1.0);
        assertThat(mean(trial, flash, 5 - stimulus)).isZero();
      }
      assertThat(mean(trial, "ruleTarget", 1)).isEqualTo(1.0);
      assertThat(mean(trial, "ruleTarget", 2)).isEqualTo(1.0);
      for (String other : List.of("fixation", "fixation2", "delay", "decision")) {
        for (int channel = 1; channel < 5; channel++) {
          assertThat(mean(trial, other, channel)).as("%s, channel %d", other, channel).isZero();
        }
      }
      seen.add(List.of(rule, longInterval, stimulus));
    }
    assertThat(seen).as("every cell of the table, for both locations").hasSize(8);
  }

  @Test
  void anIntervalAtTheThresholdIsLongOrShortByChance() {
    // At dt 10 the 850 ms delay lasts exactly the 850 ms threshold.
    OpenLoopTask task = task(component, Map.of("dt", 10, "timing", Map.of("delay", 850)));
    int longCount = 0;
    for (Trial trial : trials(task, 400, 2)) {
      assertThat(number(trial, "interval")).isEqualTo(850.0);
      longCount += flag(trial, "longInterval") ? 1 : 0;
    }
    assertThat(longCount).as("long out of 400").isBetween(160, 240);
  }

  @Test
  void rulesAlternateInBlocksOfTenToTwentyTrialsStartingWithRuleTwo() {
    List<Trial> stream = trials(task(component, Map.of()), 3000, 3);
    assertThat(integer(stream.get(0), "rule")).as("the source's first block").isEqualTo(2);
    List<Integer> lengths = new ArrayList<>();
    int run = 0;
    for (int i = 0; i < stream.size(); i++) {
      Trial trial = stream.get(i);
      assertThat(integer(trial, "blockTrial")).isEqualTo(run);
      run++;
      if (i + 1 < stream.size()) {
        int next = integer(stream.get(i + 1), "rule");
        if (next != integer(trial, "rule")) {
          assertThat(next).isEqualTo(3 - integer(trial, "rule"));
          lengths.add(run);
          run = 0;
        }
      }
    }
    assertThat(lengths).allSatisfy(n -> assertThat(n).isBetween(10, 20));
    assertThat(new HashSet<>(lengths)).as("every length from 10 to 20 occurs").hasSize(11);
    double meanLength = lengths.stream().mapToInt(Integer::intValue).average().orElseThrow();
    assertThat(meanLength).isBetween(14.0, 16.0);
  }

  @Test
  void everyStreamHasItsOwnBlocks() {
    OpenLoopTask task = task(component, Map.of());
    List<Trial> alone = trials(task, 60, 4);
    SplittableRandom a = new SplittableRandom(4);
    SplittableRandom b = new SplittableRandom(5);
    for (int i = 0; i < 60; i++) {
      Trial interleaved = task.newTrial(a);
      task.newTrial(b);
      task.newTrial(b);
      assertThat(interleaved.metadata()).as("trial %d", i).isEqualTo(alone.get(i).metadata());
      assertThat(interleaved.inputs()).isDeepEqualTo(alone.get(i).inputs());
    }
  }

  @Test
  void feedbackShowsThePreviousTrialsRuleDuringFixation() {
    OpenLoopTask task = task(component, Map.of("feedback", true));
    assertThat(task.inputChannels()).endsWith("previous-rule-1", "previous-rule-2");
    List<Trial> stream = trials(task, 200, 6);
    for (int i = 0; i < stream.size(); i++) {
      Trial trial = stream.get(i);
      for (Period p : trial.periods()) {
        for (int k = 0; k < 2; k++) {
          double expected =
              i > 0 && p.name().equals("fixation") && integer(stream.get(i - 1), "rule") == k + 1
                  ? 1
                  : 0;
          assertThat(mean(trial, p.name(), 5 + k))
              .as("trial %d, %s, previous-rule-%d", i, p.name(), k + 1)
              .isEqualTo(expected);
        }
      }
    }
    // Without feedback, the same seed gives the same trials, less the two inputs.
    List<Trial> plain = trials(task(component, Map.of()), 200, 6);
    for (int i = 0; i < plain.size(); i++) {
      assertThat(plain.get(i).metadata()).isEqualTo(stream.get(i).metadata());
      assertThat(plain.get(i).inputs()[0]).hasSize(5);
    }
  }

  @Test
  void theThresholdIsTheMedianOfTheDelaysDurations() {
    assertThat(
            HierarchicalReasoning.medianMs(
                Timing.choice(530, 610, 690, 770, 850, 930, 1010, 1090, 1170)))
        .isEqualTo(850.0);
    assertThat(HierarchicalReasoning.medianMs(Timing.choice(600, 1000, 700, 900))).isEqualTo(800.0);
    assertThat(HierarchicalReasoning.medianMs(Timing.uniform(500, 1200))).isEqualTo(850.0);
    assertThat(HierarchicalReasoning.medianMs(Timing.constant(700))).isEqualTo(700.0);
    assertThatThrownBy(
            () ->
                task(
                    component,
                    Map.of(
                        "timing",
                        Map.of("delay", Map.of("truncatedExponential", List.of(800, 500, 1500))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timing.delay");
  }
}
