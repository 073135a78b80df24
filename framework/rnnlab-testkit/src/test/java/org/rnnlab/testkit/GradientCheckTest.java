package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.testkit.GradientCheck.LossSample;
import org.rnnlab.testkit.NetworkContractTest.TinyRnn;

class GradientCheckTest {

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
   * A leaky ReLU network with biases and a trainable noise amplitude: {@code h' = (1 − α)h +
   * α·relu(xU + hW + b + σξ)}, {@code y = hV + c}, α = 0.2. Its constants are arrays, so it is safe
   * under a gradient collector.
   */
  static class LeakyReluRnn implements RecurrentNetwork {
    final Map<String, NDArray> parameters = new LinkedHashMap<>();
    final NDArray alpha;
    final NDArray keep;

    LeakyReluRnn(NDManager manager, int in, int hidden, int out) {
      // Seeded in Java, so every test sees the same network (the engine's generator is not).
      java.util.SplittableRandom random = new java.util.SplittableRandom(7);
      parameters.put("u", gaussian(manager, random, 0.6, in, hidden));
      parameters.put("w", gaussian(manager, random, 0.6, hidden, hidden));
      parameters.put("b", gaussian(manager, random, 0.6, hidden));
      parameters.put("sigma", manager.create(new float[] {0.3f}));
      parameters.put("v", gaussian(manager, random, 0.6, hidden, out));
      parameters.put("c", gaussian(manager, random, 0.6, out));
      parameters.values().forEach(p -> p.setRequiresGradient(true));
      alpha = manager.create(0.2f);
      keep = manager.create(0.8f);
    }

    private static NDArray gaussian(
        NDManager manager, java.util.SplittableRandom random, double std, long... shape) {
      Shape s = new Shape(shape);
      float[] values = new float[Math.toIntExact(s.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (std * random.nextGaussian());
      }
      return manager.create(values, s);
    }

    NDArray p(String name) {
      return parameters.get(name);
    }

    @Override
    public int hiddenSize() {
      return (int) p("w").getShape().get(0);
    }

    @Override
    public Map<String, NDArray> parameters() {
      return parameters;
    }

    @Override
    public NDArray initialState(int batchSize, NDManager m) {
      return m.zeros(new Shape(batchSize, hiddenSize()));
    }

    @Override
    public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
      int steps = (int) inputs.getShape().get(1);
      NDList states = new NDList();
      NDArray h = h0;
      for (int t = 0; t < steps; t++) {
        h = step(h, inputs.get(":, " + t + ", :"), noise);
        states.add(h);
      }
      NDArray hidden = NDArrays.stack(states, 1);
      return new SequenceOutput(readout(hidden), hidden);
    }

    @Override
    public NDArray step(NDArray h, NDArray x, Noise noise) {
      NDArray drive = x.matMul(p("u")).add(recurrent(h)).add(p("b"));
      if (noise.enabled()) {
        drive = drive.add(noise.standardNormal(h.getShape(), x.getManager()).mul(p("sigma")));
      }
      return h.mul(keep).add(drive.maximum(drive.zerosLike()).mul(alpha));
    }

    NDArray recurrent(NDArray h) {
      return h.matMul(p("w"));
    }

    @Override
    public NDArray readout(NDArray h) {
      return h.matMul(p("v")).add(p("c"));
    }
  }

  // ------------------------------------------------------------------ networks

  @Test
  void aCorrectTanhNetworkPasses() {
    TinyRnn net = new TinyRnn(manager, 2, 4, 2);
    assertThatCode(() -> GradientCheck.assertNetworkGradients(net, 2)).doesNotThrowAnyException();
  }

