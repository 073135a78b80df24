package org.rnnlab.plugins.pointmass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.api.task.ClosedLoopEpisode;
import org.rnnlab.api.task.ClosedLoopResult;
import org.rnnlab.api.task.ClosedLoopTask;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

class PointMassTest {

  private static final PointMass POINT_MASS = new PointMass();

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private static ClosedLoopTask task(Map<String, ?> overrides) {
    return POINT_MASS.create(ComponentContract.parameters(POINT_MASS, overrides));
  }

  /** Runs one episode pushing with a constant action and returns the positions [batch][step]. */
  private float[] positionsUnderConstantAction(ClosedLoopTask task, int batch, float action) {
    ClosedLoopEpisode episode = task.reset(batch, new SplittableRandom(1), manager);
    NDArray push = manager.full(new Shape(batch, 1), action);
    for (int t = 0; t < task.episodeSteps(); t++) {
      episode.step(push);
    }
    return episode.result().controlled().toFloatArray();
  }

  @Test
  void isWellDeclared() {
    ComponentContract.assertWellDeclared(POINT_MASS);
  }

  @Test
  void keepsTheClosedLoopInvariantsAndIsDeterministicPerSeed() {
    TaskContract.assertEpisodesWellFormed(task(Map.of()), 4, 9L);
  }

  @Test
  void declaresItsChannelsAndTimeStep() {
    ClosedLoopTask task = task(Map.of());
    assertThat(task.dtMs()).isEqualTo(20.0);
    assertThat(task.episodeSteps()).isEqualTo(50);
    assertThat(task.inputChannels()).containsExactly("target", "position", "velocity");
    assertThat(task.outputChannels()).containsExactly("force");
  }

  /**
   * Semi-implicit Euler with constant force F: v_n = (F/(m·c))(1 − r^n) with r = 1 − c·dt, and p_n
   * = dt·Σ_{k≤n} v_k = (F·dt/(m·c))·(n − r(1 − r^n)/(1 − r)).
   */
  @ParameterizedTest(name = "F {0} N, m {1} kg, c {2}/s, dt {3} ms")
  @CsvSource({"1.5, 1.0, 2.0, 20", "-0.8, 2.5, 0.5, 10", "2.0, 0.5, 4.0, 50"})
  void aConstantForceGivesTheAnalyticTrajectory(
      double force, double mass, double damping, double dtMs) {
    int steps = 40;
    ClosedLoopTask task =
        task(Map.of("mass", mass, "damping", damping, "dt", dtMs, "steps", steps));
    float[] p = positionsUnderConstantAction(task, 2, (float) force);
    double dt = dtMs / 1000;
    double r = 1 - damping * dt;
    for (int n = 1; n <= steps; n++) {
      double expected = force * dt / (mass * damping) * (n - r * (1 - Math.pow(r, n)) / (1 - r));
      assertThat((double) p[n - 1])
          .as("step %d", n)
          .isCloseTo(expected, within(1e-5 + 1e-4 * Math.abs(expected)));
      assertThat(p[steps + n - 1]).as("second episode, step %d", n).isEqualTo(p[n - 1]);
    }
  }

  @Test
  void withoutDampingAConstantForceAcceleratesUniformly() {
    ClosedLoopTask task = task(Map.of("damping", 0.0, "mass", 2.0, "steps", 30));
    float[] p = positionsUnderConstantAction(task, 1, 3f);
    double dt = 0.02;
    for (int n = 1; n <= 30; n++) {
      // v_n = n·a·dt, p_n = a·dt²·n(n+1)/2 with a = F/m = 1.5 m/s²
      assertThat((double) p[n - 1]).isCloseTo(1.5 * dt * dt * n * (n + 1) / 2, within(1e-5));
    }
  }

  @Test
  void aFineTimeStepApproachesTheContinuousSolution() {
    // x(t) = (F/(m·c))·(t − (1 − e^{−ct})/c) for F = 1 N, m = 1 kg, c = 2/s, t = 1 s
    ClosedLoopTask task = task(Map.of("dt", 1.0, "steps", 1000));
    float[] p = positionsUnderConstantAction(task, 1, 1f);
    double exact = 0.5 * (1 - (1 - Math.exp(-2)) / 2);
    assertThat((double) p[999]).isCloseTo(exact, within(0.01 * exact));
  }

