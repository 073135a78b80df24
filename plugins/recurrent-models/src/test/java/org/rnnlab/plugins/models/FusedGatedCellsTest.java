package org.rnnlab.plugins.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;

/**
 * The gated cells' noise-free forward pass runs PyTorch's fused GRU/LSTM; with noise they run the
 * same cell by hand. With an enabled noise source that hands out zeros, the hand-written loop
 * computes the same function, so both paths must agree in values and in every gradient.
 */
class FusedGatedCellsTest {

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

  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of(new Gru(), Map.of()),
        Arguments.of(new Gru(), Map.of("inputBias", false, "initialState", "learned")),
        Arguments.of(new Lstm(), Map.of()),
        Arguments.of(new Lstm(), Map.of("recurrentBias", false, "initialState", "learned")));
  }

  /** Values and gradients of a loss on outputs and hidden states (so LSTM's c path counts). */
  private Map<String, float[]> run(RecurrentNetwork net, NDArray x, Noise noise) {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (NDManager sub = manager.newSubManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        SequenceOutput y = net.forward(x, net.initialState(4, sub), noise);
        NDArray loss = y.outputs().square().mean().add(y.hidden().square().mean());
        collector.backward(loss);
        out.put("outputs", y.outputs().toFloatArray());
        out.put("hidden", y.hidden().toFloatArray());
      }
      for (Map.Entry<String, NDArray> p : net.parameters().entrySet()) {
        try (NDArray g = p.getValue().getGradient()) {
          out.put("grad " + p.getKey(), g.toFloatArray());
          g.subi(g);
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cells")
  void theFusedAndTheHandWrittenPathsAgreeInValuesAndGradients(
      Model model, Map<String, ?> options) {
    Map<String, Object> all = new LinkedHashMap<>(options);
    all.put("hidden", 8);
    all.put("noise", 0.5); // only switches the hand-written path on; the draws are zeros
    RecurrentNetwork net = Nets.build(model, SHAPE, all, 1, manager);
    if (net.parameters().containsKey("initial.state")) {
      Nets.randomise(net, 0.5, 9); // a non-zero start, so the initial state gets gradients
    }
    NDArray x = manager.randomNormal(new Shape(4, 60, 3));
    Map<String, float[]> fused = run(net, x, Noise.NONE);
    Map<String, float[]> manual = run(net, x, Nets.ZEROS);
    assertThat(fused.keySet()).containsExactlyElementsOf(manual.keySet());
    for (String key : fused.keySet()) {
      float[] a = fused.get(key);
      float[] b = manual.get(key);
      double scale = 0;
      for (float v : b) {
        scale = Math.max(scale, Math.abs(v));
      }
      assertThat(scale).as("%s is not all zero", key).isPositive();
      for (int i = 0; i < a.length; i++) {
        assertThat(Math.abs(a[i] - b[i]))
            .as("%s element %d: fused %s, by hand %s", key, i, a[i], b[i])
            .isLessThanOrEqualTo((float) (1e-5 + 1e-4 * scale));
      }
    }
  }
}
