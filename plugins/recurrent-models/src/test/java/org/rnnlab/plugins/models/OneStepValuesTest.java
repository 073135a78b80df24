package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.plugins.models.Nets.plus;
import static org.rnnlab.plugins.models.Nets.sigmoid;
import static org.rnnlab.plugins.models.Nets.slice;
import static org.rnnlab.plugins.models.Nets.times;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.testkit.SeededNoise;

/**
 * One update {@code h' = F(h, x)} and one readout of every model, against the published equations
 * evaluated here in plain Java (double precision) on random weights, states and inputs, with and
 * without noise.
 */
class OneStepValuesTest {

  private static final int I = 3;
  private static final int O = 2;
  private static final int H = 4;
  private static final int B = 2;
  private static final double DT = 20;
  private static final long NOISE_SEED = 17;

  private NDManager manager;
  private RecurrentNetwork net;
  private double[][] h;
  private double[][] x;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  /** Builds the network with random weights and draws a random state and input for B rows. */
  private void setUp(Model model, Map<String, ?> overrides, int stateSize) {
    Map<String, Object> all = new HashMap<>(overrides);
    all.putIfAbsent("hidden", H);
    net = Nets.build(model, new NetworkShape(I, O, DT), all, 1, manager);
    Nets.randomise(net, 0.6, 3);
    SplittableRandom random = new SplittableRandom(5);
    h = new double[B][];
    x = new double[B][];
    for (int b = 0; b < B; b++) {
      h[b] = Nets.gaussian(random, stateSize, 0.8);
      x[b] = Nets.gaussian(random, I, 1.0);
    }
  }

  private double[] p(String name) {
    return Nets.values(net, name);
  }

  /** Steps the network and compares every row with {@code expected(b, ξ_b)}. */
  private void assertStep(boolean withNoise, int stateSize, RowFunction expected) {
    NDArray hs = Nets.array(manager, flat(h), B, stateSize);
    NDArray xs = Nets.array(manager, flat(x), B, I);
    Noise noise = withNoise ? new SeededNoise(NOISE_SEED) : Noise.NONE;
    float[] actual = net.step(hs, xs, noise).toFloatArray();
    double[] xi = Nets.firstDraw(NOISE_SEED, B, stateSize, manager);
    for (int b = 0; b < B; b++) {
      double[] xiRow =
          withNoise ? slice(xi, b * stateSize, (b + 1) * stateSize) : new double[stateSize];
      double[] want = expected.row(h[b], x[b], xiRow);
      for (int j = 0; j < stateSize; j++) {
        assertThat((double) actual[b * stateSize + j])
            .as("row %d unit %d", b, j)
            .isCloseTo(want[j], within(1e-5 + 1e-5 * Math.abs(want[j])));
      }
    }
  }

  /** Reads out the random states and compares with {@code r·W_out + b_out}. */
  private void assertReadout(int stateSize, DoubleUnaryOperator onRates, int readFrom) {
    float[] y = net.readout(Nets.array(manager, flat(h), B, stateSize)).toFloatArray();
    for (int b = 0; b < B; b++) {
      double[] r = slice(h[b], 0, readFrom);
      for (int j = 0; j < r.length; j++) {
        r[j] = onRates.applyAsDouble(r[j]);
      }
      double[] want = plus(times(r, p("output.weight"), O), p("output.bias"));
      for (int o = 0; o < O; o++) {
        assertThat((double) y[b * O + o]).isCloseTo(want[o], within(1e-5));
      }
    }
  }

  interface RowFunction {
    double[] row(double[] h, double[] x, double[] xi);
  }

  private static double[] flat(double[][] rows) {
    int w = rows[0].length;
    double[] all = new double[rows.length * w];
    for (int b = 0; b < rows.length; b++) {
      System.arraycopy(rows[b], 0, all, b * w, w);
    }
    return all;
  }

