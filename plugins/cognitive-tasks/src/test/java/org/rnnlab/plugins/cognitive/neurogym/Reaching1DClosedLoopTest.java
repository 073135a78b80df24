package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.ClosedLoopEpisode;
import org.rnnlab.api.task.ClosedLoopResult;
import org.rnnlab.api.task.ClosedLoopTask;
import org.rnnlab.api.trial.RingCoding;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

/** {@link Reaching1DClosedLoop}: the network's own outputs move the position it then sees. */
class Reaching1DClosedLoopTest {

  private static final Reaching1DClosedLoop COMPONENT = new Reaching1DClosedLoop();

  /** Logits that put (almost) all probability on one action: fixate 0, left 1, right 2. */
  private static final float SURE = 40f;

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private static Reaching1DClosedLoop.Instance task(Map<String, ?> overrides) {
    return (Reaching1DClosedLoop.Instance)
        COMPONENT.create(ComponentContract.parameters(COMPONENT, overrides));
  }

  private NDArray sure(int batch, int action) {
    float[] logits = new float[batch * 3];
    for (int b = 0; b < batch; b++) {
      logits[b * 3 + action] = SURE;
    }
    return manager.create(logits, new Shape(batch, 3));
  }

  /** The targets of a batch, decoded from the first reach step's target inputs. */
  private static double[] targetsShown(float[] observation, int batch) {
    double[] targets = new double[batch];
    for (int b = 0; b < batch; b++) {
      targets[b] = Reaching1DTest.decode(observation, b * 32, 16);
    }
    return targets;
  }

  @Test
  void isWellDeclaredAndKeepsTheClosedLoopInvariants() {
    ComponentContract.assertWellDeclared(COMPONENT);
    TaskContract.assertEpisodesWellFormed(task(Map.of()), 4, 5L);
  }

  @Test
  void hasNeuroGymsChannelsAndFiveStepsOfFixationThenFiveOfReach() {
    ClosedLoopTask task = task(Map.of());
    assertThat(task.dtMs()).isEqualTo(100.0);
    assertThat(task.episodeSteps()).isEqualTo(10);
    assertThat(task.inputChannels())
        .hasSize(32)
        .startsWith("target-1")
        .endsWith("self-16")
        .isEqualTo(
            new Reaching1D()
                .create(ComponentContract.parameters(new Reaching1D(), Map.of()))
                .inputChannels());
    assertThat(task.outputChannels()).containsExactly("fixate", "left", "right");
  }

  @Test
  void theTargetShowsOnlyDuringReachAndTheSelfRingShowsWhereTheActionsMovedThePosition() {
    Reaching1DClosedLoop.Instance task = task(Map.of());
    int batch = 6;
    ClosedLoopEpisode episode = task.reset(batch, new SplittableRandom(3), manager);
    double[] targets = null;
    for (int t = 0; t < task.episodeSteps(); t++) {
      float[] observation = episode.observation().toFloatArray();
      // Fixate for two steps, then left for three, then right for the rest.
      int action = t < 2 ? 0 : t < 5 ? Reaching1D.LEFT : Reaching1D.RIGHT;
      double expectedPosition =
          Math.PI + 0.05 * (Math.min(Math.max(t - 2, 0), 3) - Math.max(t - 5, 0));
      for (int b = 0; b < batch; b++) {
        double self = Reaching1DTest.decode(observation, b * 32 + 16, 16);
        assertThat(RingCoding.distance(self, expectedPosition))
            .as("self ring, episode %d, step %d", b, t)
            .isLessThan(1e-5);
        if (t < task.fixationSteps()) {
          for (int k = 0; k < 16; k++) {
            assertThat(observation[b * 32 + k]).as("target hidden during fixation").isZero();
          }
        }
      }
      if (t == task.fixationSteps()) {
        targets = targetsShown(observation, batch);
      }
      episode.step(sure(batch, action));
    }
    ClosedLoopResult result = episode.result();
    float[] goal = result.targets().toFloatArray();
    for (int b = 0; b < batch; b++) {
      assertThat((double) goal[b * 20]).isCloseTo(Math.cos(targets[b]), within(1e-5));
      assertThat((double) goal[b * 20 + 1]).isCloseTo(Math.sin(targets[b]), within(1e-5));
    }
    assertThat(result.mask().toFloatArray()).startsWith(0f, 0f, 0f, 0f, 0f, 1f, 1f, 1f, 1f, 1f, 0f);
  }