  @Test
  void aCorrectLeakyReluNetworkWithBiasesAndTrainableNoisePasses() {
    for (long seed = 1; seed <= 3; seed++) {
      LeakyReluRnn net = new LeakyReluRnn(manager, 3, 5, 2);
      GradientCheck.Settings settings = GradientCheck.Settings.standard().withSeed(seed);
      assertThatCode(() -> GradientCheck.assertNetworkGradients(net, 3, 3, 6, settings))
          .as("seed %d", seed)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aNetworkThatCutsBackpropagationThroughTimeIsCaught() {
    RecurrentNetwork truncated =
        new LeakyReluRnn(manager, 2, 4, 2) {
          @Override
          NDArray recurrent(NDArray h) {
            return h.stopGradient().matMul(p("w")); // the gradient no longer flows to earlier steps
          }
        };
    // Its values are right: only the gradient is wrong.
    NetworkContract.assertStepMatchesForward(truncated, 2);
    assertThatThrownBy(() -> GradientCheck.assertNetworkGradients(truncated, 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("network forward without noise: gradient of parameter 'u'")
        .hasMessageContaining("autograd gives")
        .hasMessageContaining("central differences give");
  }

  @Test
  void aReadoutWhoseWeightsStopTheGradientIsCaughtByName() {
    RecurrentNetwork frozen =
        new LeakyReluRnn(manager, 2, 4, 2) {
          @Override
          public NDArray readout(NDArray h) {
            return h.matMul(p("v").stopGradient()).add(p("c"));
          }
        };
    assertThatThrownBy(() -> GradientCheck.assertNetworkGradients(frozen, 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("gradient of parameter 'v' along random direction 1")
        .hasMessageContaining("autograd gives 0.00000");
  }

  @Test
  void aGradientOfTheWrongScaleIsCaught() {
    // y = hV + (hV − stop(hV)): the right value, twice the gradient through the readout.
    RecurrentNetwork doubled =
        new LeakyReluRnn(manager, 2, 4, 2) {
          @Override
          public NDArray readout(NDArray h) {
            NDArray y = super.readout(h);
            return y.add(y.sub(y.stopGradient()));
          }
        };
    assertThatThrownBy(() -> GradientCheck.assertNetworkGradients(doubled, 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("network forward without noise: gradient of parameter 'u'")
        .hasMessageContaining("the autograd gradient's direction");
  }

  @Test
  void aStepWhoseGraphDiffersFromForwardIsCaughtOnTheStepPath() {
    LeakyReluRnn honest = new LeakyReluRnn(manager, 2, 4, 2);
    RecurrentNetwork stepDetaches =
        new LeakyReluRnn(manager, 2, 4, 2) {
          {
            parameters.clear();
            parameters.putAll(honest.parameters());
          }

          @Override
          public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
            return honest.forward(inputs, h0, noise);
          }

          @Override
          NDArray recurrent(NDArray h) {
            return h.stopGradient().matMul(p("w"));
          }
        };
    NetworkContract.assertStepMatchesForward(stepDetaches, 2);
    assertThatThrownBy(() -> GradientCheck.assertNetworkGradients(stepDetaches, 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("network step without noise");
  }

  @Test
  void theNoisePathIsCheckedToo() {
    // The noise amplitude's gradient is cut only when noise is on.
    RecurrentNetwork noisy =
        new LeakyReluRnn(manager, 2, 4, 2) {
          @Override
          public NDArray step(NDArray h, NDArray x, Noise noise) {
            NDArray drive = x.matMul(p("u")).add(recurrent(h)).add(p("b"));
            if (noise.enabled()) {
              NDArray xi = noise.standardNormal(h.getShape(), x.getManager());
              drive = drive.add(xi.mul(p("sigma").stopGradient()));
            }
            return h.mul(keep).add(drive.maximum(drive.zerosLike()).mul(alpha));
          }
        };
    assertThatThrownBy(() -> GradientCheck.assertNetworkGradients(noisy, 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("network forward with noise: gradient of parameter 'sigma'");
  }

  @Test
  void leavesTheParametersExactlyAsTheyWereWithZeroGradients() {
    LeakyReluRnn net = new LeakyReluRnn(manager, 2, 4, 2);
    Map<String, float[]> before = new LinkedHashMap<>();
    net.parameters().forEach((k, v) -> before.put(k, v.toFloatArray()));
    GradientCheck.assertNetworkGradients(net, 2);
    net.parameters()
        .forEach(
            (k, v) -> {
              assertThat(v.toFloatArray()).as(k).isEqualTo(before.get(k));
              try (NDArray g = v.getGradient()) {
                assertThat(g.toFloatArray()).as("gradient of %s", k).containsOnly(0f);
              }
            });
  }

  // ------------------------------------------------------------------ losses

  /** Masked MSE on the controlled variable + mean squared latent + L2 on every parameter. */
  static NDArray regularisedMse(ForwardResult r) {
    NDArray squared = r.controlled().sub(r.targets()).square();
    if (r.outputWeights() != null) {
      squared = squared.mul(r.outputWeights());
    }
    NDArray mask = r.mask();
    NDArray data = squared.mean(new int[] {2}).mul(mask).sum().div(mask.sum());
    NDArray total = data.add(r.hidden().square().mean());
    for (NDArray p : r.parameters().values()) {
      total = total.add(p.square().sum());
    }
    return total;
  }

  /** Masked cross-entropy on class targets. */
  static NDArray crossEntropy(ForwardResult r) {
    NDArray index = r.classTargets().toType(DataType.INT64, false).expandDims(2);
    NDArray logLikelihood = r.outputs().logSoftmax(2).gather(index, 2).squeeze(2);
    return logLikelihood.mul(r.mask()).sum().div(r.mask().sum()).neg();
  }

  @Test
  void correctLossesPassOnEveryKindOfSample() {
    LossFunction mse = GradientCheckTest::regularisedMse;
    for (LossSample sample :
        List.of(
            LossSample.continuous(),
            LossSample.continuous().withOutputWeights(),
            LossSample.continuous().withSeparateControlled().withSeed(9))) {
      assertThatCode(() -> GradientCheck.assertLossGradients(mse, sample))
          .as("%s", sample)
          .doesNotThrowAnyException();
    }
    assertThatCode(
            () ->
                GradientCheck.assertLossGradients(
                    GradientCheckTest::crossEntropy, LossSample.classes()))
        .doesNotThrowAnyException();
  }

  @Test
  void aLossThatStopsTheGradientOfTheHiddenStatesIsCaughtByName() {
    LossFunction latentDetached =
        r -> regularisedMse(r).add(r.hidden().stopGradient().abs().mean());
    // The detached term changes the value, not the gradient: central differences see it.
    assertThatThrownBy(
            () -> GradientCheck.assertLossGradients(latentDetached, LossSample.continuous()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("loss: gradient of hidden");
  }

  @Test
  void aRegulariserWithTheWrongGradientIsCaughtByParameterName() {
    LossFunction halfGradient =
        r -> {
          NDArray l2 = r.parameters().get("bias").square().sum();
          // value l2, gradient half of it
          NDArray half = l2.add(l2.stopGradient()).div(l2.onesLike().add(l2.onesLike()));
          return r.outputs().sub(r.targets()).square().mean().add(half);
        };
    assertThatThrownBy(
            () -> GradientCheck.assertLossGradients(halfGradient, LossSample.continuous()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("loss: gradient of parameter 'bias'");
  }

  @Test
  void aLossThatIsNotAScalarIsRejected() {
    LossFunction perStep = r -> r.outputs().sub(r.targets()).square().mean(new int[] {2});
    assertThatThrownBy(() -> GradientCheck.assertLossGradients(perStep, LossSample.continuous()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("must return a scalar");
  }

  @Test
  void aHandMadeResultWithPiecewiseConstantTargetsCanBeChecked() {
    GradientCheck.assertLossGradients(
        GradientCheckTest::regularisedMse,
        m -> {
          ForwardResult random = LossSample.continuous().apply(m);
          float[] t = new float[3 * 6 * 2];
          for (int i = 0; i < t.length; i++) {
            t[i] = (i / 4) % 2; // steps of 0 and 1
          }
          return new ForwardResult(
              random.outputs(),
              random.hidden(),
              random.outputs(),
              m.create(t, new Shape(3, 6, 2)),
              null,
              m.ones(new Shape(3, 6)),
              random.parameters());
        },
        GradientCheck.Settings.standard());
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new GradientCheck.Settings(0, 1e-2, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stepSize");
    assertThatThrownBy(() -> new GradientCheck.Settings(0.01, 1, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relativeTolerance");
    assertThatThrownBy(() -> new GradientCheck.Settings(0.01, 1e-2, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("randomDirections");
    assertThatThrownBy(() -> new LossSample(3, 6, 1, 4, true, false, Map.of(), false, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 outputs");
  }
}
