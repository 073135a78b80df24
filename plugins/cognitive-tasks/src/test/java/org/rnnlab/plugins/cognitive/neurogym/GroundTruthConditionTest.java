package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

/**
 * The {@code groundTruth} condition (NeuroGym's {@code new_trial(ground_truth=…)}), over every task
 * of the package whose source lets a caller set a ground truth: a choice among classes 1..n, or for
 * go/no-go the classes 0 (no-go: keep fixating) and 1 (go).
 */
class GroundTruthConditionTest {

  /**
   * A task that accepts the condition.
   *
   * @param overrides parameters of the instance under test
   * @param response the period in which the ground truth is the target
   * @param choices the valid ground truths, in the task's order
   */
  record Conditioned(Task task, Map<String, ?> overrides, String response, List<Integer> choices) {
    Conditioned(Task task, Map<String, ?> overrides, String response, int classes) {
      this(task, overrides, response, IntStream.rangeClosed(1, classes).boxed().toList());
    }

    @Override
    public String toString() {
      return task.id() + (overrides.isEmpty() ? "" : " " + overrides);
    }

    OpenLoopTask instance() {
      return (OpenLoopTask) task.create(ComponentContract.parameters(task, overrides));
    }
  }

  static final List<Conditioned> CONDITIONED =
      List.of(
          new Conditioned(new AntiReach(), Map.of(), "decision", 32),
          new Conditioned(new AntiReach(), Map.of("anti", false, "dimRing", 5), "decision", 5),
          new Conditioned(new ContextDecisionMaking(), Map.of(), "decision", 2),
          new Conditioned(
              new ContextDecisionMaking(),
              Map.of("dimRing", 4, "explicitContext", true),
              "decision",
              4),
          new Conditioned(new DelayComparison(), Map.of(), "decision", 2),
          new Conditioned(new DelayMatchCategory(), Map.of(), "test", 2),
          new Conditioned(new DelayMatchSample(), Map.of(), "decision", 2),
          new Conditioned(new GoNogo(), Map.of(), "decision", List.of(0, 1)),
          new Conditioned(new MultiSensoryIntegration(), Map.of(), "decision", 2),
          new Conditioned(new MultiSensoryIntegration(), Map.of("dimRing", 3), "decision", 3),
          new Conditioned(new PerceptualDecisionMakingDelayResponse(), Map.of(), "decision", 2),
          new Conditioned(new PostDecisionWager(), Map.of(), "decision", 2));

  static Stream<Conditioned> conditioned() {
    return CONDITIONED.stream();
  }

