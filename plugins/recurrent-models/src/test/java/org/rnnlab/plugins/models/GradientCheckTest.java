package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.testkit.GradientCheck;
import org.rnnlab.testkit.SeededNoise;

/**
 * Every model, in every convention and with every option that changes its computation graph,
 * computes the gradients that finite differences of its own forward pass give ({@link
 * GradientCheck}): through {@code forward} and through repeated {@code step} + {@code readout},
 * with and without noise, with respect to every parameter, the inputs and the initial state.
 *
 * <p>The gated cells' noise-free {@code forward} runs PyTorch's fused GRU/LSTM; with their {@code
 * noise} above 0, the check's noisy runs take the hand-written loop, so a case with noise covers
 * both paths and a case without noise the fused one only. Constraint masks are written to {@code
 * .npy} files as a script would name them. Sizes are small (5 units, batch 2, 5 steps), the regime
 * the testkit's tolerances are stated for; each case runs with two seeds, which change both the
 * network's initial weights and the check's data and directions (seeds 3 to 12 of every case passed
 * as well when this class was written; two keep the suite quick).
 */
class GradientCheckTest {

  private static final int I = 3;
  private static final int O = 2;
  private static final int H = 5;
  private static final NetworkShape SHAPE = new NetworkShape(I, O, 20);
  private static final long[] SEEDS = {1, 2};

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

  /**
   * A model and the settings of one case; {@code settings} may write mask files into the test's
   * temporary folder.
   */
  record Case(String name, Model model, Function<Path, Map<String, Object>> settings) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case of(String name, Model model, Object... settings) {
    return new Case(name, model, dir -> with(settings));
  }

