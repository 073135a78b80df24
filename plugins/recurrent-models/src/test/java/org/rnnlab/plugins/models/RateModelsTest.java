package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.NetworkContract;
import org.rnnlab.testkit.SeededNoise;

class RateModelsTest {

  private static final NetworkShape SHAPE = new NetworkShape(3, 3, 20);

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private RecurrentNetwork build(Model model, NetworkShape shape, Map<String, ?> overrides) {
    Parameters params = ComponentContract.parameters(model, overrides);
    return model.create(params, shape, new SplittableRandom(1), manager);
  }

  static Stream<Model> models() {
    return Stream.of(new LeakyRnn(), new VanillaRnn());
  }

  @ParameterizedTest
  @MethodSource("models")
  void isWellDeclared(Model model) {
    ComponentContract.assertWellDeclared(model);
  }

  @Test
  void defaultsFollowThePyTorchTutorialAndYang() {
    Parameters leaky = ComponentContract.defaults(new LeakyRnn());
    assertThat(leaky.integer("hidden")).isEqualTo(128);
    assertThat(leaky.number("tau")).isEqualTo(100.0);
    assertThat(leaky.string("activation")).isEqualTo("relu");
    assertThat(leaky.string("recurrentInit")).isEqualTo("uniform");
    assertThat(ComponentContract.defaults(new VanillaRnn()).string("activation")).isEqualTo("tanh");
    assertThat(ComponentContract.defaults(new VanillaRnn()).has("tau")).isFalse();
  }

  @Test
  void parametersHaveStableNamesAndShapesAndCarryGradients() {
    RecurrentNetwork net = build(new LeakyRnn(), new NetworkShape(3, 4, 20), Map.of("hidden", 8));
    assertThat(net.hiddenSize()).isEqualTo(8);
    Map<String, NDArray> p = net.parameters();
    assertThat(p.keySet())
        .containsExactly(
            "input.weight",
            "input.bias",
            "recurrent.weight",
            "recurrent.bias",
            "output.weight",
            "output.bias");
    assertThat(p.get("input.weight").getShape()).isEqualTo(new Shape(3, 8));
    assertThat(p.get("input.bias").getShape()).isEqualTo(new Shape(8));
    assertThat(p.get("recurrent.weight").getShape()).isEqualTo(new Shape(8, 8));
    assertThat(p.get("recurrent.bias").getShape()).isEqualTo(new Shape(8));
    assertThat(p.get("output.weight").getShape()).isEqualTo(new Shape(8, 4));
    assertThat(p.get("output.bias").getShape()).isEqualTo(new Shape(4));
    p.values().forEach(a -> assertThat(a.hasGradient()).isTrue());
    assertThat(net.initialState(5, manager).toFloatArray()).hasSize(40).containsOnly(0f);
  }

  static Stream<Arguments> networksForTheStepCheck() {
    return Stream.of(
        Arguments.of(new LeakyRnn(), "relu", 0.0),
        Arguments.of(new LeakyRnn(), "tanh", 0.1),
        Arguments.of(new LeakyRnn(), "sigmoid", 0.05),
        Arguments.of(new LeakyRnn(), "softplus", 0.0),
        Arguments.of(new VanillaRnn(), "tanh", 0.1),
        Arguments.of(new VanillaRnn(), "relu", 0.0));
  }

  @ParameterizedTest(name = "{0} {1} noise {2}")
  @MethodSource("networksForTheStepCheck")
  void forwardEqualsRepeatedStep(Model model, String activation, double noise) {
    RecurrentNetwork net =
        build(model, SHAPE, Map.of("hidden", 16, "activation", activation, "noise", noise));
    NetworkContract.assertStepMatchesForward(net, SHAPE.inputSize());
  }

  /** One input channel driving every unit with weight 1; no recurrence, no bias: a linear check. */
  private void makeLinear(RecurrentNetwork net) {
    int h = net.hiddenSize();
    Map<String, NDArray> p = net.parameters();
    p.get("input.weight").set(filled(h, 1f));
    p.get("input.bias").set(new float[h]);
    p.get("recurrent.weight").set(new float[h * h]);
    p.get("recurrent.bias").set(new float[h]);
  }

