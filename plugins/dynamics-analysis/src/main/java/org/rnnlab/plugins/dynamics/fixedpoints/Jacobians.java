package org.rnnlab.plugins.dynamics.fixedpoints;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * The Jacobians of a network's one-step update {@code F(h, u)} at many points, by autograd.
 *
 * <p>Points are independent, so row {@code i} of every point's Jacobians comes from one backward
 * pass of {@code Σ_b F_i(h_b, u_b)} over the whole batch: {@code hiddenSize} forward and backward
 * passes in all, whatever the number of points. The parameters are frozen meanwhile ({@link
 * FrozenParameters}); noise is off. Not thread-safe.
 *
 * @param dFdh {@code [point][i][k] = ∂F_i/∂h_k}
 * @param dFdu {@code [point][i][j] = ∂F_i/∂u_j}
 */
public record Jacobians(float[][][] dFdh, float[][][] dFdu) {

  /**
   * Computes both Jacobians at {@code (states[b], inputs[b])} for every b.
   *
   * @param manager parent of the temporary arrays (closed before returning)
   * @throws IllegalArgumentException if the arrays disagree in size
   */
  public static Jacobians at(
      RecurrentNetwork network, float[][] states, float[][] inputs, NDManager manager) {
    int n = states.length;
    int d = network.hiddenSize();
    if (inputs.length != n) {
      throw new IllegalArgumentException("got " + n + " states but " + inputs.length + " inputs");
    }
    if (n == 0) {
      return new Jacobians(new float[0][d][d], new float[0][d][0]);
    }
    int inputSize = inputs[0].length;
    float[][][] dFdh = new float[n][d][];
    float[][][] dFdu = new float[n][d][];
    try (NDManager m = manager.newSubManager();
        FrozenParameters frozen = FrozenParameters.of(network)) {
      NDArray h = m.create(FixedPointSearch.flatten(states, d), new Shape(n, d));
      NDArray u = m.create(FixedPointSearch.flatten(inputs, inputSize), new Shape(n, inputSize));
      // One-hot selectors, made before any collector opens (no Java numbers under autograd).
      NDList selectors = m.eye(d).split(d, 0);
      for (int i = 0; i < d; i++) {
        try (NDManager scratch = m.newSubManager()) {
          NDArray hi = h.duplicate();
          NDArray ui = u.duplicate();
          hi.attach(scratch);
          ui.attach(scratch);
          hi.setRequiresGradient(true);
          ui.setRequiresGradient(true);
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray f = network.step(hi, ui, Noise.NONE);
            collector.backward(f.mul(selectors.get(i)).sum());
          }
          float[] gh;
          float[] gu;
          try (NDArray gradH = hi.getGradient();
              NDArray gradU = ui.getGradient()) {
            gh = gradH.toFloatArray();
            gu = gradU.toFloatArray();
          }
          for (int b = 0; b < n; b++) {
            dFdh[b][i] = java.util.Arrays.copyOfRange(gh, b * d, (b + 1) * d);
            dFdu[b][i] = java.util.Arrays.copyOfRange(gu, b * inputSize, (b + 1) * inputSize);
          }
        }
      }
    }
    return new Jacobians(dFdh, dFdu);
  }
}
