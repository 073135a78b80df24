package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.core.experiment.ExperimentRunner;
import org.rnnlab.core.io.Npz;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.spec.SpecResolver;
import org.rnnlab.core.training.TrainingListener;
import org.rnnlab.testkit.NetworkContract;
import org.rnnlab.testkit.SeededNoise;

/**
 * {@code encoder: linear}: every model maps a trial's initial condition c to its initial state
 * {@code h0 = c·encoder.weight} (Sorscher et al. 2019's place-cell encoder), trains it, and learns
 * a task only the initial condition solves; without it the core refuses such a task.
 */
class EncoderTest {

  /** Initial conditions of 4 values. */
  private static final NetworkShape SHAPE = new NetworkShape(3, 2, 20, 4);

  @TempDir Path temp;

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  static Stream<Model> models() {
    return SharedOptionsTest.modelsWithInitialState();
  }

  private RecurrentNetwork build(Model model, NetworkShape shape, Map<String, ?> overrides) {
    return Nets.build(model, shape, overrides, 1, manager);
  }

  private NDArray conditions(int batch, long seed) {
    return Nets.array(manager, Nets.gaussian(new SplittableRandom(seed), batch * 4, 1.0), batch, 4);
  }

  @ParameterizedTest
  @MethodSource("models")
  void aLinearEncoderIsAWeightOfPyTorchsLinearDefaultFromTheConditionToTheState(Model model) {
    RecurrentNetwork net = build(model, SHAPE, Map.of("hidden", 64, "encoder", "linear"));

    assertThat(net.initialConditionSize()).isEqualTo(4);
    NDArray w = net.parameters().get("encoder.weight");
    assertThat(w.getShape()).isEqualTo(new Shape(4, net.hiddenSize()));
    // nn.Linear(4, H) without bias: U(-1/sqrt(4), 1/sqrt(4)), standard deviation 0.5/sqrt(3).
    double[] values = Nets.values(net, "encoder.weight");
    double sumOfSquares = 0;
    for (double v : values) {
      assertThat(v).isBetween(-0.5, 0.5);
      sumOfSquares += v * v;
    }
    assertThat(Math.sqrt(sumOfSquares / values.length)).isCloseTo(0.5 / Math.sqrt(3), within(0.04));
  }

  @ParameterizedTest
  @MethodSource("models")
  void theEncoderIsDrawnLastSoEveryOtherWeightIsAsWithoutIt(Model model) {
    RecurrentNetwork with = build(model, SHAPE, Map.of("hidden", 3, "encoder", "linear"));
    RecurrentNetwork without = build(model, SHAPE, Map.of("hidden", 3));
    RecurrentNetwork noConditions = build(model, new NetworkShape(3, 2, 20), Map.of("hidden", 3));

    assertThat(without.parameters()).doesNotContainKey("encoder.weight");
    assertThat(without.initialConditionSize()).isZero();
    List<String> names = List.copyOf(without.parameters().keySet());
    assertThat(with.parameters().keySet()).containsSubsequence(names).endsWith("encoder.weight");
    for (String name : names) {
      assertThat(Nets.values(with, name)).as(name).isEqualTo(Nets.values(without, name));
      assertThat(Nets.values(noConditions, name)).as(name).isEqualTo(Nets.values(without, name));
    }
  }

  @Test
  void theInitialStateIsTheConditionTimesTheEncoderPlusTheLearnedStateAsItsBias() {
    RecurrentNetwork net =
        build(
            new LeakyRnn(),
            SHAPE,
            Map.of("hidden", 5, "encoder", "linear", "initialState", "learned"));
    float[] bias = {0.1f, -0.2f, 0.3f, 0f, 1f};
    net.parameters().get("initial.state").set(bias);
    NDArray c = conditions(3, 9);

    float[] h0 = net.initialState(c, manager, Noise.NONE).toFloatArray();

    double[] w = Nets.values(net, "encoder.weight");
    float[] cs = c.toFloatArray();
    for (int b = 0; b < 3; b++) {
      double[] expected = Nets.times(Nets.row(cs, b, 4), w, 5);
      for (int i = 0; i < 5; i++) {
        assertThat((double) h0[b * 5 + i]).isCloseTo(expected[i] + bias[i], within(1e-5));
      }
    }
  }

  @Test
  void initialStateNoiseStillAppliesToTheEncodedState() {
    double sigma = 0.1;
    RecurrentNetwork net =
        build(new Gru(), SHAPE, Map.of("hidden", 5, "encoder", "linear", "latentIcVar", sigma));
    NDArray c = conditions(2, 3);

    float[] clean = net.initialState(c, manager, Noise.NONE).toFloatArray();
    float[] noisy = net.initialState(c, manager, new SeededNoise(21)).toFloatArray();

    double[] xi = Nets.firstDraw(21, 2, 5, manager);
    for (int i = 0; i < clean.length; i++) {
      assertThat((double) noisy[i]).isCloseTo(clean[i] + sigma * xi[i], within(1e-6));
    }
  }

