package org.rnnlab.plugins.dynamics.fixedpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.RecordingAnalysisContext;

/** The {@code fixed-points} analysis on systems whose fixed points are known. */
class FixedPointsTest {

  @TempDir Path temp;
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
  void isAWellDeclaredComponent() {
    ComponentContract.assertWellDeclared(new FixedPoints());
  }

  @Test
  void findsTheFourAttractorsFourSaddlesAndTheRepellerOfTwoBistableDimensions() throws Exception {
    // h' = h + 0.1(h − h³) per dimension: attractors (±1, ±1) with multipliers 0.8, 0.8; saddles
    // (0, ±1), (±1, 0) with 1.1 and 0.8; the repeller (0, 0) with 1.1, 1.1.
    RecurrentNetwork net = TestSystems.bistable(2, 0.1, manager);
    Evaluation recorded = grid(2, 1.5, 40);
    try (RecordingAnalysisContext context = context(net, recorded)) {
      new FixedPoints()
          .run(
              ComponentContract.parameters(
                  new FixedPoints(),
                  Map.of("trials", 1, "initialStates", 512, "learningRate", 0.05)),
              context);

      Map<String, Object> m = context.metrics();
      assertThat(m)
          .containsEntry("fixed_points", 9)
          .containsEntry("stable_fixed_points", 4)
          .containsEntry("saddle_fixed_points", 4)
          .containsEntry("unstable_fixed_points", 1)
          .containsEntry("initial_states", 512)
          .containsKeys("search_seconds", "iterations", "q_median");
      // On this smooth system nearly every search ends below tolQ (1e-12); the rest stop on tolDq.
      assertThat((Integer) m.get("points_at_tol_q"))
          .isGreaterThanOrEqualTo(500)
          .isLessThanOrEqualTo((Integer) m.get("converged_points"));
      @SuppressWarnings("unchecked")
      Map<String, Object> byModes = (Map<String, Object>) m.get("points_by_unstable_modes");
      assertThat(byModes).containsEntry("0", 4).containsEntry("1", 4).containsEntry("2", 1);

      Map<String, NDArray> a = context.arrays("fixed-points.npz");
      float[] xstar = a.get("xstar").toFloatArray();
      boolean[] stable = a.get("is_stable").toBooleanArray();
      int[] unstable = a.get("n_unstable").toIntArray();
      double[] re = a.get("eigenvalues_real").toDoubleArray();
      for (int i = 0; i < 9; i++) {
        float x = xstar[2 * i];
        float y = xstar[2 * i + 1];
        int onZero = (Math.abs(x) < 1e-3 ? 1 : 0) + (Math.abs(y) < 1e-3 ? 1 : 0);
        assertThat(Math.abs(Math.abs(x) - 1) < 1e-3 || Math.abs(x) < 1e-3).isTrue();
        assertThat(Math.abs(Math.abs(y) - 1) < 1e-3 || Math.abs(y) < 1e-3).isTrue();
        assertThat(unstable[i]).isEqualTo(onZero);
        assertThat(stable[i]).isEqualTo(onZero == 0);
        double[] expected =
            onZero == 2
                ? new double[] {1.1, 1.1}
                : onZero == 1 ? new double[] {1.1, 0.8} : new double[] {0.8, 0.8};
        assertThat(new double[] {re[2 * i], re[2 * i + 1]}).containsExactly(expected, within(1e-3));
      }
      // ∂F/∂u is the identity everywhere.
      assertThat(a.get("dFdu").get(0).toFloatArray()).containsExactly(1f, 0f, 0f, 1f);
      for (double q : a.get("qstar").toDoubleArray()) {
        assertThat(q).isLessThan(1e-10);
      }
      assertThat(context.figures()).containsKeys("fixed-points-pc.png", "q-histogram.png");
    }
  }

