package org.rnnlab.plugins.dynamics.fixedpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.model.RecurrentNetwork;

/** Newton refinement finishes in a few steps what a short gradient search leaves unfinished. */
class NewtonRefinementTest {

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void aFewNewtonStepsTakeUnfinishedPointsOntoFixedPointsOfTheBistableSystem() {
    RecurrentNetwork net = TestSystems.bistable(2, 0.1, manager);
    float[][] inits = {{0.7f, 0.6f}, {-0.8f, 1.3f}, {1.2f, -0.5f}};
    FixedPointSearch.Settings shortSearch =
        FixedPointSearch.Settings.defaults().withLearningRate(0.1).withMaxIters(5);
    FixedPointSearch.Result searched =
        FixedPointSearch.run(net, inits, new float[3][2], shortSearch, manager);
    assertThat(Arrays.stream(searched.qstar()).min().getAsDouble()).isGreaterThan(1e-8);

    float[][] states = searched.xstar().clone();
    double[] q = searched.qstar().clone();
    NewtonRefinement.refine(net, states, new float[3][2], q, 10, 1e-14, manager);

    assertThat(Arrays.stream(q).max().getAsDouble()).isLessThan(1e-12);
    // Newton goes to the nearest root of F(x) − x, attractor or saddle: each coordinate of every
    // fixed point of h' = h + 0.1(h − h³) is −1, 0 or 1.
    for (float[] state : states) {
      for (float v : state) {
        float nearestRoot = Math.round(Math.max(-1, Math.min(1, v)));
        assertThat(v).isCloseTo(nearestRoot, within(1e-5f));
      }
    }
  }

  @Test
  void aPointAlreadyBelowTheToleranceIsLeftWhereItIs() {
    RecurrentNetwork net = TestSystems.bistable(2, 0.1, manager);
    float[][] states = {{1f, 1f}};
    double[] q = {0};

    NewtonRefinement.refine(net, states, new float[1][2], q, 5, 1e-12, manager);

    assertThat(states[0]).containsExactly(1f, 1f);
  }
}
