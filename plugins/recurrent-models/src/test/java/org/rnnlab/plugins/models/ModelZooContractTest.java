package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.NetworkContract;
import org.rnnlab.testkit.SeededNoise;

/** Every model of the plugin, in every convention, passes the testkit's network contract. */
class ModelZooContractTest {

  static final NetworkShape SHAPE = new NetworkShape(3, 3, 20);

  /** A model with small settings that switch its noise on where it has any. */
  record Case(String name, Model model, Map<String, ?> overrides) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Model> components() {
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

  static Stream<Case> cases() {
    return Stream.of(
        new Case("leaky-rnn yang", new LeakyRnn(), Map.of("hidden", 16, "noise", 0.1)),
        new Case(
            "leaky-rnn psychrnn",
            new LeakyRnn(),
            Map.of("hidden", 16, "noise", 0.1, "convention", "psychrnn")),
        new Case(
            "leaky-rnn cueva-wei",
            new LeakyRnn(),
            Map.of(
                "hidden",
                16,
                "noise",
                0.1,
                "convention",
                "cueva-wei",
                "activation",
                "tanh",
                "tau",
                200)),
        new Case("rnn", new VanillaRnn(), Map.of("hidden", 16, "noise", 0.1)),
        new Case("gru", new Gru(), Map.of("hidden", 16, "noise", 0.1)),
        new Case("noisy-gru", new NoisyGru(), Map.of("hidden", 16)),
        new Case("lstm", new Lstm(), Map.of("hidden", 16, "noise", 0.1)),
        new Case("driscoll-rnn", new DriscollRnn(), Map.of("hidden", 16)),
        new Case("neural-ode", new NeuralOde(), Map.of("hidden", 3, "layerWidth", 32)),
        new Case(
            "linear-dynamical-system",
            new LinearDynamicalSystem(),
            Map.of("hidden", 16, "noise", 0.1)));
  }

  /** The new models, for the training check (leaky-rnn yang and rnn have theirs already). */
  static Stream<Case> trainingCases() {
    return cases().filter(c -> !c.name().equals("leaky-rnn yang") && !c.name().equals("rnn"));
  }

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private RecurrentNetwork build(Case c, long seed) {
    return Nets.build(c.model(), SHAPE, c.overrides(), seed, manager);
  }

  @ParameterizedTest
  @MethodSource("components")
  void isWellDeclared(Model model) {
    ComponentContract.assertWellDeclared(model);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void forwardEqualsRepeatedStepWithAndWithoutNoise(Case c) {
    NetworkContract.assertStepMatchesForward(build(c, 1), SHAPE.inputSize());
  }

  @ParameterizedTest
  @MethodSource("trainingCases")
  void trainsForThreeHundredStepsWithFiniteGradients(Case c) {
    NetworkContract.assertTrainsWithFiniteGradients(build(c, 1), SHAPE.inputSize(), 300);
  }

  /**
   * The same check with the model's noise (and initial-state noise) switched on, which takes the
   * manual paths of the gated cells and every noise constant through autograd.
   */
  @ParameterizedTest
  @MethodSource("trainingCases")
  void trainsWithItsNoiseOnWithFiniteGradients(Case c) {
    RecurrentNetwork noisy = Nets.withNoise(build(c, 1), 100);
    NetworkContract.assertTrainsWithFiniteGradients(
        noisy, SHAPE.inputSize(), 200, new NetworkContract.TrainingSetup(8, 30, 0.01, 42L, 0.9));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theSameSeedGivesTheSameNetworkAndTheSameNoisyRun(Case c) {
    RecurrentNetwork a = build(c, 7);
    RecurrentNetwork b = build(c, 7);
    RecurrentNetwork other = build(c, 8);
    assertThat(a.parameters().keySet()).containsExactlyElementsOf(b.parameters().keySet());
    boolean anyDiffers = false;
    for (String name : a.parameters().keySet()) {
      float[] pa = a.parameters().get(name).toFloatArray();
      assertThat(pa).as(name).isEqualTo(b.parameters().get(name).toFloatArray());
      anyDiffers |= !java.util.Arrays.equals(pa, other.parameters().get(name).toFloatArray());
    }
    assertThat(anyDiffers).as("another seed gives other weights").isTrue();
    NDArray x = manager.randomNormal(new Shape(2, 5, 3));
    SequenceOutput ya = a.forward(x, a.initialState(2, manager), new SeededNoise(3));
    SequenceOutput yb = b.forward(x, b.initialState(2, manager), new SeededNoise(3));
    assertThat(ya.outputs().toFloatArray()).isEqualTo(yb.outputs().toFloatArray());
    assertThat(ya.hidden().toFloatArray()).isEqualTo(yb.hidden().toFloatArray());
  }

  /** Other helpers' regularisers and constraints find parameters by these names. */
  @ParameterizedTest
  @MethodSource("cases")
  void parametersFollowTheNamingConvention(Case c) {
    Set<String> roles = Set.of("input", "recurrent", "output", "initial", "vectorfield");
    RecurrentNetwork net = build(c, 1);
    for (String name : net.parameters().keySet()) {
      String role = name.substring(0, name.indexOf('.'));
      assertThat(roles).as("role of %s", name).contains(role);
      assertThat(name).matches("[a-z]+(\\.[A-Za-z0-9_]+)+");
      assertThat(name.endsWith(".weight") || name.endsWith(".bias") || name.equals("initial.state"))
          .as("%s is a weight, a bias or the initial state", name)
          .isTrue();
    }
    assertThat(net.parameters()).containsKey("output.weight");
    if (!c.name().equals("neural-ode")) {
      assertThat(net.parameters()).containsKeys("input.weight", "recurrent.weight");
    } else {
      assertThat(net.parameters())
          .containsKeys(
              "vectorfield.layer1.weight",
              "vectorfield.layer1.bias",
              "vectorfield.layer3.weight",
              "vectorfield.layer3.bias",
              "initial.state");
    }
    List<String> names = List.copyOf(net.parameters().keySet());
    assertThat(names.get(names.size() - 1))
        .as("the learned initial state comes last, when there is one")
        .isIn(net.parameters().containsKey("initial.state") ? Set.of("initial.state") : names);
  }
}
