package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.NetworkContract;
import org.rnnlab.testkit.SeededNoise;

/** Options every model honours: initial state, biases, initialisers; and bad values. */
class SharedOptionsTest {

  private static final NetworkShape SHAPE = new NetworkShape(3, 2, 20);

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private RecurrentNetwork build(Model model, Map<String, ?> overrides) {
    return Nets.build(model, SHAPE, overrides, 1, manager);
  }

  private static Map<String, Object> with(Map<String, ?> base, Object... more) {
    Map<String, Object> all = new HashMap<>(base);
    for (int i = 0; i < more.length; i += 2) {
      all.put((String) more[i], more[i + 1]);
    }
    return all;
  }

  static Stream<Model> modelsWithInitialState() {
    return Stream.of(
        new LeakyRnn(),
        new VanillaRnn(),
        new Gru(),
        new NoisyGru(),
        new Lstm(),
        new DriscollRnn(),
        new NeuralOde(),
        new LinearDynamicalSystem());
  }

  @ParameterizedTest
  @MethodSource("modelsWithInitialState")
  void aLearnedInitialStateIsTheParameterInitialStateRepeatedOverTheBatch(Model model) {
    RecurrentNetwork net = build(model, Map.of("hidden", 3, "initialState", "learned"));
    int n = net.hiddenSize();
    NDArray learned = net.parameters().get("initial.state");
    assertThat(learned.getShape()).isEqualTo(new Shape(n));
    assertThat(learned.toFloatArray()).containsOnly(0f);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = 0.1f * (i + 1);
    }
    learned.set(values);
    float[] h0 = net.initialState(2, manager).toFloatArray();
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < n; i++) {
        assertThat(h0[b * n + i]).isEqualTo(values[i]);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("modelsWithInitialState")
  void aZeroInitialStateHasNoParameter(Model model) {
    RecurrentNetwork net = build(model, Map.of("hidden", 3, "initialState", "zero"));
    assertThat(net.parameters()).doesNotContainKey("initial.state");
    assertThat(net.initialState(2, manager).toFloatArray()).containsOnly(0f);
  }

  @Test
  void latentIcVarAddsOneScaledDrawFromTheGivenNoise() {
    double sigma = 0.05;
    CellNetwork net =
        (CellNetwork)
            build(new Gru(), Map.of("hidden", 6, "initialState", "learned", "latentIcVar", sigma));
    float[] base = new float[6];
    for (int i = 0; i < 6; i++) {
      base[i] = i;
    }
    net.parameters().get("initial.state").set(base);
    float[] h0 = net.initialState(4, manager, new SeededNoise(21)).toFloatArray();
    float[] xi = new SeededNoise(21).standardNormal(new Shape(4, 6), manager).toFloatArray();
    for (int b = 0; b < 4; b++) {
      for (int i = 0; i < 6; i++) {
        assertThat((double) h0[b * 6 + i]).isCloseTo(base[i] + sigma * xi[b * 6 + i], within(1e-6));
      }
    }
    // Noise switched off, or the two-argument form (analyses), start from the clean state.
    assertThat(net.initialState(4, manager, Noise.NONE).toFloatArray())
        .isEqualTo(net.initialState(4, manager).toFloatArray());
  }

  @Test
  void noisyGruHasCtdbsLearnedNoisyInitialStateByDefault() {
    Map<String, Object> d = ComponentContract.defaults(new NoisyGru()).asMap();
    assertThat(d)
        .containsEntry("hidden", 128L)
        .containsEntry("noise", 0.01)
        .containsEntry("initialState", "learned")
        .containsEntry("latentIcVar", 0.05);
    Map<String, Object> gru = ComponentContract.defaults(new Gru()).asMap();
    assertThat(gru)
        .containsEntry("noise", 0.0)
        .containsEntry("initialState", "zero")
        .containsEntry("latentIcVar", 0.0);
  }

  @Test
  void withoutLatentIcVarNothingIsDrawnForTheInitialState() {
    CellNetwork net =
        (CellNetwork) build(new Gru(), Map.of("hidden", 4, "initialState", "learned"));
    net.initialState(2, manager, Nets.MUST_NOT_DRAW);
  }

  @Test
  void modelsWithoutNoiseDrawNone() {
    for (Model model : new Model[] {new LeakyRnn(), new Gru(), new Lstm(), new NeuralOde()}) {
      RecurrentNetwork net = build(model, Map.of("hidden", 4));
      NDArray x = manager.ones(new Shape(2, 3, 3));
      net.forward(x, net.initialState(2, manager), Nets.MUST_NOT_DRAW);
      net.step(net.initialState(2, manager), x.get(":, 0, :"), Nets.MUST_NOT_DRAW);
    }
  }

  static Stream<Arguments> biasCases() {
    return Stream.of(
        Arguments.of(new LeakyRnn(), "inputBias", "input.bias"),
        Arguments.of(new LeakyRnn(), "recurrentBias", "recurrent.bias"),
        Arguments.of(new LeakyRnn(), "outputBias", "output.bias"),
        Arguments.of(new Gru(), "inputBias", "input.bias"),
        Arguments.of(new Gru(), "recurrentBias", "recurrent.bias"),
        Arguments.of(new Lstm(), "inputBias", "input.bias"),
        Arguments.of(new Lstm(), "recurrentBias", "recurrent.bias"),
        Arguments.of(new DriscollRnn(), "recurrentBias", "recurrent.bias"),
        Arguments.of(new NeuralOde(), "outputBias", "output.bias"),
        Arguments.of(new LinearDynamicalSystem(), "inputBias", "input.bias"));
  }

  /** Dropping a bias removes its parameter; the fused gated cells then get zeros in its place. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("biasCases")
  void aBiasSwitchedOffHasNoParameterAndTheModelStillHoldsItsContract(
      Model model, String option, String parameter) {
    RecurrentNetwork net = build(model, Map.of("hidden", 4, option, false));
    assertThat(net.parameters()).doesNotContainKey(parameter);
    NetworkContract.assertStepMatchesForward(net, SHAPE.inputSize());
  }

  /** Every model but the neural ODE, whose MLP biases keep PyTorch's draw. */
  static Stream<Model> modelsWithBiasInit() {
    return modelsWithInitialState().filter(model -> !(model instanceof NeuralOde));
  }

  /** TensorFlow's default, which Yang et al. 2019's cell and readout use. */
  @ParameterizedTest
  @MethodSource("modelsWithBiasInit")
  void biasInitZeroStartsEveryBiasAtZero(Model model) {
    RecurrentNetwork net = build(model, Map.of("hidden", 4, "biasInit", "zero"));
    Map<String, NDArray> biases = new HashMap<>(net.parameters());
    biases.keySet().removeIf(name -> !name.endsWith(".bias"));
    assertThat(biases).isNotEmpty();
    biases.forEach((name, b) -> assertThat(b.toFloatArray()).as(name).containsOnly(0f));
    NetworkContract.assertStepMatchesForward(net, SHAPE.inputSize());
  }

  @ParameterizedTest
  @MethodSource("modelsWithInitialState")
  void outputActivationIsAppliedToTheReadoutOnEveryPath(Model model) {
    RecurrentNetwork linear = build(model, Map.of("hidden", 4));
    RecurrentNetwork sigmoid = build(model, Map.of("hidden", 4, "outputActivation", "sigmoid"));
    NDArray x = manager.randomNormal(new Shape(2, 5, SHAPE.inputSize()));

    float[] logits =
        linear.forward(x, linear.initialState(2, manager), Noise.NONE).outputs().toFloatArray();
    float[] outputs =
        sigmoid.forward(x, sigmoid.initialState(2, manager), Noise.NONE).outputs().toFloatArray();

    assertThat(outputs).hasSameSizeAs(logits);
    for (int i = 0; i < logits.length; i++) {
      assertThat((double) outputs[i]).isCloseTo(Nets.sigmoid(logits[i]), within(1e-6));
    }
    NetworkContract.assertStepMatchesForward(sigmoid, SHAPE.inputSize());
  }

  @Test
  void theGatedCellsRunWithoutAnyBias() {
    for (Model model : new Model[] {new Gru(), new Lstm()}) {
      RecurrentNetwork net =
          build(model, Map.of("hidden", 4, "inputBias", false, "recurrentBias", false));
      assertThat(net.parameters()).doesNotContainKeys("input.bias", "recurrent.bias");
      NetworkContract.assertStepMatchesForward(net, SHAPE.inputSize());
    }
  }

  @Test
  void driscollHasNoInputBiasByDefaultAndItsRecurrentBiasStartsAtZero() {
    RecurrentNetwork net = build(new DriscollRnn(), Map.of("hidden", 5));
    assertThat(net.parameters()).doesNotContainKey("input.bias");
    assertThat(net.parameters().get("recurrent.bias").toFloatArray()).containsOnly(0f);
  }

  @Test
  void neuralOdeReadoutStartsAsCtdbsSmallGaussianWithZeroBias() {
    RecurrentNetwork net = build(new NeuralOde(), Map.of("hidden", 40));
    float[] w = net.parameters().get("output.weight").toFloatArray();
    assertThat(std(w)).isCloseTo(0.01, within(0.0035));
    assertThat(net.parameters().get("output.bias").toFloatArray()).containsOnly(0f);
    assertThat(net.parameters().get("vectorfield.layer1.weight").getShape())
        .isEqualTo(new Shape(40 + 3, 128));
    assertThat(net.parameters().get("vectorfield.layer3.weight").getShape())
        .isEqualTo(new Shape(128, 40));
  }

  // ---- initialisers ----------------------------------------------------------------------------

  private float[] weight(Model model, String name, Map<String, ?> overrides) {
    return build(model, overrides).parameters().get(name).toFloatArray();
  }

  @Test
  void glorotIsXavierUniformOverFanInAndFanOut() {
    int h = 64;
    float[] w =
        weight(
            new LeakyRnn(),
            "input.weight",
            Map.of("hidden", h, "inputInit", "glorot", "inputGain", 2.0));
    double bound = 2.0 * Math.sqrt(6.0 / (3 + h));
    for (float v : w) {
      assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
    }
    assertThat(std(w)).isCloseTo(bound / Math.sqrt(3), within(0.1 * bound));
    float[] n =
        weight(
            new LeakyRnn(),
            "recurrent.weight",
            Map.of("hidden", h, "recurrentInit", "glorot-normal"));
    assertThat(std(n)).isCloseTo(Math.sqrt(2.0 / (2 * h)), within(0.01));
  }

  @Test
  void normalUsesTheGainAsStandardDeviation() {
    float[] w =
        weight(
            new LeakyRnn(),
            "output.weight",
            Map.of("hidden", 300, "outputInit", "normal", "outputGain", 0.2));
    assertThat(std(w)).isCloseTo(0.2, within(0.02));
  }

  @Test
  void diagonalIsTheGainTimesTheIdentity() {
    int h = 5;
    float[] w =
        weight(
            new LeakyRnn(),
            "recurrent.weight",
            Map.of("hidden", h, "recurrentInit", "diagonal", "recurrentGain", 0.7));
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < h; j++) {
        assertThat(w[i * h + j]).isEqualTo(i == j ? 0.7f : 0f);
      }
    }
  }

  @Test
  void orthogonalInputWeightsHaveOrthonormalRowsWhenWide() {
    int h = 40;
    RecurrentNetwork net =
        build(new LeakyRnn(), Map.of("hidden", h, "inputInit", "orthogonal", "inputGain", 1.5));
    NDArray w = net.parameters().get("input.weight"); // [3, 40]
    float[] gram = w.matMul(w.transpose()).toFloatArray();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat((double) gram[i * 3 + j]).isCloseTo(i == j ? 2.25 : 0, within(1e-5));
      }
    }
  }

  @Test
  void gatedCellsInitialiseEachGateBlockSeparately() {
    int h = 8;
    RecurrentNetwork net = build(new Gru(), Map.of("hidden", h, "recurrentInit", "orthogonal"));
    NDArray w = net.parameters().get("recurrent.weight"); // [8, 24]
    for (int k = 0; k < 3; k++) {
      NDArray block = w.get(":, " + (k * h) + ":" + ((k + 1) * h));
      float[] gram = block.transpose().matMul(block).toFloatArray();
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < h; j++) {
          assertThat((double) gram[i * h + j])
              .as("gate %d", k)
              .isCloseTo(i == j ? 1 : 0, within(1e-5));
        }
      }
    }
  }

  /** nn.GRU and nn.LSTM draw every gate weight from U(−1/√H, 1/√H), whatever the input size. */
  @Test
  void gatedCellsUsePyTorchsUniformOverTheHiddenSize() {
    int h = 16;
    for (Model model : new Model[] {new Gru(), new Lstm()}) {
      float[] w = weight(model, "input.weight", Map.of("hidden", h));
      double bound = 1 / Math.sqrt(h); // 0.25, where nn.Linear's 1/sqrt(fanIn) would be 0.577
      double max = 0;
      for (float v : w) {
        max = Math.max(max, Math.abs(v));
      }
      assertThat(max).isLessThanOrEqualTo(bound).isGreaterThan(0.95 * bound);
    }
  }

  // ---- bad values ------------------------------------------------------------------------------

  @Test
  void diagonalIsRejectedForANonSquareMatrixNamingTheParameter() {
    assertThatThrownBy(() -> build(new LeakyRnn(), Map.of("hidden", 8, "inputInit", "diagonal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inputInit 'diagonal' needs a square matrix")
        .hasMessageContaining("input.weight is [3, 8]");
    assertThatThrownBy(() -> build(new Gru(), Map.of("hidden", 8, "outputInit", "diagonal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outputInit");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(new LeakyRnn(), Map.of("convention", "brian"), "convention"),
        Arguments.of(new LeakyRnn(), Map.of("recurrentInit", "he"), "recurrentInit"),
        Arguments.of(new LeakyRnn(), Map.of("latentIcVar", -0.1), "latentIcVar"),
        Arguments.of(new Gru(), Map.of("initialState", "random"), "initialState"),
        Arguments.of(new Gru(), Map.of("noise", -1.0), "noise"),
        Arguments.of(new DriscollRnn(), Map.of("gamma", 1.5), "gamma"),
        Arguments.of(new NeuralOde(), Map.of("layers", 1), "layers"),
        Arguments.of(new Lstm(), Map.of("hidden", 0), "hidden"),
        Arguments.of(new LeakyRnn(), Map.of("biasInit", "ones"), "biasInit"),
        Arguments.of(new Gru(), Map.of("outputActivation", "softmax"), "outputActivation"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("badValues")
  void badValuesAreRejectedByTheBinderNamingTheParameter(
      Model model, Map<String, ?> overrides, String parameter) {
    assertThatThrownBy(() -> ComponentContract.parameters(model, overrides))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(parameter);
  }

  @Test
  void valuesTheDeclarationsAllowButTheModelCannotUseAreRejectedAtCreate() {
    assertThatThrownBy(() -> build(new DriscollRnn(), Map.of("gamma", 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gamma must lie in (0, 1], got 0.0");
    assertThatThrownBy(() -> build(new NeuralOde(), Map.of("vectorFieldScale", 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vectorFieldScale must be a finite number > 0");
    assertThatThrownBy(
            () ->
                new LeakyRnn()
                    .create(
                        ComponentContract.parameters(
                            new LeakyRnn(), with(Map.of(), "tau", 10.0, "convention", "cueva-wei")),
                        SHAPE,
                        new SplittableRandom(1),
                        manager))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tau = 10.0 ms");
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
