package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.NetworkContract;
import org.rnnlab.testkit.SeededNoise;

/**
 * Connectivity constraints (Dale's law, masks, no autapses, frozen entries and matrices) hold
 * exactly after training, every code path reads the constrained matrices, and bad masks are refused
 * with messages that name the parameter, the file and the shapes.
 */
class ConstraintsTest {

  private static final int I = 3;
  private static final int O = 3;
  private static final int H = 8;
  private static final NetworkShape SHAPE = new NetworkShape(I, O, 20);

  /** Under Dale's law with excitatoryFraction 0.75, units 0–5 are excitatory, 6 and 7 not. */
  private static final int EXCITATORY = 6;

  /** Small and quick, a few hundred Adam steps; constraints slow learning, so any fall will do. */
  private static final NetworkContract.TrainingSetup TRAINING =
      new NetworkContract.TrainingSetup(8, 20, 0.01, 42L, 0.95);

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

  /** A model with the settings that switch its dynamics on; {@code gates} blocks per matrix. */
  record Case(String name, Model model, Map<String, ?> settings, int gates, boolean dale) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> rateCases() {
    return Stream.of(
        new Case("leaky-rnn yang", new LeakyRnn(), Map.of("noise", 0.05), 1, true),
        new Case(
            "leaky-rnn psychrnn",
            new LeakyRnn(),
            Map.of("convention", "psychrnn", "noise", 0.05),
            1,
            true),
        new Case(
            "leaky-rnn cueva-wei",
            new LeakyRnn(),
            Map.of("convention", "cueva-wei", "activation", "tanh", "tau", 200),
            1,
            true),
        new Case("rnn", new VanillaRnn(), Map.of(), 1, true),
        new Case("linear-dynamical-system", new LinearDynamicalSystem(), Map.of(), 1, true),
        new Case("driscoll-rnn", new DriscollRnn(), Map.of(), 1, true));
  }

  static Stream<Case> gatedCases() {
    return Stream.of(
        new Case("gru", new Gru(), Map.of(), 3, false),
        new Case("noisy-gru", new NoisyGru(), Map.of(), 3, false),
        new Case("lstm", new Lstm(), Map.of(), 4, false));
  }

  static Stream<Case> allCases() {
    return Stream.concat(rateCases(), gatedCases());
  }

  // ---- the masks of the tests, written as .npy files -------------------------------------------

  /** The masks of one case in full width ([rows, gates·H]), and the settings naming their files. */
  private record Setup(
      Map<String, Object> settings,
      boolean[] inputKeep,
      boolean[] recurrentKeep,
      boolean[] outputKeep,
      boolean[] inputFrozen,
      boolean[] recurrentFrozen,
      boolean[] outputFrozen) {}