  @Test
  void aLinearMapHasOneFixedPointWithTheMapsEigenvaluesAndInputJacobian() throws Exception {
    // F(h, u) = A h + B u + c, A with eigenvalues 1.5 and 0.6 ± 0.6i in a skewed basis: a saddle.
    double[][] a = {{1.35, -0.75, 0.15}, {0.6, 0.6, -0.6}, {0.75, -0.15, 0.75}};
    double[][] b = {{1, 0}, {0, 2}, {0.5, 0}};
    double[] c = {0.2, -0.1, 0.3};
    RecurrentNetwork net = TestSystems.linear(a, b, c, manager);
    double[] u = {0.5, -0.25};
    double[] bu = new double[3];
    for (int i = 0; i < 3; i++) {
      bu[i] = b[i][0] * u[0] + b[i][1] * u[1] + c[i];
    }
    double[] expected = FixedPointSearchTest.solve(a, bu);
    try (RecordingAnalysisContext context = context(net, grid(3, 2.0, 6), 2)) {
      new FixedPoints()
          .run(
              ComponentContract.parameters(
                  new FixedPoints(),
                  Map.of(
                      "trials",
                      1,
                      "initialStates",
                      64,
                      "learningRate",
                      0.1,
                      "input",
                      "constant",
                      "inputValue",
                      List.of(0.5, -0.25))),
              context);

      assertThat(context.metrics())
          .containsEntry("fixed_points", 1)
          .containsEntry("saddle_fixed_points", 1);
      Map<String, NDArray> arrays = context.arrays("fixed-points.npz");
      float[] x = arrays.get("xstar").toFloatArray();
      for (int i = 0; i < 3; i++) {
        assertThat((double) x[i]).isCloseTo(expected[i], within(1e-3));
      }
      assertThat(arrays.get("inputs").toFloatArray()).containsExactly(0.5f, -0.25f);
      assertThat(arrays.get("eigenvalues_real").toDoubleArray())
          .containsExactly(new double[] {1.5, 0.6, 0.6}, within(1e-4));
      assertThat(arrays.get("eigenvalues_imag").toDoubleArray())
          .containsExactly(new double[] {0, 0.6, -0.6}, within(1e-4));
      assertThat(arrays.get("n_unstable").toIntArray()).containsExactly(1);
      float[] jac = arrays.get("J_xstar").toFloatArray();
      float[] dfdu = arrays.get("dFdu").toFloatArray();
      for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 3; k++) {
          assertThat((double) jac[3 * i + k]).isCloseTo(a[i][k], within(1e-5));
        }
        for (int j = 0; j < 2; j++) {
          assertThat((double) dfdu[2 * i + j]).isCloseTo(b[i][j], within(1e-5));
        }
      }
      assertThat(context.panelFigures()).containsKey("fixed-points-pc123.png");
      assertThat(context.panelFigures().get("fixed-points-pc123.png").panels()).hasSize(3);
    }
  }

  @Test
  void aConstantInputNeedsOneValuePerInputChannel() throws Exception {
    RecurrentNetwork net = TestSystems.bistable(2, 0.1, manager);
    try (RecordingAnalysisContext context = context(net, grid(2, 1.0, 3))) {
      assertThatThrownBy(
              () ->
                  new FixedPoints()
                      .run(
                          ComponentContract.parameters(
                              new FixedPoints(),
                              Map.of("trials", 1, "input", "constant", "inputValue", List.of(1.0))),
                          context))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("inputValue");
    }
  }

  @Test
  void sampledInputsAreTheRecordedInputsAtTheDrawnSteps() {
    Evaluation e = grid(2, 1.0, 5);
    FixedPoints.Sample s =
        FixedPoints.Sample.draw(e, 50, 0, true, new float[2], new SplittableRandom(4));
    for (int i = 0; i < 50; i++) {
      // The grid's recorded input at each step equals its recorded state (see grid()).
      assertThat(s.inputs()[i]).containsExactly(s.states()[i]);
    }
  }

  private RecordingAnalysisContext context(RecurrentNetwork net, Evaluation e) throws Exception {
    return context(net, e, net.hiddenSize());
  }

  private RecordingAnalysisContext context(RecurrentNetwork net, Evaluation e, int inputs)
      throws Exception {
    return new RecordingAnalysisContext(task(inputs, e), net, e, temp, 11);
  }

  /**
   * One "trial" whose recorded states are a regular grid over [-w, w]^d ({@code n} per axis); its
   * inputs equal its states.
   */
  static Evaluation grid(int d, double w, int n) {
    int total = (int) Math.pow(n, d);
    float[][] states = new float[total][d];
    for (int i = 0; i < total; i++) {
      int rest = i;
      for (int j = 0; j < d; j++) {
        states[i][j] = (float) (-w + 2 * w * (rest % n) / (n - 1));
        rest /= n;
      }
    }
    float[][] targets = new float[total][d];
    Trial trial = new Trial(states, targets, null, new float[total], List.of(), Map.of());
    return new Evaluation(List.of(trial), new float[][][] {targets}, new float[][][] {states});
  }

  private static OpenLoopTask task(int inputs, Evaluation e) {
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      channels.add("in-" + i);
    }
    return new OpenLoopTask() {
      @Override
      public double dtMs() {
        return 10;
      }

      @Override
      public List<String> inputChannels() {
        return channels;
      }

      @Override
      public List<String> outputChannels() {
        return channels;
      }

      @Override
      public TargetKind targetKind() {
        return TargetKind.CONTINUOUS;
      }

      @Override
      public Trial newTrial(RandomGenerator random) {
        return e.trials().get(0);
      }
    };
  }
}