  private static float[] filled(int n, float value) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, value);
    return a;
  }

  private float[] hiddenUnderConstantInput(RecurrentNetwork net, int steps) {
    NDArray ones = manager.ones(new Shape(1, steps, 1));
    SequenceOutput out = net.forward(ones, net.initialState(1, manager), Noise.NONE);
    float[] all = out.hidden().toFloatArray();
    float[] firstUnit = new float[steps];
    for (int t = 0; t < steps; t++) {
      firstUnit[t] = all[t * net.hiddenSize()];
    }
    return firstUnit;
  }

  @ParameterizedTest(name = "dt {0} ms, tau {1} ms")
  @MethodSource("dtAndTau")
  void leakyRnnRelaxesWithAlphaEqualToDtOverTau(double dt, double tau) {
    RecurrentNetwork net =
        build(new LeakyRnn(), new NetworkShape(1, 2, dt), Map.of("hidden", 4, "tau", tau));
    makeLinear(net);
    float[] h = hiddenUnderConstantInput(net, 10);
    double alpha = dt / tau;
    for (int t = 0; t < h.length; t++) {
      // h_t = 1 − (1 − α)^(t+1) for a unit step input from h = 0.
      assertThat(h[t])
          .as("step %d", t)
          .isCloseTo((float) (1 - Math.pow(1 - alpha, t + 1)), within(1e-6f));
    }
  }

  static Stream<Arguments> dtAndTau() {
    return Stream.of(
        Arguments.of(20.0, 100.0), Arguments.of(10.0, 100.0), Arguments.of(100.0, 100.0));
  }

  @Test
  void vanillaRnnHasAlphaOne() {
    RecurrentNetwork net =
        build(
            new VanillaRnn(),
            new NetworkShape(1, 2, 20),
            Map.of("hidden", 4, "activation", "relu"));
    makeLinear(net);
    assertThat(hiddenUnderConstantInput(net, 5)).containsOnly(1f);
  }

  @ParameterizedTest
  @ValueSource(doubles = {10.0, 19.9})
  void tauShorterThanDtIsRejectedNamingBoth(double tau) {
    LeakyRnn model = new LeakyRnn();
    Parameters params = ComponentContract.parameters(model, Map.of("tau", tau));
    assertThatThrownBy(
            () ->
                model.create(params, new NetworkShape(2, 2, 20), new SplittableRandom(1), manager))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tau = " + tau + " ms")
        .hasMessageContaining("dt = 20.0 ms");
  }

  @Test
  void recurrentNoiseFollowsYangsScalingInsideTheNonlinearity() {
    double sigma = 0.3;
    double dt = 20;
    double tau = 100;
    double alpha = dt / tau;
    RecurrentNetwork net =
        build(
            new LeakyRnn(),
            new NetworkShape(1, 2, dt),
            Map.of("hidden", 6, "tau", tau, "noise", sigma));
    makeLinear(net);
    // A drive of 5 keeps relu in its linear range, so h_1 = α(5 + sqrt(2/α)·σ·ξ).
    NDArray x = manager.full(new Shape(2, 1), 5f);
    float[] h = net.step(net.initialState(2, manager), x, new SeededNoise(11)).toFloatArray();
    float[] xi = new SeededNoise(11).standardNormal(new Shape(2, 6), manager).toFloatArray();
    for (int i = 0; i < h.length; i++) {
      double expected = alpha * (5 + Math.sqrt(2 / alpha) * sigma * xi[i]);
      assertThat((double) h[i]).isCloseTo(expected, within(1e-5));
    }
    // Noise.NONE switches it off.
    float[] quiet = net.step(net.initialState(2, manager), x, Noise.NONE).toFloatArray();
    assertThat(quiet).containsOnly((float) (alpha * 5));
  }

  @Test
  void zeroNoiseDrawsNothing() {
    RecurrentNetwork net = build(new LeakyRnn(), SHAPE, Map.of("hidden", 4));
    Noise failing =
        new Noise() {
          @Override
          public boolean enabled() {
            return true;
          }

          @Override
          public NDArray standardNormal(Shape shape, NDManager m) {
            throw new AssertionError("a noise-free network drew noise");
          }
        };
    net.forward(manager.ones(new Shape(2, 3, 3)), net.initialState(2, manager), failing);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.0, 1.5})
  void orthogonalInitIsOrthogonalTimesTheGain(double gain) {
    int h = 48;
    RecurrentNetwork net =
        build(
            new LeakyRnn(),
            SHAPE,
            Map.of("hidden", h, "recurrentInit", "orthogonal", "recurrentGain", gain));
    NDArray w = net.parameters().get("recurrent.weight");
    float[] product = w.matMul(w.transpose()).toFloatArray();
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < h; j++) {
        double expected = i == j ? gain * gain : 0;
        assertThat((double) product[i * h + j]).isCloseTo(expected, within(1e-5));
      }
    }
  }

  @Test
  void gaussianAndUniformInitHaveTheDeclaredScale() {
    int h = 200;
    double gain = 2.0;
    float[] gaussian =
        build(
                new LeakyRnn(),
                SHAPE,
                Map.of("hidden", h, "recurrentInit", "gaussian", "recurrentGain", gain))
            .parameters()
            .get("recurrent.weight")
            .toFloatArray();
    assertThat(std(gaussian))
        .isCloseTo(gain / Math.sqrt(h), within(0.01 * gain / Math.sqrt(h) * 3));
    float[] uniform =
        build(new LeakyRnn(), SHAPE, Map.of("hidden", h))
            .parameters()
            .get("recurrent.weight")
            .toFloatArray();
    double bound = 1 / Math.sqrt(h);
    for (float v : uniform) {
      assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
    }
    // U(−b, b) has standard deviation b/√3.
    assertThat(std(uniform)).isCloseTo(bound / Math.sqrt(3), within(0.02 * bound));
  }

  @Test
  void theSameInitialisationStreamGivesTheSameWeights() {
    RecurrentNetwork a = build(new LeakyRnn(), SHAPE, Map.of("hidden", 8));
    RecurrentNetwork b = build(new LeakyRnn(), SHAPE, Map.of("hidden", 8));
    a.parameters()
        .forEach(
            (name, p) ->
                assertThat(p.toFloatArray())
                    .as(name)
                    .isEqualTo(b.parameters().get(name).toFloatArray()));
  }

  @Test
  void leakyRnnTrainsWithFiniteGradientsForThreeHundredSteps() {
    RecurrentNetwork net = build(new LeakyRnn(), SHAPE, Map.of("hidden", 32));
    NetworkContract.assertTrainsWithFiniteGradients(net, SHAPE.inputSize(), 300);
  }

  /**
   * At 128 units, batch 16 and 100 steps, passing a Java number to an operation inside the
   * collector (DJL trap 1 in docs/stack.md) made this check fail with NaN gradients at step 11; at
   * 32 units it did not show, so both sizes are kept.
   */
  @Test
  void leakyRnnKeepsFiniteGradientsAtTheSizeWhereTheScalarTrapShowed() {
    RecurrentNetwork net = build(new LeakyRnn(), SHAPE, Map.of("hidden", 128));
    NetworkContract.assertTrainsWithFiniteGradients(
        net, SHAPE.inputSize(), 40, new NetworkContract.TrainingSetup(16, 100, 0.01, 42L, 0.95));
  }

  @Test
  void vanillaRnnTrainsWithFiniteGradientsForThreeHundredSteps() {
    RecurrentNetwork net = build(new VanillaRnn(), SHAPE, Map.of("hidden", 32));
    NetworkContract.assertTrainsWithFiniteGradients(net, SHAPE.inputSize(), 300);
  }

  private static double std(float[] values) {
    double mean = 0;
    for (float v : values) {
      mean += v;
    }
    mean /= values.length;
    double var = 0;
    for (float v : values) {
      var += (v - mean) * (v - mean);
    }
    return Math.sqrt(var / values.length);
  }
}