  @Test
  void theStepIsTheExpectedMoveUnderTheSoftmaxOfTheThreeOutputs() {
    Reaching1DClosedLoop.Instance task = task(Map.of());
    ClosedLoopEpisode episode = task.reset(1, new SplittableRandom(1), manager);
    // Logits (0, ln 3, 0): P = (1/5, 3/5, 1/5), so the position moves (3/5 − 1/5)·0.05 rad.
    NDArray action = manager.create(new float[] {0f, (float) Math.log(3), 0f}, new Shape(1, 3));
    episode.step(action);
    for (int t = 1; t < task.episodeSteps(); t++) {
      episode.step(manager.zeros(new Shape(1, 3)));
    }
    float[] cosSin = episode.result().controlled().toFloatArray();
    double position = Math.atan2(cosSin[1], cosSin[0]);
    assertThat(position + (position < 0 ? 2 * Math.PI : 0))
        .isCloseTo(Math.PI + 0.4 * 0.05, within(1e-6));
    assertThat((double) cosSin[cosSin.length - 2])
        .as("equal logits do not move it")
        .isCloseTo(cosSin[0], within(1e-6));
  }

  @Test
  void eachReachStepCostsOneMinusTheCosineOfTheErrorUnderMse() {
    Reaching1DClosedLoop.Instance task = task(Map.of());
    int batch = 50;
    ClosedLoopEpisode episode = task.reset(batch, new SplittableRandom(8), manager);
    double[] targets = null;
    for (int t = 0; t < task.episodeSteps(); t++) {
      if (t == task.fixationSteps()) {
        targets = targetsShown(episode.observation().toFloatArray(), batch);
      }
      episode.step(sure(batch, 0));
    }
    ClosedLoopResult result = episode.result();
    NDArray perStep = result.controlled().sub(result.targets()).square().mean(new int[] {2});
    float[] cost = perStep.toFloatArray();
    for (int b = 0; b < batch; b++) {
      double expected = 1 - Math.cos(Math.PI - targets[b]);
      assertThat((double) cost[b * 10 + 7]).as("episode %d", b).isCloseTo(expected, within(1e-4));
    }
  }

  @Test
  void theLossGradientReachesTheActionsThroughTheMovedPositions() {
    Reaching1DClosedLoop.Instance task = task(Map.of());
    ClosedLoopEpisode episode = task.reset(1, new SplittableRandom(2), manager);
    NDArray logits = manager.zeros(new Shape(1, 3));
    logits.setRequiresGradient(true);
    double target = Double.NaN;
    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
      for (int t = 0; t < task.episodeSteps(); t++) {
        if (t == task.fixationSteps()) {
          target = targetsShown(episode.observation().toFloatArray(), 1)[0];
        }
        episode.step(logits);
      }
      ClosedLoopResult r = episode.result();
      NDArray loss =
          r.controlled().sub(r.targets()).square().mean(new int[] {2}).mul(r.mask()).sum();
      collector.backward(loss);
    }
    float[] gradient = logits.getGradient().toFloatArray();
    // Moving left (increasing p) lowers the cost exactly when the target lies counter-clockwise.
    double towards = Math.sin(target - Math.PI);
    assertThat((double) Math.signum(gradient[1])).isEqualTo(-Math.signum(towards));
    assertThat((double) Math.signum(gradient[2])).isEqualTo(Math.signum(towards));
    assertThat(gradient[0] + gradient[1] + gradient[2])
        .as("softmax shift")
        .isCloseTo(0f, within(1e-6f));
  }

  @Test
  void theReachSpansTheSameAngleWhenDtIsHalved() {
    for (double dt : List.of(100.0, 50.0)) {
      Reaching1DClosedLoop.Instance task = task(Map.of("dt", dt));
      ClosedLoopEpisode episode = task.reset(1, new SplittableRandom(4), manager);
      for (int t = 0; t < task.episodeSteps(); t++) {
        episode.step(sure(1, Reaching1D.LEFT));
      }
      float[] cosSin = episode.result().controlled().toFloatArray();
      double end = Math.atan2(cosSin[cosSin.length - 1], cosSin[cosSin.length - 2]);
      assertThat(task.episodeSteps()).isEqualTo((int) (1000 / dt));
      assertThat(RingCoding.distance(end, Math.PI + 0.5)).as("dt %s", dt).isLessThan(1e-5);
    }
  }

  @Test
  void refusesDurationsThatDifferBetweenEpisodesAndAReachShorterThanAStep() {
    assertThatThrownBy(() -> task(Map.of("timing", Map.of("fixation", List.of(300, 500)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timing.fixation must be a number of ms");
    assertThatThrownBy(() -> task(Map.of("timing", Map.of("reach", 50))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timing.reach");
    assertThatThrownBy(() -> task(Map.of("speed", 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("speed");
  }

  @Test
  void refusesAnActionOfTheWrongShape() {
    ClosedLoopEpisode episode = task(Map.of()).reset(2, new SplittableRandom(1), manager);
    assertThatThrownBy(() -> episode.step(manager.zeros(new Shape(2, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3]");
  }
}
