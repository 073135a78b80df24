package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.testkit.SeededNoise;

/**
 * Runs made with {@code leaky-rnn} and {@code rnn} before the model zoo was added stay
 * bit-identical: the same initial weights from the same seed, and a forward pass made of the same
 * operations in the same order.
 */
class BitIdentityTest {

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

  /**
   * {@code Arrays.hashCode} of every parameter, in order, as the first version of the plugin
   * (commit c886f66) drew them with hidden 8 and {@code SplittableRandom(1)}.
   */
  static Stream<Arguments> firstVersionWeights() {
    return Stream.of(
        Arguments.of(
            new LeakyRnn(),
            Map.of("hidden", 8),
            List.of(-1316413464, 102119483, -782307989, -989543347, 527970967, -478109661)),
        Arguments.of(
            new LeakyRnn(),
            Map.of(
                "hidden",
                8,
                "activation",
                "tanh",
                "noise",
                0.1,
                "recurrentInit",
                "orthogonal",
                "recurrentGain",
                0.5),
            List.of(-1316413464, 102119483, 2007981897, -989543347, 527970967, -478109661)),
        Arguments.of(
            new LeakyRnn(),
            Map.of(
                "hidden",
                8,
                "recurrentInit",
                "gaussian",
                "recurrentGain",
                1.5,
                "tau",
                40,
                "activation",
                "softplus",
                "noise",
                0.05),
            List.of(-1316413464, 102119483, 1581294573, -989543347, 527970967, -478109661)),
        Arguments.of(
            new VanillaRnn(),
            Map.of("hidden", 8),
            List.of(-1316413464, 102119483, -782307989, -989543347, 527970967, -478109661)));
  }

  @ParameterizedTest
  @MethodSource("firstVersionWeights")
  void theSameSeedDrawsTheSameWeightsAsTheFirstVersion(
      Model model, Map<String, ?> overrides, List<Integer> hashes) {
    RecurrentNetwork net = Nets.build(model, SHAPE, overrides, 1, manager);
    List<Integer> actual = new ArrayList<>();
    net.parameters().values().forEach(p -> actual.add(Arrays.hashCode(p.toFloatArray())));
    assertThat(actual).isEqualTo(hashes);
  }

  static Stream<Arguments> firstVersionRuns() {
    return Stream.of(
        Arguments.of(new LeakyRnn(), Map.of("hidden", 8), 0.2, 0.0, "relu"),
        Arguments.of(
            new LeakyRnn(),
            Map.of("hidden", 8, "activation", "tanh", "noise", 0.1, "tau", 50),
            0.4,
            0.1,
            "tanh"),
        Arguments.of(
            new VanillaRnn(),
            Map.of("hidden", 8, "noise", 0.2, "activation", "relu"),
            1.0,
            0.2,
            "relu"));
  }

  /** The first version's forward pass, operation for operation. */
  @ParameterizedTest
  @MethodSource("firstVersionRuns")
  void theForwardPassIsTheFirstVersionsOperationForOperation(
      Model model, Map<String, ?> overrides, double alpha, double sigma, String activation) {
    RecurrentNetwork net = Nets.build(model, SHAPE, overrides, 1, manager);
    NDArray x = manager.randomNormal(new Shape(2, 6, 3));
    SequenceOutput actual = net.forward(x, net.initialState(2, manager), new SeededNoise(9));

    Map<String, NDArray> p = net.parameters();
    Activation f = Activation.named(activation);
    NDArray alphaArray = manager.create((float) alpha);
    NDArray scale = manager.create((float) (Math.sqrt(2 / alpha) * sigma));
    NDArray drive =
        x.matMul(p.get("input.weight")).add(p.get("input.bias")).add(p.get("recurrent.bias"));
    if (sigma > 0) {
      SeededNoise noise = new SeededNoise(9);
      NDList draws = new NDList();
      for (int t = 0; t < 6; t++) {
        draws.add(noise.standardNormal(new Shape(2, 8), manager));
      }
      drive = drive.add(NDArrays.stack(draws, 1).mul(scale));
    }
    NDList drives = drive.split(6, 1);
    NDList states = new NDList();
    NDArray h = manager.zeros(new Shape(2, 8)).expandDims(1);
    for (int t = 0; t < 6; t++) {
      NDArray rate = f.apply(h.matMul(p.get("recurrent.weight")).add(drives.get(t)));
      h = alpha < 1 ? h.add(rate.sub(h).mul(alphaArray)) : rate;
      states.add(h);
    }
    NDArray hidden = NDArrays.concat(states, 1);
    NDArray outputs = hidden.matMul(p.get("output.weight")).add(p.get("output.bias"));

    assertThat(actual.hidden().toFloatArray()).isEqualTo(hidden.toFloatArray());
    assertThat(actual.outputs().toFloatArray()).isEqualTo(outputs.toFloatArray());
  }
}
