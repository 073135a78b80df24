package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.testkit.NetworkContract;

/**
 * The option variants that change a model's computation graph and are not trained by the other
 * tests (ModelZooContractTest trains every model with its defaults, RateModelsTest leaky-rnn and
 * rnn, ConstraintsTest every constraint; SharedOptionsTest checks the bias and initial-state
 * options without training) keep every gradient finite over a few hundred Adam steps and learn: the
 * regression test for DJL's "Java number inside a gradient collector" trap on their code paths. A
 * case with {@code noise} runs with seeded noise (initial-state noise included), which takes the
 * gated cells' hand-written loop; the others run the fused one.
 */
class OptionVariantsTrainingTest {

  private static final NetworkShape SHAPE = new NetworkShape(3, 2, 20);

  /** Small and quick; any clear fall of the loss will do. */
  private static final NetworkContract.TrainingSetup TRAINING =
      new NetworkContract.TrainingSetup(8, 20, 0.01, 42L, 0.9);

  private NDManager manager;

  record Case(String name, Model model, Map<String, ?> settings, int steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "leaky-rnn softplus",
            new LeakyRnn(),
            Map.of("hidden", 8, "activation", "softplus"),
            300),
        new Case(
            "gru without biases (fused)",
            new Gru(),
            Map.of("hidden", 8, "inputBias", false, "recurrentBias", false),
            300),
        new Case(
            "lstm without biases, learned initial state (fused)",
            new Lstm(),
            Map.of(
                "hidden", 8, "inputBias", false, "recurrentBias", false, "initialState", "learned"),
            300),
        new Case(
            "lstm with noise and a learned noisy initial state (hand-written)",
            new Lstm(),
            Map.of("hidden", 8, "initialState", "learned", "latentIcVar", 0.1, "noise", 0.05),
            200));
  }

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void trainsForSeveralHundredStepsWithFiniteGradients(Case c) {
    RecurrentNetwork net = Nets.build(c.model(), SHAPE, c.settings(), 1, manager);
    if (c.settings().containsKey("noise")) {
      net = Nets.withNoise(net, 100);
    }
    NetworkContract.assertTrainsWithFiniteGradients(net, SHAPE.inputSize(), c.steps(), TRAINING);
  }
}