  @Test
  void withoutLatentIcVarTheEncoderDrawsNoNoise() {
    RecurrentNetwork net = build(new Gru(), SHAPE, Map.of("hidden", 5, "encoder", "linear"));
    net.initialState(conditions(2, 3), manager, Nets.MUST_NOT_DRAW);
  }

  @Test
  void theLstmEncoderSetsBothHAndTheCellState() {
    RecurrentNetwork net = build(new Lstm(), SHAPE, Map.of("hidden", 6, "encoder", "linear"));

    assertThat(net.hiddenSize()).isEqualTo(12);
    float[] s0 = net.initialState(conditions(1, 4), manager, Noise.NONE).toFloatArray();
    float[] h = Arrays.copyOfRange(s0, 0, 6);
    float[] cell = Arrays.copyOfRange(s0, 6, 12);
    assertThat(h).isNotEqualTo(new float[6]);
    assertThat(cell).isNotEqualTo(new float[6]);
  }

  @Test
  void theEncoderGetsAGradientThroughTheForwardPass() {
    RecurrentNetwork net = build(new LeakyRnn(), SHAPE, Map.of("hidden", 5, "encoder", "linear"));
    try (NDManager step = manager.newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray h0 = net.initialState(conditions(2, 5), step, Noise.NONE);
      NDArray y = net.forward(step.ones(new Shape(2, 4, 3)), h0, Noise.NONE).outputs();
      collector.backward(y.square().sum());
    }
    NDArray g = net.parameters().get("encoder.weight").getGradient();
    assertThat(g.abs().sum().getFloat()).isPositive();
    g.subi(g);
  }

  @Test
  void aModelWithoutAnEncoderCannotStartFromAnInitialCondition() {
    RecurrentNetwork net = build(new LeakyRnn(), SHAPE, Map.of("hidden", 5));

    assertThat(net.initialConditionSize()).isZero();
    assertThatThrownBy(() -> net.initialState(conditions(2, 1), manager, Noise.NONE))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("set encoder: linear");
  }

