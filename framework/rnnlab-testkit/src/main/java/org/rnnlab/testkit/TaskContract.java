package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.task.ClosedLoopEpisode;
import org.rnnlab.api.task.ClosedLoopResult;
import org.rnnlab.api.task.ClosedLoopTask;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.api.task.Trial;

/**
 * Invariants every task instance must keep, whatever it models.
 *
 * <p>Open-loop: trials agree with the declared channels and target kind, class indices name an
 * output channel, values are finite, the mask is non-negative, periods are in time order inside the
 * trial, metadata values are numbers, booleans or strings, every trial carries a finite initial
 * condition of the declared {@code initialConditionSize()} (none when it is 0), and the same seed
 * gives the same trials. Closed-loop: observations and results have the documented shapes, stay
 * finite under a zero action, and the same seed gives the same episode.
 *
 * <p>Stateless; each check makes and closes its own {@link NDManager}.
 */
public final class TaskContract {

  private TaskContract() {}

  /**
   * Draws {@code trials} trials twice from generators seeded with {@code seed} and checks every
   * open-loop invariant listed on the class.
   *
   * @param task the task instance under test
   * @param trials how many trials to draw
   * @param seed seed of both generators
   * @throws AssertionError naming the trial and the broken invariant
   */
  public static void assertTrialsWellFormed(OpenLoopTask task, int trials, long seed) {
    assertChannels(task);
    assertThat(task.targetKind()).as("targetKind").isNotNull();
    SplittableRandom first = new SplittableRandom(seed);
    SplittableRandom second = new SplittableRandom(seed);
    for (int n = 0; n < trials; n++) {
      Trial trial = task.newTrial(first);
      Trial again = task.newTrial(second);
      assertTrialWellFormed(task, trial, n);
      String what = "trial " + n + " drawn twice from the same seed";
      assertThat(again.inputs()).as("%s: inputs", what).isDeepEqualTo(trial.inputs());
      assertThat(again.classTargets())
          .as("%s: class targets", what)
          .isEqualTo(trial.classTargets());
      assertThat(again.targets()).as("%s: targets", what).isDeepEqualTo(trial.targets());
      assertThat(again.mask()).as("%s: mask", what).isEqualTo(trial.mask());
      assertThat(again.periods()).as("%s: periods", what).isEqualTo(trial.periods());
      assertThat(again.metadata()).as("%s: metadata", what).isEqualTo(trial.metadata());
      assertThat(again.initialCondition())
          .as("%s: initial condition", what)
          .isEqualTo(trial.initialCondition());
    }
  }