  private static double[] map(double[] v, DoubleUnaryOperator f) {
    double[] y = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      y[i] = f.applyAsDouble(v[i]);
    }
    return y;
  }

  private double[] bias() {
    return plus(p("input.bias"), p("recurrent.bias"));
  }

  @ParameterizedTest(name = "noise {0}")
  @ValueSource(booleans = {false, true})
  void yangLeakyRnnPutsScaledNoiseInsideTheNonlinearity(boolean noisy) {
    double tau = 100;
    double sigma = 0.3;
    double alpha = DT / tau;
    setUp(new LeakyRnn(), Map.of("tau", tau, "noise", sigma, "activation", "tanh"), H);
    assertStep(
        noisy,
        H,
        (hb, xb, xi) -> {
          double[] pre =
              plus(
                  plus(times(xb, p("input.weight"), H), times(hb, p("recurrent.weight"), H)),
                  bias());
          double[] out = new double[H];
          for (int j = 0; j < H; j++) {
            double r = Math.tanh(pre[j] + Math.sqrt(2 / alpha) * sigma * xi[j]);
            out[j] = (1 - alpha) * hb[j] + alpha * r;
          }
          return out;
        });
    assertReadout(H, v -> v, H);
  }

  @ParameterizedTest(name = "noise {0}")
  @ValueSource(booleans = {false, true})
  void psychRnnAddsNoiseToTheStateAndReadsOutTheRates(boolean noisy) {
    double tau = 100;
    double sigma = 0.3;
    double alpha = DT / tau;
    setUp(
        new LeakyRnn(),
        Map.of("tau", tau, "noise", sigma, "convention", "psychrnn", "activation", "relu"),
        H);
    DoubleUnaryOperator relu = v -> Math.max(0, v);
    assertStep(
        noisy,
        H,
        (xs, u, xi) -> {
          double[] drive =
              plus(
                  plus(
                      times(map(xs, relu), p("recurrent.weight"), H),
                      times(u, p("input.weight"), H)),
                  bias());
          double[] out = new double[H];
          for (int j = 0; j < H; j++) {
            out[j] =
                (1 - alpha) * xs[j]
                    + alpha * drive[j]
                    + Math.sqrt(2 * alpha * sigma * sigma) * xi[j];
          }
          return out;
        });
    assertReadout(H, relu, H);
  }

  @ParameterizedTest(name = "noise {0}")
  @ValueSource(booleans = {false, true})
  void cuevaWeiIntegratesTauDxDtWithNoiseInsideTheDerivative(boolean noisy) {
    double tau = 10 * DT; // the paper's step of tau/10
    double sigma = 0.3;
    double alpha = DT / tau;
    setUp(
        new LeakyRnn(),
        Map.of("tau", tau, "noise", sigma, "convention", "cueva-wei", "activation", "tanh"),
        H);
    assertStep(
        noisy,
        H,
        (xs, input, xi) -> {
          double[] u = map(xs, Math::tanh);
          double[] drive =
              plus(
                  plus(times(u, p("recurrent.weight"), H), times(input, p("input.weight"), H)),
                  bias());
          double[] out = new double[H];
          for (int j = 0; j < H; j++) {
            double dxdt = (-xs[j] + drive[j] + sigma * xi[j]) / tau;
            out[j] = xs[j] + DT * dxdt;
          }
          return out;
        });
    assertReadout(H, Math::tanh, H);
  }

  @ParameterizedTest(name = "noise {0}")
  @ValueSource(booleans = {false, true})
  void vanillaRnnIsTheYangUpdateWithAlphaOne(boolean noisy) {
    double sigma = 0.3;
    setUp(new VanillaRnn(), Map.of("noise", sigma), H);
    assertStep(
        noisy,
        H,
        (hb, xb, xi) -> {
          double[] pre =
              plus(
                  plus(times(xb, p("input.weight"), H), times(hb, p("recurrent.weight"), H)),
                  bias());
          double[] out = new double[H];
          for (int j = 0; j < H; j++) {
            out[j] = Math.tanh(pre[j] + Math.sqrt(2) * sigma * xi[j]);
          }
          return out;
        });
  }

  @ParameterizedTest(name = "noise {0}")
  @ValueSource(booleans = {false, true})
  void linearDynamicalSystemIsLinearWithProcessNoise(boolean noisy) {
    double sigma = 0.3;
    setUp(new LinearDynamicalSystem(), Map.of("noise", sigma), H);
    assertStep(
        noisy,
        H,
        (hb, u, xi) -> {
          double[] out =
              plus(
                  plus(times(hb, p("recurrent.weight"), H), times(u, p("input.weight"), H)),
                  bias());
          for (int j = 0; j < H; j++) {
            out[j] += sigma * xi[j];
          }
          return out;
        });
    assertReadout(H, v -> v, H);
  }

  /** PyTorch's GRUCell, gates r, z, n side by side; the state noise is added before the update. */
  private double[] gru(double[] hb, double[] xb, double[] xi, double sigma) {
    double[] hn = new double[H];
    for (int j = 0; j < H; j++) {
      hn[j] = hb[j] + sigma * xi[j];
    }
    double[] gi = plus(times(xb, p("input.weight"), 3 * H), p("input.bias"));
    double[] gh = plus(times(hn, p("recurrent.weight"), 3 * H), p("recurrent.bias"));
    double[] out = new double[H];
    for (int j = 0; j < H; j++) {
      double r = sigmoid(gi[j] + gh[j]);
      double z = sigmoid(gi[H + j] + gh[H + j]);
      double n = Math.tanh(gi[2 * H + j] + r * gh[2 * H + j]);
      out[j] = (1 - z) * n + z * hn[j];
    }
    return out;
  }

  @ParameterizedTest(name = "noise {0}")
  @ValueSource(booleans = {false, true})
  void gruFollowsPyTorchsGateEquations(boolean noisy) {
    double sigma = 0.2;
    setUp(new Gru(), Map.of("noise", sigma), H);
    assertStep(noisy, H, (hb, xb, xi) -> gru(hb, xb, xi, sigma));
    assertReadout(H, v -> v, H);
  }

  @Test
  void noisyGruIsTheGruWithCtdbsNoiseLevel() {
    setUp(new NoisyGru(), Map.of(), H);
    assertStep(true, H, (hb, xb, xi) -> gru(hb, xb, xi, 0.01));
  }

  @ParameterizedTest(name = "noise {0}")
  @ValueSource(booleans = {false, true})
  void lstmFollowsPyTorchsGateEquationsOnTheStateHc(boolean noisy) {
    double sigma = 0.2;
    setUp(new Lstm(), Map.of("noise", sigma), 2 * H);
    assertThat(net.hiddenSize()).isEqualTo(2 * H);
    assertStep(
        noisy,
        2 * H,
        (s, xb, xi) -> {
          double[] hn = new double[H];
          double[] cn = new double[H];
          for (int j = 0; j < H; j++) {
            hn[j] = s[j] + sigma * xi[j];
            cn[j] = s[H + j] + sigma * xi[H + j];
          }
          double[] g =
              plus(
                  plus(times(xb, p("input.weight"), 4 * H), p("input.bias")),
                  plus(times(hn, p("recurrent.weight"), 4 * H), p("recurrent.bias")));
          double[] out = new double[2 * H];
          for (int j = 0; j < H; j++) {
            double i = sigmoid(g[j]);
            double f = sigmoid(g[H + j]);
            double gg = Math.tanh(g[2 * H + j]);
            double o = sigmoid(g[3 * H + j]);
            double c = f * cn[j] + i * gg;
            out[j] = o * Math.tanh(c);
            out[H + j] = c;
          }
          return out;
        });
    // The readout reads h, the first half of the state.
    assertReadout(2 * H, v -> v, H);
  }

  @ParameterizedTest(name = "noise {0}")
  @ValueSource(booleans = {false, true})
  void driscollRnnLeaksThroughTheRecurrentMatrix(boolean noisy) {
    double gamma = 0.3;
    double sigma = 0.2;
    setUp(new DriscollRnn(), Map.of("gamma", gamma, "noise", sigma), H);
    assertThat(net.parameters()).doesNotContainKey("input.bias");
    assertStep(
        noisy,
        H,
        (hb, u, xi) -> {
          double[] a = times(hb, p("recurrent.weight"), H);
          double[] pre = plus(plus(a, times(u, p("input.weight"), H)), p("recurrent.bias"));
          double[] out = new double[H];
          for (int j = 0; j < H; j++) {
            out[j] = (1 - gamma) * a[j] + gamma * Math.tanh(pre[j] + sigma * xi[j]);
          }
          return out;
        });
    assertReadout(H, v -> v, H);
  }

  @Test
  void neuralOdeTakesAnEulerStepAlongAnMlpOfStateAndInput() {
    int latent = 3;
    int width = 5;
    setUp(new NeuralOde(), Map.of("hidden", latent, "layerWidth", width, "layers", 3), latent);
    assertStep(
        false,
        latent,
        (hb, u, xi) -> {
          double[] in = new double[latent + I];
          System.arraycopy(hb, 0, in, 0, latent);
          System.arraycopy(u, 0, in, latent, I);
          DoubleUnaryOperator relu = v -> Math.max(0, v);
          double[] a1 =
              map(
                  plus(
                      times(in, p("vectorfield.layer1.weight"), width),
                      p("vectorfield.layer1.bias")),
                  relu);
          double[] a2 =
              map(
                  plus(
                      times(a1, p("vectorfield.layer2.weight"), width),
                      p("vectorfield.layer2.bias")),
                  relu);
          double[] v =
              plus(times(a2, p("vectorfield.layer3.weight"), latent), p("vectorfield.layer3.bias"));
          double[] out = new double[latent];
          for (int j = 0; j < latent; j++) {
            out[j] = hb[j] + 0.1 * v[j];
          }
          return out;
        });
    assertReadout(latent, v -> v, latent);
  }

  /** A literal number, worked by hand: one unit, one input, weights set to round values. */
  @Test
  void aHandWorkedDriscollStep() {
    net =
        Nets.build(
            new DriscollRnn(),
            new NetworkShape(1, 1, DT),
            Map.of("hidden", 1, "gamma", 0.5, "noise", 0.0),
            1,
            manager);
    net.parameters().get("recurrent.weight").set(new float[] {2f});
    net.parameters().get("input.weight").set(new float[] {1f});
    net.parameters().get("recurrent.bias").set(new float[] {0f});
    // h = 0.25, u = 0.5: a = 0.5, h' = 0.5·0.5 + 0.5·tanh(0.5 + 0.5) = 0.25 + 0.5·0.761594…
    float[] out =
        net.step(
                manager.create(new float[][] {{0.25f}}),
                manager.create(new float[][] {{0.5f}}),
                Noise.NONE)
            .toFloatArray();
    assertThat((double) out[0]).isCloseTo(0.25 + 0.5 * 0.7615941559557649, within(1e-6));
  }
}