  @Test
  void theForceLimitSaturatesSmoothly() {
    ClosedLoopTask limited = task(Map.of("maxForce", 1.0, "steps", 20));
    ClosedLoopTask unit = task(Map.of("steps", 20));
    float[] saturated = positionsUnderConstantAction(limited, 1, 1000f);
    float[] atLimit = positionsUnderConstantAction(unit, 1, 1f);
    for (int t = 0; t < 20; t++) {
      assertThat(saturated[t]).isCloseTo(atLimit[t], within(1e-6f));
    }
    float[] small = positionsUnderConstantAction(limited, 1, 0.01f);
    float[] linear = positionsUnderConstantAction(unit, 1, 0.01f);
    assertThat(small[19]).isCloseTo(linear[19], within(1e-4f * Math.abs(linear[19])));
  }

  @Test
  void observationsAreTargetPositionAndVelocityBeforeEachAction() {
    ClosedLoopTask task = task(Map.of("steps", 3, "damping", 0.0));
    ClosedLoopEpisode episode = task.reset(2, new SplittableRandom(4), manager);
    float[] first = episode.observation().toFloatArray();
    assertThat(first[1]).isZero();
    assertThat(first[2]).isZero();
    episode.step(manager.ones(new Shape(2, 1)));
    float[] second = episode.observation().toFloatArray();
    assertThat(second[0]).isEqualTo(first[0]); // the target stays
    assertThat(second[2]).isCloseTo(0.02f, within(1e-7f)); // v = a·dt
    assertThat(second[1]).isCloseTo(0.0004f, within(1e-8f)); // p = v·dt
  }

  @Test
  void targetsAreDrawnInRangeAndTheFirstFortyPercentIsMasked() {
    ClosedLoopTask task = task(Map.of("targetRange", 0.5));
    ClosedLoopEpisode episode = task.reset(64, new SplittableRandom(2), manager);
    float[] cued = episode.observation().get(":, 0").toFloatArray();
    for (int t = 0; t < 50; t++) {
      episode.step(manager.zeros(new Shape(64, 1)));
    }
    ClosedLoopResult result = episode.result();
    assertThat(result.targets().getShape()).isEqualTo(new Shape(64, 50, 1));
    float[] targets = result.targets().toFloatArray();
    for (int b = 0; b < 64; b++) {
      assertThat(cued[b]).isBetween(-0.5f, 0.5f);
      for (int t = 0; t < 50; t++) {
        assertThat(targets[b * 50 + t]).isEqualTo(cued[b]);
      }
    }
    float[] mask = result.mask().toFloatArray();
    for (int t = 0; t < 50; t++) {
      assertThat(mask[t]).as("mask at step %d", t).isEqualTo(t < 20 ? 0f : 1f);
    }
  }

  @Test
  void theLossGradientWithRespectToEveryActionIsFiniteAndNonZero() {
    int steps = 50;
    int batch = 3;
    double dt = 0.02;
    double mass = 1.0;
    ClosedLoopTask task = task(Map.of());
    NDList actions = new NDList();
    SplittableRandom random = new SplittableRandom(6);
    for (int t = 0; t < steps; t++) {
      NDArray a =
          manager.create(
              new float[] {(float) random.nextGaussian(), 0.5f, -1f}, new Shape(batch, 1));
      a.setRequiresGradient(true);
      actions.add(a);
    }
    float[] positions;
    float[] targets;
    try (NDManager episodeManager = manager.newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      ClosedLoopEpisode episode = task.reset(batch, new SplittableRandom(7), episodeManager);
      for (int t = 0; t < steps; t++) {
        episode.observation();
        episode.step(actions.get(t));
      }
      ClosedLoopResult r = episode.result();
      NDArray error = r.controlled().sub(r.targets()).squeeze(2);
      NDArray loss = error.square().mul(r.mask()).sum().div(r.mask().sum());
      collector.backward(loss);
      positions = r.controlled().toFloatArray();
      targets = r.targets().toFloatArray();
    }
    for (int t = 0; t < steps; t++) {
      float[] g = actions.get(t).getGradient().toFloatArray();
      for (int b = 0; b < batch; b++) {
        assertThat(g[b]).as("step %d, episode %d", t, b).isFinite().isNotZero();
      }
    }
    // The last action moves only the last position, by dt²/m: dL/dF = 2(p − x*)·dt²/m / Σmask.
    float[] last = actions.get(steps - 1).getGradient().toFloatArray();
    for (int b = 0; b < batch; b++) {
      int i = b * steps + steps - 1;
      double expected = 2 * (positions[i] - targets[i]) * dt * dt / mass / (batch * 30);
      assertThat((double) last[b]).isCloseTo(expected, within(1e-6 * Math.abs(expected) + 1e-12));
    }
  }

