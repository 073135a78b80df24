package org.rnnlab.plugins.dynamics.fixedpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * The joint search: it finds fixed points, stops each point on its own, and freezes the network.
 */
class FixedPointSearchTest {

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static final FixedPointSearch.Settings SETTINGS =
      FixedPointSearch.Settings.defaults().withLearningRate(0.1);

  @Test
  void findsTheFixedPointOfALinearMapFromAnywhere() {
    // A = 0.5·I + a little coupling; c = (1, -2, 0.5); with u = 0, h* = (I − A)⁻¹ c.
    double[][] a = {{0.5, 0.1, 0}, {0, 0.5, 0.1}, {0.1, 0, 0.5}};
    double[][] b = {{1}, {0}, {0}};
    double[] c = {1, -2, 0.5};
    RecurrentNetwork net = TestSystems.linear(a, b, c, manager);
    double[] expected = solve(a, c);
    float[][] inits = randomStates(16, 3, 4.0, 7);
    float[][] inputs = new float[16][1];

    FixedPointSearch.Result r = FixedPointSearch.run(net, inits, inputs, SETTINGS, manager);

    for (int i = 0; i < inits.length; i++) {
      assertThat(r.qstar()[i]).isLessThan(1e-9);
      for (int j = 0; j < 3; j++) {
        assertThat((double) r.xstar()[i][j]).isCloseTo(expected[j], within(1e-3));
      }
    }
  }

  @Test
  void aPointThatStartsOnAFixedPointStopsAtOnceWhileOthersGoOn() {
    RecurrentNetwork net = TestSystems.bistable(2, 0.1, manager);
    float[][] inits = {{1f, -1f}, {0.3f, 0.8f}, {-1.3f, 0.2f}};
    float[][] inputs = new float[3][2];

    FixedPointSearch.Result r = FixedPointSearch.run(net, inits, inputs, SETTINGS, manager);

    assertThat(r.nIters()[0]).isEqualTo(1);
    assertThat(r.xstar()[0]).containsExactly(1f, -1f);
    assertThat(r.converged()[0]).isTrue();
    assertThat(r.nIters()[1]).isGreaterThan(10);
    assertThat(r.nIters()[2]).isGreaterThan(10);
    assertThat(r.iterations()).isEqualTo(Math.max(r.nIters()[1], r.nIters()[2]));
  }

  @Test
  void pointsStillMovingAtMaxItersReportMaxItersAndNotConverged() {
    RecurrentNetwork net = TestSystems.bistable(2, 0.1, manager);
    float[][] inits = {{0.3f, 0.8f}, {1f, 1f}};
    FixedPointSearch.Result r =
        FixedPointSearch.run(net, inits, new float[2][2], SETTINGS.withMaxIters(5), manager);

    assertThat(r.nIters()).containsExactly(5, 1);
    assertThat(r.converged()).containsExactly(false, true);
    assertThat(r.iterations()).isEqualTo(5);
  }

  @Test
  void theSearchLeavesTheNetworksParametersAndTheirGradientsAsTheyWere() {
    RecurrentNetwork net = TestSystems.bistable(2, 0.1, manager);
    NDArray gain = net.parameters().get("gain");
    // A gradient left by training must survive: ∂(Σ gain ⊙ w)/∂gain = w.
    NDArray w = manager.create(new float[] {0.25f, -0.5f});
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(gain.mul(w).sum());
    }
    float[][] inits = randomStates(32, 2, 1.5, 3);

    FixedPointSearch.run(net, inits, new float[32][2], SETTINGS, manager);
    Jacobians.at(net, inits, new float[32][2], manager);

    assertThat(gain.toFloatArray()).containsExactly(1f, 1f);
    assertThat(gain.hasGradient()).isTrue();
    try (NDArray g = gain.getGradient()) {
      assertThat(g.toFloatArray()).containsExactly(0.25f, -0.5f);
    }
  }

  @Test
  void theSameStartGivesTheSameResult() {
    RecurrentNetwork net = TestSystems.bistable(2, 0.1, manager);
    float[][] inits = randomStates(32, 2, 1.5, 3);
    FixedPointSearch.Result first =
        FixedPointSearch.run(net, inits, new float[32][2], SETTINGS, manager);
    FixedPointSearch.Result second =
        FixedPointSearch.run(net, inits, new float[32][2], SETTINGS, manager);
    assertThat(second.xstar()).isDeepEqualTo(first.xstar());
    assertThat(second.nIters()).isEqualTo(first.nIters());
  }

  @Test
  void thePlateauScheduleHonoursItsFactorPatienceAndCooldown() {
    FixedPointSearch.Plateau plateau =
        new FixedPointSearch.Plateau(new FixedPointSearch.Settings(1.0, 0.5, 1, 1, 0, 0, 10));
    plateau.observe(1.0); // best
    plateau.observe(1.0); // bad 1 (= patience: not yet)
    assertThat(plateau.learningRate()).isEqualTo(1.0);
    plateau.observe(1.0); // bad 2 > patience: halve, then one cooldown iteration
    assertThat(plateau.learningRate()).isEqualTo(0.5);
    plateau.observe(1.0); // cooldown
    plateau.observe(1.0); // bad 1
    assertThat(plateau.learningRate()).isEqualTo(0.5);
    plateau.observe(1.0); // bad 2: halve again
    assertThat(plateau.learningRate()).isEqualTo(0.25);
    plateau.observe(0.1); // improvement resets the count
    plateau.observe(0.1);
    assertThat(plateau.learningRate()).isEqualTo(0.25);
  }

  static float[][] randomStates(int n, int d, double halfWidth, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] out = new float[n][d];
    for (float[] row : out) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) ((random.nextDouble() * 2 - 1) * halfWidth);
      }
    }
    return out;
  }

  /** (I − A)⁻¹ c by Gaussian elimination. */
  static double[] solve(double[][] a, double[] c) {
    int n = c.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = (i == j ? 1 : 0) - a[i][j];
      }
      m[i][n] = c[i];
    }
    for (int col = 0; col < n; col++) {
      for (int row = col + 1; row < n; row++) {
        double f = m[row][col] / m[col][col];
        for (int k = col; k <= n; k++) {
          m[row][k] -= f * m[col][k];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = m[i][n];
      for (int k = i + 1; k < n; k++) {
        s -= m[i][k] * x[k];
      }
      x[i] = s / m[i][i];
    }
    return x;
  }
}