  @Test
  void anEncoderForATaskWithoutInitialConditionsIsRejectedAtCreate() {
    assertThatThrownBy(
            () -> build(new Gru(), new NetworkShape(3, 2, 20), Map.of("encoder", "linear")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encoder: linear")
        .hasMessageContaining("this task gives none; set encoder: none");
  }

  @Test
  void initialConditionsOfTheWrongWidthAreRejected() {
    RecurrentNetwork net = build(new Gru(), SHAPE, Map.of("hidden", 5, "encoder", "linear"));

    assertThatThrownBy(() -> net.initialState(manager.ones(new Shape(2, 3)), manager, Noise.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial conditions must be [batch, 4], got (2, 3)");
  }

  @Test
  void encoderIsADeclaredChoiceWithNoneByDefault() {
    for (Model model : models().toList()) {
      ParameterSpec encoder =
          model.parameters().stream().filter(p -> p.name().equals("encoder")).findFirst().get();
      assertThat(encoder.defaultValue()).as(model.id()).isEqualTo("none");
    }
  }

  // ---- end to end, through the core -------------------------------------------------------------

  /** Masked cross-entropy over class targets. */
  static final class ClassCrossEntropy implements Loss {
    @Override
    public String id() {
      return "class-cross-entropy";
    }

    @Override
    public String description() {
      return "Masked cross-entropy for tests";
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of();
    }

    @Override
    public LossFunction create(Parameters params) {
      return r -> {
        NDArray logp = r.outputs().logSoftmax(-1);
        NDArray onehot = r.classTargets().oneHot(Math.toIntExact(r.outputs().getShape().get(2)));
        NDArray perStep = logp.mul(onehot).sum(new int[] {2}).neg();
        return perStep.mul(r.mask()).sum().div(r.mask().sum());
      };
    }
  }

  private static final ComponentCatalog CATALOG =
      new ComponentCatalog() {
        private final Map<ComponentKind, Map<String, Supplier<Component>>> all =
            Map.of(
                ComponentKind.TASK, Map.of("initial-sign", InitialSignTask::new),
                ComponentKind.MODEL, Map.of("leaky-rnn", LeakyRnn::new, "lstm", Lstm::new),
                ComponentKind.LOSS, Map.of("class-cross-entropy", ClassCrossEntropy::new));

        @Override
        public Optional<Component> lookup(ComponentKind kind, String id) {
          Supplier<Component> s = all.getOrDefault(kind, Map.of()).get(id);
          return s == null ? Optional.empty() : Optional.of(s.get());
        }

        @Override
        public List<String> ids(ComponentKind kind) {
          return all.getOrDefault(kind, Map.of()).keySet().stream().sorted().toList();
        }
      };

  private static Map<String, Object> experiment(Map<String, Object> model, String batching) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", "encoder-test");
    tree.put("seed", 3L);
    tree.put("task", new LinkedHashMap<>(Map.of("id", "initial-sign")));
    tree.put("model", new LinkedHashMap<>(model));
    tree.put("loss", List.of(new LinkedHashMap<>(Map.of("id", "class-cross-entropy"))));
    Map<String, Object> train = new LinkedHashMap<>();
    train.put("optimizer", new LinkedHashMap<>(Map.of("id", "adam", "lr", 0.01)));
    train.put("steps", 200L);
    train.put("batch", 32L);
    train.put("batching", batching);
    train.put("checkpointEvery", 1000L);
    tree.put("train", train);
    tree.put("evaluation", new LinkedHashMap<>(Map.of("trials", 100L)));
    return tree;
  }

  private ExperimentRunner.Result run(Map<String, Object> tree, String folder) throws IOException {
    SpecDocument document =
        new SpecDocument(
            "encoder.yaml", tree, Map.of("name", new SourceLocation("encoder.yaml", 1, "name")));
    return new ExperimentRunner(CATALOG, Map.of("recurrent-models", "test"))
        .run(
            new SpecResolver(CATALOG).resolve(document),
            new ExperimentRunner.Options(
                temp,
                temp.resolve(folder),
                Integer.MAX_VALUE,
                TrainingListener.NONE,
                null,
                List.of("test")));
  }

  static Stream<Map<String, Object>> learners() {
    return Stream.of(
        Map.of("id", "leaky-rnn", "hidden", 32L, "encoder", "linear"),
        Map.of("id", "lstm", "hidden", 16L, "encoder", "linear"));
  }

  @ParameterizedTest
  @MethodSource("learners")
  void aModelWithTheLinearEncoderLearnsATaskOnlyTheInitialConditionSolves(Map<String, Object> model)
      throws IOException {
    ExperimentRunner.Result result = run(experiment(model, "trials"), "run");

    Map<String, Npz.Array> evaluation =
        Npz.read(result.folder().root().resolve("evaluation/trials.npz"));
    float[] c = evaluation.get("initial_conditions").floats();
    float[] y = evaluation.get("outputs").floats();
    int correct = 0;
    for (int trial = 0; trial < 100; trial++) {
      for (int step = 0; step < 10; step++) {
        int at = (trial * 10 + step) * 2;
        correct += (y[at + 1] > y[at]) == (c[trial * 4] > 0) ? 1 : 0;
      }
    }
    assertThat(correct).isGreaterThanOrEqualTo(950);
  }

  @Test
  void aModelWithoutTheEncoderIsRefusedBeforeAnyFolderIsWritten() {
    Map<String, Object> tree = experiment(Map.of("id", "leaky-rnn", "hidden", 8L), "trials");

    assertThatThrownBy(() -> run(tree, "refused"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("model 'leaky-rnn' has no encoder")
        .hasMessageContaining("task 'initial-sign' gives every trial an initial condition")
        .hasMessageContaining("set encoder: linear on the model");
    assertThat(temp.resolve("refused")).doesNotExist();
  }

  @Test
  void streamBatchingIsRefusedBeforeAnyFolderIsWritten() {
    Map<String, Object> tree =
        experiment(Map.of("id", "leaky-rnn", "hidden", 8L, "encoder", "linear"), "stream");

    assertThatThrownBy(() -> run(tree, "refused"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("train.batching")
        .hasMessageContaining("set train.batching: trials");
    assertThat(temp.resolve("refused")).doesNotExist();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyModelsEncoderPassesTheTestkitContract(Model model) {
    NetworkContract.assertEncodesInitialConditions(
        build(model, SHAPE, Map.of("hidden", 4, "encoder", "linear")), 11);
  }

  /** The testkit's training check starts every sequence from the encoded random conditions. */
  @ParameterizedTest
  @MethodSource("models")
  void everyModelTrainsWithItsEncoderWithFiniteGradients(Model model) {
    NetworkContract.assertTrainsWithFiniteGradients(
        build(model, SHAPE, Map.of("hidden", 8, "encoder", "linear")),
        SHAPE.inputSize(),
        100,
        new NetworkContract.TrainingSetup(8, 20, 0.01, 42L, 0.95));
  }
}
