package org.rnnlab.plugins.dynamics.fixedpoints;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;

/** Small maps with known fixed points, as {@link RecurrentNetwork}s with trainable parameters. */
final class TestSystems {

  private TestSystems() {}

  /**
   * {@code F(h, u) = h·Aᵀ + u·Bᵀ + c} (row vectors), so {@code ∂F/∂h = A}, {@code ∂F/∂u = B} and
   * the fixed point for input u is {@code (I − A)⁻¹(B u + c)}.
   */
  static RecurrentNetwork linear(double[][] a, double[][] b, double[] c, NDManager manager) {
    Map<String, NDArray> p = new LinkedHashMap<>();
    p.put("a.transposed", manager.create(transpose(a)));
    p.put("b.transposed", manager.create(transpose(b)));
    p.put("c", manager.create(toFloat(c)));
    p.values().forEach(x -> x.setRequiresGradient(true));
    return new MapNetwork(a.length, p) {
      @Override
      public NDArray step(NDArray h, NDArray x, Noise noise) {
        return h.matMul(p.get("a.transposed")).add(x.matMul(p.get("b.transposed"))).add(p.get("c"));
      }
    };
  }

  /**
   * Per dimension {@code h' = h + dt·w⊙(h − h³) + u}, with a trainable gain {@code w} that starts
   * at 1: with u = 0 each dimension has attractors at ±1 (multiplier {@code 1 − 2·dt}) and a
   * repeller at 0 (multiplier {@code 1 + dt}).
   */
  static RecurrentNetwork bistable(int dimensions, double dt, NDManager manager) {
    Map<String, NDArray> p = new LinkedHashMap<>();
    p.put("gain", manager.ones(new Shape(dimensions)));
    p.values().forEach(x -> x.setRequiresGradient(true));
    NDArray step = manager.create((float) dt);
    return new MapNetwork(dimensions, p) {
      @Override
      public NDArray step(NDArray h, NDArray x, Noise noise) {
        NDArray cubic = h.sub(h.mul(h).mul(h));
        return h.add(cubic.mul(p.get("gain")).mul(step)).add(x);
      }
    };
  }

  private abstract static class MapNetwork implements RecurrentNetwork {
    private final int size;
    private final Map<String, NDArray> parameters;

    MapNetwork(int size, Map<String, NDArray> parameters) {
      this.size = size;
      this.parameters = parameters;
    }

    @Override
    public int hiddenSize() {
      return size;
    }

    @Override
    public Map<String, NDArray> parameters() {
      return parameters;
    }

    @Override
    public NDArray initialState(int batchSize, NDManager manager) {
      return manager.zeros(new Shape(batchSize, size));
    }

    @Override
    public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
      NDArray h = h0;
      NDList states = new NDList();
      for (int t = 0; t < inputs.getShape().get(1); t++) {
        h = step(h, inputs.get(":, " + t + ", :"), noise);
        states.add(h);
      }
      NDArray all = NDArrays.stack(states, 1);
      return new SequenceOutput(readout(all), all);
    }

    @Override
    public NDArray readout(NDArray h) {
      return h;
    }
  }

  static float[][] transpose(double[][] m) {
    float[][] t = new float[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        t[j][i] = (float) m[i][j];
      }
    }
    return t;
  }

  static float[] toFloat(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