  @Test
  void exactlyTheTasksWhoseSourceTakesAClassGroundTruthAcceptIt() {
    List<String> expected = CONDITIONED.stream().map(c -> c.task().id()).distinct().toList();
    for (NeuroGymFidelityTest.Case c : NeuroGymFidelityTest.TASKS) {
      OpenLoopTask task = NeuroGymFidelityTest.task(c, Map.of());
      if (expected.contains(c.task().id())) {
        assertThat(task.conditions()).as(c.toString()).containsExactly(OpenLoopTask.GROUND_TRUTH);
      } else {
        assertThat(task.conditions()).as(c.toString()).isEmpty();
        assertThatThrownBy(
                () -> task.newTrial(new SplittableRandom(1), Map.of(OpenLoopTask.GROUND_TRUTH, 1)))
            .as(c.toString())
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conditioned")
  void aGivenGroundTruthIsTheTrialsGroundTruthAndItsResponseTarget(Conditioned c) {
    OpenLoopTask task = c.instance();
    assertThat(task.targetKind()).isEqualTo(TargetKind.CLASS_INDEX);
    assertThat(task.conditions()).containsExactly(OpenLoopTask.GROUND_TRUTH);
    assertThat(task.groundTruthChoices()).isEqualTo(c.choices());
    SplittableRandom random = new SplittableRandom(7);
    for (int g : c.choices()) {
      for (Object given : new Object[] {g, (long) g, (double) g}) {
        Trial trial = task.newTrial(random, Map.of(OpenLoopTask.GROUND_TRUTH, given));
        assertThat(trial.metadata().get("groundTruth")).as("given %s", given).isEqualTo(g);
        Period response = trial.period(c.response());
        for (int t = 0; t < trial.steps(); t++) {
          boolean inside = t >= response.startStep() && t < response.endStep();
          assertThat(trial.classTargets()[t])
              .as("given %s, class at step %d ('%s' is %s)", given, t, c.response(), response)
              .isEqualTo(inside ? g : 0);
        }
      }
      // Conditioned trials keep every invariant, and the same seed repeats them.
      TaskContract.assertTrialsWellFormed(always(task, g), 3, 70L + g);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conditioned")
  void anInvalidGroundTruthOrAnUnknownConditionIsRefused(Conditioned c) {
    OpenLoopTask task = c.instance();
    String id = c.task().id();
    Map<String, Object> withNull = new HashMap<>();
    withNull.put(OpenLoopTask.GROUND_TRUTH, null);
    int lowest = c.choices().get(0);
    int highest = c.choices().get(c.choices().size() - 1);
    String valid = "a class " + lowest + ".." + highest;
    for (Object bad : new Object[] {lowest - 1, -1, highest + 1, 0.5, Double.NaN, "1", true}) {
      assertThatThrownBy(
              () -> task.newTrial(new SplittableRandom(1), Map.of(OpenLoopTask.GROUND_TRUTH, bad)))
          .as("groundTruth %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(id)
          .hasMessageContaining("groundTruth must be " + valid);
    }
    assertThatThrownBy(() -> task.newTrial(new SplittableRandom(1), withNull))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
    assertThatThrownBy(() -> task.newTrial(new SplittableRandom(1), Map.of("coherence", 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(id)
        .hasMessageContaining("'coherence'");
    assertThatThrownBy(
            () ->
                task.newTrial(
                    new SplittableRandom(1),
                    Map.of(OpenLoopTask.GROUND_TRUTH, 1, "groundtruth", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'groundtruth'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conditioned")
  void withoutConditionsTheTrialsAreThoseOfAnInstanceNeverConditioned(Conditioned c) {
    OpenLoopTask conditioned = c.instance();
    OpenLoopTask never = c.instance();
    SplittableRandom a = new SplittableRandom(91);
    SplittableRandom b = new SplittableRandom(91);
    SplittableRandom elsewhere = new SplittableRandom(92);
    for (int n = 0; n < 30; n++) {
      // Conditioned trials in between, from another stream, leave no trace.
      conditioned.newTrial(
          elsewhere, Map.of(OpenLoopTask.GROUND_TRUTH, c.choices().get(n % c.choices().size())));
      Trial expected = never.newTrial(b);
      Trial actual = n % 2 == 0 ? conditioned.newTrial(a) : conditioned.newTrial(a, Map.of());
      assertSame(actual, expected, "trial " + n);
    }
  }

  private static void assertSame(Trial actual, Trial expected, String what) {
    assertThat(actual.inputs()).as("%s: inputs", what).isDeepEqualTo(expected.inputs());
    assertThat(actual.classTargets())
        .as("%s: class targets", what)
        .isEqualTo(expected.classTargets());
    assertThat(actual.mask()).as("%s: mask", what).isEqualTo(expected.mask());
    assertThat(actual.periods()).as("%s: periods", what).isEqualTo(expected.periods());
    assertThat(actual.metadata()).as("%s: metadata", what).isEqualTo(expected.metadata());
  }

  /** The task with its ground truth always given as {@code g}. */
  private static OpenLoopTask always(OpenLoopTask task, int g) {
    return new OpenLoopTask() {
      @Override
      public double dtMs() {
        return task.dtMs();
      }

      @Override
      public List<String> inputChannels() {
        return task.inputChannels();
      }

      @Override
      public List<String> outputChannels() {
        return task.outputChannels();
      }

      @Override
      public TargetKind targetKind() {
        return task.targetKind();
      }

      @Override
      public Trial newTrial(RandomGenerator random) {
        return task.newTrial(random, Map.of(OpenLoopTask.GROUND_TRUTH, g));
      }
    };
  }
}