  /**
   * Runs one batch of episodes twice from generators seeded with {@code seed}, pushing with a zero
   * action, and checks shapes, finiteness and determinism.
   *
   * @param task the task instance under test
   * @param batchSize episodes in the batch
   * @param seed seed of both generators
   * @throws AssertionError naming the broken invariant
   */
  public static void assertEpisodesWellFormed(ClosedLoopTask task, int batchSize, long seed) {
    assertChannels(task);
    int steps = task.episodeSteps();
    assertThat(steps).as("episodeSteps").isPositive();
    try (NDManager manager = NDManager.newBaseManager()) {
      float[][] runs = new float[2][];
      for (int run = 0; run < 2; run++) {
        ClosedLoopEpisode episode = task.reset(batchSize, new SplittableRandom(seed), manager);
        NDArray action = manager.zeros(new Shape(batchSize, task.outputChannels().size()));
        List<Float> seen = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
          NDArray observation = episode.observation();
          assertThat(observation.getShape())
              .as("observation shape at step %d", t)
              .isEqualTo(new Shape(batchSize, task.inputChannels().size()));
          float[] values = observation.toFloatArray();
          assertFinite("observation at step " + t, values);
          for (float v : values) {
            seen.add(v);
          }
          episode.step(action);
        }
        ClosedLoopResult result = episode.result();
        Shape controlled = result.controlled().getShape();
        assertThat(controlled.dimension()).as("controlled rank").isEqualTo(3);
        assertThat(controlled.get(0)).as("controlled batch").isEqualTo(batchSize);
        assertThat(controlled.get(1)).as("controlled steps").isEqualTo(steps);
        assertThat(result.targets().getShape()).as("targets shape").isEqualTo(controlled);
        assertThat(result.mask().getShape())
            .as("mask shape")
            .isEqualTo(new Shape(batchSize, steps));
        assertFinite("controlled", result.controlled().toFloatArray());
        assertFinite("targets", result.targets().toFloatArray());
        float[] mask = result.mask().toFloatArray();
        assertFinite("mask", mask);
        for (float m : mask) {
          assertThat(m).as("mask value").isGreaterThanOrEqualTo(0f);
        }
        float[] flat = new float[seen.size()];
        for (int i = 0; i < flat.length; i++) {
          flat[i] = seen.get(i);
        }
        runs[run] = flat;
      }
      assertThat(runs[1]).as("observations of two episodes from the same seed").isEqualTo(runs[0]);
    }
  }

  private static void assertChannels(TaskInstance task) {
    assertThat(task.dtMs()).as("dtMs").isPositive();
    assertThat(task.inputChannels()).as("inputChannels").isNotEmpty().doesNotHaveDuplicates();
    assertThat(task.outputChannels()).as("outputChannels").isNotEmpty().doesNotHaveDuplicates();
  }

  private static void assertTrialWellFormed(OpenLoopTask task, Trial trial, int n) {
    String what = "trial " + n;
    int steps = trial.steps();
    assertThat(steps).as("%s: steps", what).isPositive();
    for (int t = 0; t < steps; t++) {
      assertThat(trial.inputs()[t].length)
          .as("%s: input width at step %d", what, t)
          .isEqualTo(task.inputChannels().size());
      assertFinite(what + " inputs at step " + t, trial.inputs()[t]);
      assertThat(trial.mask()[t]).as("%s: mask at step %d", what, t).isGreaterThanOrEqualTo(0f);
    }
    assertFinite(what + " mask", trial.mask());
    if (task.targetKind() == TargetKind.CLASS_INDEX) {
      assertThat(trial.classTargets()).as("%s: class targets", what).isNotNull();
      for (int c : trial.classTargets()) {
        assertThat(c)
            .as("%s: class index names an output channel", what)
            .isBetween(0, task.outputChannels().size() - 1);
      }
    } else {
      assertThat(trial.targets()).as("%s: continuous targets", what).isNotNull();
      for (float[] row : trial.targets()) {
        assertThat(row.length).as("%s: target width", what).isEqualTo(task.outputChannels().size());
        assertFinite(what + " targets", row);
      }
    }
    assertThat(task.initialConditionSize()).as("initialConditionSize").isNotNegative();
    if (task.initialConditionSize() == 0) {
      assertThat(trial.initialCondition())
          .as("%s: initial condition of a task whose initialConditionSize is 0", what)
          .isNull();
    } else {
      assertThat(trial.initialCondition())
          .as("%s: initial condition (initialConditionSize %d)", what, task.initialConditionSize())
          .isNotNull()
          .hasSize(task.initialConditionSize());
      assertFinite(what + " initial condition", trial.initialCondition());
    }
    int previousEnd = 0;
    for (Period p : trial.periods()) {
      assertThat(p.startStep())
          .as("%s: period '%s' starts after the previous one ends", what, p.name())
          .isGreaterThanOrEqualTo(previousEnd);
      assertThat(p.endStep())
          .as("%s: period '%s' ends inside the trial", what, p.name())
          .isLessThanOrEqualTo(steps);
      previousEnd = p.endStep();
    }
    for (Map.Entry<String, Object> e : trial.metadata().entrySet()) {
      assertThat(e.getValue())
          .as("%s: metadata '%s'", what, e.getKey())
          .isInstanceOfAny(Number.class, Boolean.class, String.class);
    }
  }

  private static void assertFinite(String what, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new AssertionError(
            what + " holds " + values[i] + " at index " + i + ": " + Arrays.toString(values));
      }
    }
  }
}