  /**
   * Every constraint at once: three connectivity masks (float32, boolean and int64 files), no
   * autapses, three masks of frozen entries, and for the rate models Dale's law with 6 of 8 units
   * excitatory. The gated models get [rows, H] masks (one block for every gate) except {@code
   * fixedRecurrent}, given per gate as [H, gates·H].
   */
  private Setup everything(Case c) {
    int g = c.gates();
    boolean[] input = NpyFiles.pattern(I * H, 0.7, 1);
    boolean[] recurrent = NpyFiles.pattern(H * H, 0.6, 2);
    boolean[] output = NpyFiles.pattern(H * O, 0.8, 3);
    boolean[] fixedIn = NpyFiles.pattern(I * H, 0.3, 4);
    boolean[] fixedRec = NpyFiles.pattern(H * g * H, 0.25, 5);
    boolean[] fixedOut = NpyFiles.pattern(H * O, 0.3, 6);
    Map<String, Object> settings = new LinkedHashMap<>(c.settings());
    settings.put("hidden", H);
    settings.put("inputConnectivity", file(NpyFiles.float32(temp.resolve("in.npy"), I, H, input)));
    settings.put(
        "recurrentConnectivity", file(NpyFiles.bool(temp.resolve("rec.npy"), H, H, recurrent)));
    long[] outputValues = new long[output.length];
    for (int i = 0; i < output.length; i++) {
      outputValues[i] = output[i] ? 1 : 0;
    }
    settings.put(
        "outputConnectivity", file(NpyFiles.int64(temp.resolve("out.npy"), H, O, outputValues)));
    settings.put("autapses", false);
    settings.put("fixedInput", file(NpyFiles.bool(temp.resolve("fin.npy"), I, H, fixedIn)));
    settings.put(
        "fixedRecurrent", file(NpyFiles.bool(temp.resolve("frec.npy"), H, g * H, fixedRec)));
    settings.put("fixedOutput", file(NpyFiles.bool(temp.resolve("fout.npy"), H, O, fixedOut)));
    boolean[] recurrentKeep = tile(recurrent, H, H, g);
    for (int i = 0; i < H; i++) {
      for (int k = 0; k < g; k++) {
        recurrentKeep[i * g * H + k * H + i] = false;
      }
    }
    boolean[] outputKeep = output.clone();
    if (c.dale()) {
      settings.put("dale", true);
      settings.put("excitatoryFraction", 0.75);
      for (int i = EXCITATORY * O; i < H * O; i++) {
        outputKeep[i] = false;
      }
    }
    return new Setup(
        settings,
        tile(input, I, H, g),
        recurrentKeep,
        outputKeep,
        tile(fixedIn, I, H, g),
        fixedRec,
        fixedOut);
  }

  private static String file(Path path) {
    return path.toAbsolutePath().toString();
  }