  @Test
  void aLinearControllerLearnsToReachTheTargetThroughTheDynamics() {
    ClosedLoopTask task = task(Map.of());
    // action = [target, position, velocity]·K + k0, trained by gradient descent through the plant
    NDArray gains = manager.zeros(new Shape(3, 1));
    NDArray offset = manager.zeros(new Shape(1));
    gains.setRequiresGradient(true);
    offset.setRequiresGradient(true);
    SplittableRandom random = new SplittableRandom(3);
    double[][] adam = new double[2][4];
    double first = 0;
    double last = 0;
    int iterations = 150;
    for (int i = 1; i <= iterations; i++) {
      float loss;
      try (NDManager step = manager.newSubManager();
          GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        ClosedLoopEpisode episode = task.reset(16, random, step);
        for (int t = 0; t < task.episodeSteps(); t++) {
          episode.step(episode.observation().matMul(gains).add(offset));
        }
        ClosedLoopResult r = episode.result();
        NDArray error = r.controlled().sub(r.targets()).squeeze(2);
        NDArray value = error.square().mul(r.mask()).sum().div(r.mask().sum());
        collector.backward(value);
        loss = value.getFloat();
      }
      assertThat(loss).isFinite();
      if (i <= 10) {
        first += loss / 10;
      }
      if (i > iterations - 10) {
        last += loss / 10;
      }
      adamStep(gains, offset, adam, i);
    }
    assertThat(last).as("loss after training vs before").isLessThan(0.2 * first);
  }

  private static void adamStep(NDArray gains, NDArray offset, double[][] state, int step) {
    float[] g = new float[4];
    try (NDArray gg = gains.getGradient();
        NDArray go = offset.getGradient()) {
      System.arraycopy(gg.toFloatArray(), 0, g, 0, 3);
      g[3] = go.toFloatArray()[0];
      gg.subi(gg);
      go.subi(go);
    }
    double rate = 0.5 * Math.sqrt(1 - Math.pow(0.999, step)) / (1 - Math.pow(0.9, step));
    float[] k = gains.toFloatArray();
    float[] o = offset.toFloatArray();
    for (int i = 0; i < 4; i++) {
      state[0][i] = 0.9 * state[0][i] + 0.1 * g[i];
      state[1][i] = 0.999 * state[1][i] + 0.001 * g[i] * g[i];
      double delta = rate * state[0][i] / (Math.sqrt(state[1][i]) + 1e-8);
      if (i < 3) {
        k[i] -= (float) delta;
      } else {
        o[0] -= (float) delta;
      }
    }
    gains.set(k);
    offset.set(o);
  }

  @Test
  void stepsBeyondTheEpisodeAndEarlyResultsAreRejected() {
    ClosedLoopTask task = task(Map.of("steps", 2));
    ClosedLoopEpisode episode = task.reset(1, new SplittableRandom(1), manager);
    NDArray push = manager.zeros(new Shape(1, 1));
    episode.step(push);
    assertThatThrownBy(episode::result).isInstanceOf(IllegalStateException.class);
    episode.step(push);
    assertThatThrownBy(() -> episode.step(push)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                task.reset(1, new SplittableRandom(1), manager)
                    .step(manager.zeros(new Shape(1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 1]");
  }

  @Test
  void rejectsANonPositiveMassOrTimeStep() {
    assertThatThrownBy(() -> task(Map.of("mass", 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mass > 0");
    assertThatThrownBy(() -> task(Map.of("dt", 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dt > 0");
  }
}
