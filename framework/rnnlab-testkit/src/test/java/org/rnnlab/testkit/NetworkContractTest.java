package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;

class NetworkContractTest {

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  /** h' = tanh(x·U + h·W + σξ), y = h·V: the smallest honest recurrent network. */
  static class TinyRnn implements RecurrentNetwork {
    final NDArray u;
    final NDArray w;
    final NDArray v;
    final NDArray sigma;

    TinyRnn(NDManager manager, int in, int hidden, int out) {
      NDArray scale = manager.create(0.5f);
      u = manager.randomNormal(new Shape(in, hidden)).mul(scale);
      w = manager.randomNormal(new Shape(hidden, hidden)).mul(scale);
      v = manager.randomNormal(new Shape(hidden, out)).mul(scale);
      sigma = manager.create(0.1f);
      for (NDArray p : List.of(u, w, v)) {
        p.setRequiresGradient(true);
      }
    }

    @Override
    public int hiddenSize() {
      return (int) w.getShape().get(0);
    }

    @Override
    public Map<String, NDArray> parameters() {
      Map<String, NDArray> p = new LinkedHashMap<>();
      p.put("u", u);
      p.put("w", w);
      p.put("v", v);
      return p;
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
      NDArray drive = x.matMul(u).add(h.matMul(w));
      if (noise.enabled()) {
        drive = drive.add(noise.standardNormal(h.getShape(), x.getManager()).mul(sigma));
      }
      return drive.tanh();
    }

    @Override
    public NDArray readout(NDArray h) {
      return h.matMul(v);
    }
  }

  @Test
  void anHonestNetworkPassesBothChecks() {
    TinyRnn net = new TinyRnn(manager, 2, 8, 2);
    assertThatCode(() -> NetworkContract.assertStepMatchesForward(net, 2))
        .doesNotThrowAnyException();
    List<Double> losses =
        NetworkContract.assertTrainsWithFiniteGradients(
            net, 2, 60, new NetworkContract.TrainingSetup(8, 20, 0.05, 3L, 0.9));
    assertThat(losses).hasSize(60);
  }

  @Test
  void aStepThatDisagreesWithForwardIsCaught() {
    TinyRnn honest = new TinyRnn(manager, 2, 8, 2);
    RecurrentNetwork forgetful =
        new TinyRnn(manager, 2, 8, 2) {
          @Override
          public NDArray step(NDArray h, NDArray x, Noise noise) {
            // forgets its state, but only when called step by step
            return super.step(h.zerosLike(), x, noise);
          }

          @Override
          public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
            return honest.forward(inputs, h0, noise);
          }
        };
    assertThatThrownBy(() -> NetworkContract.assertStepMatchesForward(forgetful, 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("forward gives");
  }

  @Test
  void noiseDrawnDifferentlyByStepAndForwardIsCaught() {
    RecurrentNetwork extraDraw =
        new TinyRnn(manager, 2, 8, 2) {
          @Override
          public NDArray step(NDArray h, NDArray x, Noise noise) {
            if (noise.enabled()) {
              noise.standardNormal(h.getShape(), x.getManager()); // one draw too many per step
            }
            return super.step(h, x, noise);
          }

          @Override
          public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
            int steps = (int) inputs.getShape().get(1);
            NDList states = new NDList();
            NDArray h = h0;
            for (int t = 0; t < steps; t++) {
              h = super.step(h, inputs.get(":, " + t + ", :"), noise);
              states.add(h);
            }
            NDArray hidden = NDArrays.stack(states, 1);
            return new SequenceOutput(readout(hidden), hidden);
          }
        };
    assertThatThrownBy(() -> NetworkContract.assertStepMatchesForward(extraDraw, 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("with noise");
  }

  @Test
  void parametersThatTheForwardPassDoesNotUseAreCaught() {
    TinyRnn real = new TinyRnn(manager, 2, 8, 2);
    RecurrentNetwork copying =
        new TinyRnn(manager, 2, 8, 2) {
          @Override
          public Map<String, NDArray> parameters() {
            Map<String, NDArray> p = new LinkedHashMap<>(super.parameters());
            p.put("stale", real.w); // a parameter the network never reads
            return p;
          }
        };
    assertThatThrownBy(
            () ->
                NetworkContract.assertTrainsWithFiniteGradients(
                    copying, 2, 20, new NetworkContract.TrainingSetup(4, 5, 0.01, 1L, 1.0)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("non-zero gradient");
  }
}