  private static boolean[] tile(boolean[] block, int rows, int width, int gates) {
    boolean[] out = new boolean[rows * gates * width];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < gates; k++) {
        System.arraycopy(block, i * width, out, i * gates * width + k * width, width);
      }
    }
    return out;
  }

  private RecurrentNetwork build(Case c, Map<String, ?> settings, long seed) {
    return Nets.build(c.model(), SHAPE, settings, seed, manager);
  }

  private Map<String, float[]> effective(RecurrentNetwork net) {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (NDManager scratch = manager.newSubManager()) {
      net.effectiveParameters(scratch).forEach((k, v) -> out.put(k, v.toFloatArray()));
    }
    return out;
  }

  // ---- the constraints hold exactly after training ---------------------------------------------

  @ParameterizedTest
  @MethodSource("allCases")
  void afterTrainingEveryConstraintStillHoldsExactly(Case c) {
    Setup s = everything(c);
    RecurrentNetwork net = build(c, s.settings(), 1);
    Map<String, float[]> before = effective(net);

    NetworkContract.assertTrainsWithFiniteGradients(net, I, 300, TRAINING);
    Map<String, float[]> after = effective(net);

    int width = c.gates() * H;
    float[] win = after.get("input.weight");
    float[] wrec = after.get("recurrent.weight");
    float[] wout = after.get("output.weight");
    assertMaskedAreZero("input.weight", win, s.inputKeep());
    assertMaskedAreZero("recurrent.weight", wrec, s.recurrentKeep());
    assertMaskedAreZero("output.weight", wout, s.outputKeep());
    for (int i = 0; i < H; i++) {
      for (int k = 0; k < c.gates(); k++) {
        assertThat(Float.floatToRawIntBits(wrec[i * width + k * H + i]))
            .as("no autapse: recurrent.weight[%d, %d] is +0", i, k * H + i)
            .isZero();
      }
    }
    assertFrozenUnchanged("input.weight", before, after, s.inputFrozen());
    assertFrozenUnchanged("recurrent.weight", before, after, s.recurrentFrozen());
    assertFrozenUnchanged("output.weight", before, after, s.outputFrozen());
    assertSomeFreeEntryMoved(
        "recurrent.weight", before, after, s.recurrentKeep(), s.recurrentFrozen());
    if (c.dale()) {
      for (float v : win) {
        assertThat(v)
            .as("input weights are non-negative under Dale's law")
            .isGreaterThanOrEqualTo(0f);
      }
      for (int i = 0; i < H; i++) {
        for (int j = 0; j < H; j++) {
          float v = wrec[i * H + j];
          if (i < EXCITATORY) {
            assertThat(v).as("excitatory unit %d to %d", i, j).isGreaterThanOrEqualTo(0f);
          } else {
            assertThat(v).as("inhibitory unit %d to %d", i, j).isLessThanOrEqualTo(0f);
          }
        }
        for (int o = 0; o < O; o++) {
          float v = wout[i * O + o];
          if (i < EXCITATORY) {
            assertThat(v).as("readout from excitatory unit %d", i).isGreaterThanOrEqualTo(0f);
          } else {
            assertThat(Float.floatToRawIntBits(v))
                .as("inhibitory unit %d does not drive output %d", i, o)
                .isZero();
          }
        }
      }
    }
  }

  private static void assertMaskedAreZero(String name, float[] w, boolean[] keep) {
    assertThat(w).as(name).hasSize(keep.length);
    for (int i = 0; i < w.length; i++) {
      if (!keep[i]) {
        assertThat(Float.floatToRawIntBits(w[i])).as("%s entry %d is masked: +0", name, i).isZero();
      }
    }
  }

  private static void assertFrozenUnchanged(
      String name, Map<String, float[]> before, Map<String, float[]> after, boolean[] frozen) {
    float[] b = before.get(name);
    float[] a = after.get(name);
    int frozenCount = 0;
    for (int i = 0; i < a.length; i++) {
      if (frozen[i]) {
        frozenCount++;
        assertThat(Float.floatToRawIntBits(a[i]))
            .as("%s entry %d is frozen at %s", name, i, b[i])
            .isEqualTo(Float.floatToRawIntBits(b[i]));
      }
    }
    assertThat(frozenCount).as("%s has frozen entries", name).isPositive();
  }

  private static void assertSomeFreeEntryMoved(
      String name,
      Map<String, float[]> before,
      Map<String, float[]> after,
      boolean[] keep,
      boolean[] frozen) {
    float[] b = before.get(name);
    float[] a = after.get(name);
    boolean moved = false;
    for (int i = 0; i < a.length; i++) {
      moved |= keep[i] && !frozen[i] && a[i] != b[i];
    }
    assertThat(moved).as("training changed some free entry of %s", name).isTrue();
  }

  // ---- every code path reads the constrained matrices ------------------------------------------

  /**
   * A constrained network computes exactly what the same model without constraints computes with
   * the effective matrices as its parameters: forward (with and without noise, the gated cells'
   * fused and manual paths), step and readout.
   */
  @ParameterizedTest
  @MethodSource("allCases")
  void forwardStepAndReadoutUseTheEffectiveMatrices(Case c) {
    Setup s = everything(c);
    RecurrentNetwork constrained = build(c, s.settings(), 3);
    Nets.randomise(constrained, 0.5, 11);
    Map<String, Object> plain = new HashMap<>(c.settings());
    plain.put("hidden", H);
    RecurrentNetwork reference = build(c, plain, 3);
    effective(constrained).forEach((k, v) -> reference.parameters().get(k).set(v));

    SplittableRandom random = new SplittableRandom(12);
    NDArray x = Nets.array(manager, Nets.gaussian(random, 2 * 5 * I, 1), 2, 5, I);
    int n = constrained.hiddenSize();
    NDArray h = Nets.array(manager, Nets.gaussian(random, 2 * n, 0.5), 2, n);
    NDArray x0 = x.get(":, 0, :");
    // Inside a collector, as in training, so that the effective matrices carry gradients like the
    // reference's parameters: outside one, PyTorch's fused GRU picks another kernel for weights
    // without gradients, which rounds differently in the last bit.
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      for (boolean noisy : new boolean[] {false, true}) {
        Noise a = noisy ? new SeededNoise(5) : Noise.NONE;
        Noise b = noisy ? new SeededNoise(5) : Noise.NONE;
        SequenceOutput ya = constrained.forward(x, constrained.initialState(2, manager), a);
        SequenceOutput yb = reference.forward(x, reference.initialState(2, manager), b);
        assertThat(ya.hidden().toFloatArray()).isEqualTo(yb.hidden().toFloatArray());
        assertThat(ya.outputs().toFloatArray()).isEqualTo(yb.outputs().toFloatArray());
      }
      assertThat(constrained.step(h, x0, Noise.NONE).toFloatArray())
          .isEqualTo(reference.step(h, x0, Noise.NONE).toFloatArray());
      assertThat(constrained.readout(h).toFloatArray())
          .isEqualTo(reference.readout(h).toFloatArray());
    }
    NetworkContract.assertStepMatchesForward(constrained, I);
  }

  @ParameterizedTest
  @MethodSource("allCases")
  void withoutConstraintsTheEffectiveParametersAreTheParametersThemselves(Case c) {
    Map<String, Object> plain = new HashMap<>(c.settings());
    plain.put("hidden", H);
    RecurrentNetwork net = build(c, plain, 1);
    Map<String, NDArray> effective = net.effectiveParameters(manager);
    assertThat(effective.keySet()).containsExactlyElementsOf(net.parameters().keySet());
    effective.forEach((k, v) -> assertThat(v).as(k).isSameAs(net.parameters().get(k)));
  }

  // ---- whole matrices frozen -------------------------------------------------------------------

  @Test
  void aMatrixThatIsNotTrainedKeepsItsInitialValuesAndGetsNoGradient() {
    Map<String, Object> settings =
        Map.of(
            "hidden",
            H,
            "trainRecurrent",
            false,
            "trainInput",
            false,
            "dale",
            true,
            "excitatoryFraction",
            0.75);
    RecurrentNetwork net = Nets.build(new LeakyRnn(), SHAPE, settings, 1, manager);
    Map<String, float[]> before = effective(net);
    float[] rawRecurrent = net.parameters().get("recurrent.weight").toFloatArray();

    Map<String, Boolean> moved = train(net, 300);

    Map<String, float[]> after = effective(net);
    assertThat(moved).containsEntry("recurrent.weight", false).containsEntry("input.weight", false);
    assertThat(moved).containsEntry("output.weight", true).containsEntry("recurrent.bias", true);
    assertThat(after.get("recurrent.weight")).isEqualTo(before.get("recurrent.weight"));
    assertThat(after.get("input.weight")).isEqualTo(before.get("input.weight"));
    assertThat(net.parameters().get("recurrent.weight").toFloatArray()).isEqualTo(rawRecurrent);
    assertThat(after.get("output.weight")).isNotEqualTo(before.get("output.weight"));
  }

  /**
   * Adam on a random regression target, {@code steps} times, asserting every gradient finite.
   *
   * @return per parameter, whether it ever received a non-zero gradient
   */
  private Map<String, Boolean> train(RecurrentNetwork net, int steps) {
    SplittableRandom random = new SplittableRandom(9);
    Map<String, Boolean> moved = new LinkedHashMap<>();
    Map<String, double[][]> adam = new HashMap<>();
    net.parameters().keySet().forEach(k -> moved.put(k, false));
    for (int step = 1; step <= steps; step++) {
      try (NDManager sub = manager.newSubManager()) {
        NDArray x = Nets.array(sub, Nets.gaussian(random, 4 * 10 * I, 1), 4, 10, I);
        NDArray y = Nets.array(sub, Nets.gaussian(random, 4 * 10 * O, 0.5), 4, 10, O);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          SequenceOutput out = net.forward(x, net.initialState(4, sub), Noise.NONE);
          collector.backward(out.outputs().sub(y).square().mean());
        }
        for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
          float[] grad;
          try (NDArray g = e.getValue().getGradient()) {
            grad = g.toFloatArray();
            g.subi(g);
          }
          double[][] state = adam.computeIfAbsent(e.getKey(), k -> new double[2][grad.length]);
          float[] values = e.getValue().toFloatArray();
          double rate = 0.01 * Math.sqrt(1 - Math.pow(0.999, step)) / (1 - Math.pow(0.9, step));
          for (int i = 0; i < grad.length; i++) {
            if (!Float.isFinite(grad[i])) {
              throw new AssertionError("gradient of " + e.getKey() + " is " + grad[i]);
            }
            if (grad[i] != 0) {
              moved.put(e.getKey(), true);
            }
            state[0][i] = 0.9 * state[0][i] + 0.1 * grad[i];
            state[1][i] = 0.999 * state[1][i] + 0.001 * grad[i] * grad[i];
            values[i] -= (float) (rate * state[0][i] / (Math.sqrt(state[1][i]) + 1e-8));
          }
          e.getValue().set(values);
        }
      }
    }
    return moved;
  }

  // ---- Dale's law: initialisation and bad settings ---------------------------------------------

  /** PsychRNN's balance: inhibitory rows of the drawn matrix are scaled by N_E/N_I = 6/2. */
  @ParameterizedTest
  @MethodSource("rateCases")
  void daleScalesTheDrawnInhibitoryRowsByTheRatioOfExcitatoryToInhibitoryUnits(Case c) {
    Map<String, Object> plain = new HashMap<>(c.settings());
    plain.put("hidden", H);
    Map<String, Object> dale = new HashMap<>(plain);
    dale.put("dale", true);
    dale.put("excitatoryFraction", 0.75);
    float[] drawn = build(c, plain, 4).parameters().get("recurrent.weight").toFloatArray();
    RecurrentNetwork net = build(c, dale, 4);
    float[] balanced = net.parameters().get("recurrent.weight").toFloatArray();
    for (int i = 0; i < H * H; i++) {
      float expected = i < EXCITATORY * H ? drawn[i] : (float) (drawn[i] * 3.0);
      assertThat(balanced[i]).isEqualTo(expected);
    }
    float[] effective = effective(net).get("recurrent.weight");
    for (int i = 0; i < H * H; i++) {
      assertThat(effective[i])
          .isEqualTo(i < EXCITATORY * H ? Math.abs(balanced[i]) : -Math.abs(balanced[i]));
    }
  }

  @Test
  void daleMustLeaveAnExcitatoryUnit() {
    assertThatThrownBy(
            () ->
                Nets.build(
                    new LeakyRnn(),
                    SHAPE,
                    Map.of("hidden", H, "dale", true, "excitatoryFraction", 0.1),
                    1,
                    manager))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("excitatoryFraction 0.1 leaves no excitatory unit among 8");
    assertThatThrownBy(
            () ->
                Nets.build(
                    new LeakyRnn(),
                    SHAPE,
                    Map.of("hidden", H, "excitatoryFraction", 0.0),
                    1,
                    manager))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("excitatoryFraction must lie in (0, 1]");
  }

  @Test
  void allExcitatoryUnitsAllDriveTheOutput() {
    RecurrentNetwork net =
        Nets.build(
            new VanillaRnn(),
            SHAPE,
            Map.of("hidden", H, "dale", true, "excitatoryFraction", 1.0),
            1,
            manager);
    Map<String, float[]> e = effective(net);
    for (String name : List.of("input.weight", "recurrent.weight", "output.weight")) {
      float[] raw = net.parameters().get(name).toFloatArray();
      for (int i = 0; i < raw.length; i++) {
        assertThat(e.get(name)[i]).as(name).isEqualTo(Math.abs(raw[i]));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("gatedCases")
  void gatedCellsOfferNoDalesLaw(Case c) {
    assertThatThrownBy(() -> ComponentContract.parameters(c.model(), Map.of("dale", true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown parameter 'dale'");
  }

  @Test
  void theNeuralOdeDeclaresNoConstraints() {
    List<String> names = new NeuralOde().parameters().stream().map(p -> p.name()).toList();
    assertThat(names)
        .doesNotContain(
            "dale",
            "autapses",
            "inputConnectivity",
            "recurrentConnectivity",
            "outputConnectivity",
            "fixedRecurrent",
            "trainRecurrent");
  }

  // ---- mask files ------------------------------------------------------------------------------

  @Test
  void booleanIntegerAndFloatMasksOfTheSamePatternAreTheSame() {
    boolean[] pattern = NpyFiles.pattern(H * H, 0.5, 8);
    long[] ints = new long[pattern.length];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = pattern[i] ? 1 : 0;
    }
    Path[] files = {
      NpyFiles.bool(temp.resolve("b.npy"), H, H, pattern),
      NpyFiles.int64(temp.resolve("i.npy"), H, H, ints),
      NpyFiles.float32(temp.resolve("f.npy"), H, H, pattern)
    };
    float[] first = null;
    for (Path file : files) {
      RecurrentNetwork net =
          Nets.build(
              new LeakyRnn(),
              SHAPE,
              Map.of("hidden", H, "recurrentConnectivity", file(file)),
              1,
              manager);
      float[] w = effective(net).get("recurrent.weight");
      float[] raw = net.parameters().get("recurrent.weight").toFloatArray();
      for (int i = 0; i < w.length; i++) {
        assertThat(w[i]).isEqualTo(pattern[i] ? raw[i] : 0f);
      }
      if (first == null) {
        first = w;
      }
      assertThat(w).isEqualTo(first);
    }
  }

  @Test
  void aMaskOfTheWrongShapeNamesTheParameterTheFileAndBothShapes() {
    Path file = NpyFiles.float32(temp.resolve("rec.npy"), H, H - 1, new double[H * (H - 1)]);
    assertThatThrownBy(
            () ->
                Nets.build(
                    new LeakyRnn(),
                    SHAPE,
                    Map.of("hidden", H, "recurrentConnectivity", file(file)),
                    1,
                    manager))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recurrentConnectivity (" + file(file) + ")")
        .hasMessageContaining("must have the shape of recurrent.weight, [8, 8], but it is [8, 7]");
    assertThatThrownBy(
            () ->
                Nets.build(
                    new Gru(),
                    SHAPE,
                    Map.of("hidden", H, "fixedRecurrent", file(file)),
                    1,
                    manager))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fixedRecurrent (")
        .hasMessageContaining(
            "[8, 8] (one block, used for each of the 3 gates) or [8, 24] (the gates side by"
                + " side), but it is [8, 7]");
    Path output = NpyFiles.float32(temp.resolve("out.npy"), O, H, new double[H * O]);
    assertThatThrownBy(
            () ->
                Nets.build(
                    new Lstm(),
                    SHAPE,
                    Map.of("hidden", H, "outputConnectivity", file(output)),
                    1,
                    manager))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output.weight, [8, 3], but it is [3, 8]");
  }

  @Test
  void masksHoldOnlyZerosAndOnesInCOrderLittleEndianTwoDimensionalArrays() {
    double[] values = new double[H * H];
    values[9] = 0.5;
    assertRefused(NpyFiles.float32(temp.resolve("half.npy"), H, H, values), "holds 0.5 at [1, 1]");
    assertRefused(
        NpyFiles.write(temp.resolve("fortran.npy"), "<f4", true, H, H, new byte[4 * H * H]),
        "Fortran order");
    assertRefused(
        NpyFiles.write(temp.resolve("big.npy"), ">f4", false, H, H, new byte[4 * H * H]),
        "big-endian");
    Path text = temp.resolve("mask.csv");
    try {
      java.nio.file.Files.writeString(text, "1,0\n0,1\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertRefused(text, "is not a .npy file");
  }

  private void assertRefused(Path file, String reason) {
    assertThatThrownBy(
            () ->
                Nets.build(
                    new LeakyRnn(),
                    SHAPE,
                    Map.of("hidden", H, "recurrentConnectivity", file(file)),
                    1,
                    manager))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recurrentConnectivity (" + file(file) + ")")
        .hasMessageContaining(reason);
  }

  @Test
  void aMissingMaskFileIsRefusedWhenTheParametersAreBound() {
    assertThatThrownBy(
            () ->
                ComponentContract.parameters(
                    new LeakyRnn(),
                    Map.of("recurrentConnectivity", file(temp.resolve("absent.npy")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recurrentConnectivity")
        .hasMessageContaining("absent.npy does not exist");
  }
}