  private static Map<String, Object> with(Object... keyValues) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("hidden", H);
    for (int i = 0; i < keyValues.length; i += 2) {
      all.put((String) keyValues[i], keyValues[i + 1]);
    }
    return all;
  }

  // ---- the cases
  // ---------------------------------------------------------------------------------

  /** leaky-rnn in each convention with each of relu, tanh and softplus, noise on. */
  static Stream<Case> leakyRnn() {
    Stream.Builder<Case> all = Stream.builder();
    for (String convention : LeakyRnn.CONVENTIONS) {
      for (String activation : List.of("relu", "tanh", "softplus")) {
        all.add(
            of(
                "leaky-rnn " + convention + " " + activation,
                new LeakyRnn(),
                "convention",
                convention,
                "activation",
                activation,
                "noise",
                0.1));
      }
    }
    return all.build();
  }

  /** The other models with their defaults (noise on where they have it) and noise variants. */
  static Stream<Case> otherModels() {
    return Stream.of(
        of("rnn tanh", new VanillaRnn(), "noise", 0.1),
        of("rnn relu", new VanillaRnn(), "activation", "relu", "noise", 0.1),
        of("gru without noise (fused only)", new Gru()),
        of("gru with noise (fused and hand-written)", new Gru(), "noise", 0.1),
        of("noisy-gru defaults (noise on)", new NoisyGru()),
        of("noisy-gru with noise off (fused only)", new NoisyGru(), "noise", 0.0),
        of("lstm without noise (fused only)", new Lstm()),
        of("lstm with noise (fused and hand-written)", new Lstm(), "noise", 0.1),
        of("driscoll-rnn defaults (tanh, noise on)", new DriscollRnn()),
        of("driscoll-rnn relu", new DriscollRnn(), "activation", "relu"),
        of("neural-ode", new NeuralOde(), "hidden", 3, "layerWidth", 8),
        of("neural-ode two layers", new NeuralOde(), "hidden", 3, "layers", 2, "layerWidth", 6),
        of("linear-dynamical-system", new LinearDynamicalSystem(), "noise", 0.1));
  }

  /** Every bias switched off, which changes the graph (and the fused cells' weight list). */
  static Stream<Case> withoutBiases() {
    return Stream.of(
        of(
            "leaky-rnn without biases",
            new LeakyRnn(),
            "inputBias",
            false,
            "recurrentBias",
            false,
            "outputBias",
            false,
            "noise",
            0.1),
        of(
            "gru without biases",
            new Gru(),
            "inputBias",
            false,
            "recurrentBias",
            false,
            "outputBias",
            false,
            "noise",
            0.1),
        of(
            "lstm without biases",
            new Lstm(),
            "inputBias",
            false,
            "recurrentBias",
            false,
            "outputBias",
            false,
            "noise",
            0.1),
        of("lstm with an input bias only", new Lstm(), "recurrentBias", false),
        of("driscoll-rnn without biases", new DriscollRnn(), "recurrentBias", false),
        of(
            "neural-ode without output bias",
            new NeuralOde(),
            "layerWidth",
            8,
            "outputBias",
            false));
  }

  static Stream<Case> networkCases() {
    return Stream.of(leakyRnn(), otherModels(), withoutBiases()).flatMap(s -> s);
  }

  /**
   * Connectivity constraints: Dale's law (3 of 5 units excitatory: |W| with signed rows, the
   * inhibitory readout rows held at 0), no autapses, connectivity masks and frozen entries read
   * from {@code .npy} files, and whole matrices not trained.
   */
  static Stream<Case> constrainedCases() {
    return Stream.of(
        new Case("leaky-rnn yang, dale", new LeakyRnn(), dir -> dale("noise", 0.1)),
        new Case(
            "leaky-rnn psychrnn, dale and no autapses",
            new LeakyRnn(),
            dir -> withAll(dale("convention", "psychrnn", "noise", 0.1), "autapses", false)),
        new Case(
            "leaky-rnn cueva-wei tanh, every constraint",
            new LeakyRnn(),
            dir ->
                everything(
                    dir,
                    1,
                    dale(
                        "convention",
                        "cueva-wei",
                        "activation",
                        "tanh",
                        "tau",
                        200,
                        "noise",
                        0.1))),
        new Case("rnn, every constraint", new VanillaRnn(), dir -> everything(dir, 1, dale())),
        new Case(
            "linear-dynamical-system, every constraint",
            new LinearDynamicalSystem(),
            dir -> everything(dir, 1, dale("noise", 0.1))),
        new Case(
            "driscoll-rnn, every constraint", new DriscollRnn(), dir -> everything(dir, 1, dale())),
        new Case(
            "gru with noise, masks, frozen entries, no autapses",
            new Gru(),
            dir -> everything(dir, 3, with("noise", 0.1))),
        new Case(
            "lstm with noise, masks, frozen entries, no autapses",
            new Lstm(),
            dir -> everything(dir, 4, with("noise", 0.1))),
        of("leaky-rnn, trainRecurrent false", new LeakyRnn(), "trainRecurrent", false),
        of(
            "leaky-rnn, dale with input and recurrent weights not trained",
            new LeakyRnn(),
            "dale",
            true,
            "excitatoryFraction",
            0.6,
            "trainRecurrent",
            false,
            "trainInput",
            false),
        of("gru, trainRecurrent false", new Gru(), "trainRecurrent", false, "noise", 0.1),
        of("lstm, trainOutput false", new Lstm(), "trainOutput", false));
  }

  private static Map<String, Object> dale(Object... more) {
    return withAll(with(more), "dale", true, "excitatoryFraction", 0.6);
  }

  private static Map<String, Object> withAll(Map<String, Object> base, Object... more) {
    Map<String, Object> all = new LinkedHashMap<>(base);
    for (int i = 0; i < more.length; i += 2) {
      all.put((String) more[i], more[i + 1]);
    }
    return all;
  }

  /**
   * {@code base} plus three connectivity masks, no autapses and three masks of frozen entries, all
   * {@code [rows, H]} (one block for every gate of a gated cell) except {@code fixedRecurrent},
   * given per gate as {@code [H, gates·H]}.
   */
  private static Map<String, Object> everything(Path dir, int gates, Map<String, Object> base) {
    Map<String, Object> all = new LinkedHashMap<>(base);
    all.put("inputConnectivity", file(dir, "in.npy", I, H, NpyFiles.pattern(I * H, 0.7, 11)));
    all.put("recurrentConnectivity", file(dir, "rec.npy", H, H, NpyFiles.pattern(H * H, 0.6, 12)));
    all.put("outputConnectivity", file(dir, "out.npy", H, O, NpyFiles.pattern(H * O, 0.8, 13)));
    all.put("autapses", false);
    all.put("fixedInput", file(dir, "fin.npy", I, H, NpyFiles.pattern(I * H, 0.3, 14)));
    all.put(
        "fixedRecurrent",
        file(dir, "frec.npy", H, gates * H, NpyFiles.pattern(H * gates * H, 0.25, 15)));
    all.put("fixedOutput", file(dir, "fout.npy", H, O, NpyFiles.pattern(H * O, 0.3, 16)));
    return all;
  }

  private static String file(Path dir, String name, int rows, int cols, boolean[] mask) {
    return NpyFiles.bool(dir.resolve(name), rows, cols, mask).toAbsolutePath().toString();
  }

  /** Models with a learned initial state and initial-state noise, the options that act there. */
  static Stream<Case> initialStateCases() {
    return Stream.of(
        of("leaky-rnn yang", new LeakyRnn(), "initialState", "learned", "latentIcVar", 0.1),
        of(
            "leaky-rnn psychrnn",
            new LeakyRnn(),
            "convention",
            "psychrnn",
            "noise",
            0.1,
            "initialState",
            "learned",
            "latentIcVar",
            0.1),
        of("rnn", new VanillaRnn(), "initialState", "learned", "latentIcVar", 0.1),
        of("gru", new Gru(), "initialState", "learned", "latentIcVar", 0.1),
        of("noisy-gru defaults", new NoisyGru()),
        of("lstm", new Lstm(), "initialState", "learned", "latentIcVar", 0.1, "noise", 0.1),
        of("driscoll-rnn", new DriscollRnn(), "initialState", "learned", "latentIcVar", 0.1),
        // One ReLU layer of 4: the initial state's path does not depend on the vector field's size,
        // and with 3 layers of 8 (160 ReLUs over the sequence) one seed in 30 crossed a kink within
        // the check's step (it passed with a 10 times smaller step).
        of("neural-ode", new NeuralOde(), "layers", 2, "layerWidth", 4, "latentIcVar", 0.1),
        of(
            "linear-dynamical-system",
            new LinearDynamicalSystem(),
            "initialState",
            "learned",
            "latentIcVar",
            0.1));
  }

  // ---- the checks
  // --------------------------------------------------------------------------------

  private RecurrentNetwork build(Case c, long seed) {
    return Nets.build(c.model(), SHAPE, c.settings().apply(temp), seed, manager);
  }

  private static GradientCheck.Settings settings(long seed) {
    return GradientCheck.Settings.standard().withSeed(seed);
  }

  @ParameterizedTest
  @MethodSource("networkCases")
  void autogradAgreesWithFiniteDifferences(Case c) {
    for (long seed : SEEDS) {
      RecurrentNetwork net = build(c, seed);
      GradientCheck.assertNetworkGradients(net, I, 2, 5, settings(seed));
    }
  }

  /**
   * The check differentiates with respect to the raw trainable parameters, through the constraint
   * (|W|, row signs, selections of masked and frozen entries): a masked or frozen entry must get a
   * zero gradient, which is what finite differences give, since the dynamics never read it.
   */
  @ParameterizedTest
  @MethodSource("constrainedCases")
  void constrainedNetworksDifferentiateThroughTheirConstraints(Case c) {
    for (long seed : SEEDS) {
      RecurrentNetwork net = build(c, seed);
      GradientCheck.assertNetworkGradients(net, I, 2, 5, settings(seed));
    }
  }

  /**
   * The testkit's check starts from an initial state of its own, so {@code initial.state} and the
   * {@code latentIcVar} noise are checked here: the same scalar as the testkit's ({@code Σ W∘y + Σ
   * V∘h}) from {@code initialState(batch, manager, noise)}, with {@code initial.state} set to
   * non-zero values first, without noise and with seeded noise (which also draws the initial
   * state's noise).
   */
  @ParameterizedTest
  @MethodSource("initialStateCases")
  void theLearnedNoisyInitialStateIsDifferentiatedLikeEveryOtherParameter(Case c) {
    for (long seed : SEEDS) {
      CellNetwork net = (CellNetwork) build(c, seed);
      NDArray learned = net.parameters().get("initial.state");
      assertThat(learned).as("%s has a learned initial state", c).isNotNull();
      SplittableRandom random = new SplittableRandom(seed);
      learned.set(floats(Nets.gaussian(random, net.hiddenSize(), 0.5)));
      assertInitialStateGradients(net, random, settings(seed));
    }
  }

  private void assertInitialStateGradients(
      CellNetwork net, SplittableRandom random, GradientCheck.Settings settings) {
    int batch = 2;
    int steps = 5;
    try (NDManager m = manager.newSubManager()) {
      NDArray inputs = Nets.array(m, Nets.gaussian(random, batch * steps * I, 1), batch, steps, I);
      NDArray outputWeights =
          Nets.array(m, Nets.gaussian(random, batch * steps * O, 1), batch, steps, O);
      int hidden = net.hiddenSize();
      NDArray hiddenWeights =
          Nets.array(m, Nets.gaussian(random, batch * steps * hidden, 1), batch, steps, hidden);
      Map<String, NDArray> variables = new LinkedHashMap<>();
      net.parameters().forEach((name, p) -> variables.put("parameter '" + name + "'", p));
      long noiseSeed = settings.seed() + 1;
      List<Supplier<Noise>> noises = List.of(() -> Noise.NONE, () -> new SeededNoise(noiseSeed));
      for (Supplier<Noise> noise : noises) {
        String mode = noise.get().enabled() ? "with noise" : "without noise";
        GradientCheck.assertGradients(
            "network from its learned initial state " + mode,
            variables,
            sub -> {
              Noise n = noise.get();
              SequenceOutput out = net.forward(inputs, net.initialState(batch, sub, n), n);
              return NDArrays.concat(
                  new NDList(
                      out.outputs().mul(outputWeights).flatten(),
                      out.hidden().mul(hiddenWeights).flatten()));
            },
            settings);
      }
    }
  }

  private static float[] floats(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }
}
