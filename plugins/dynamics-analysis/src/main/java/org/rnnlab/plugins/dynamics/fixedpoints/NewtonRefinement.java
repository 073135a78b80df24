package org.rnnlab.plugins.dynamics.fixedpoints;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * Damped Newton (Levenberg–Marquardt) steps on {@code F(x, u) − x = 0} after the gradient search:
 * with {@code A = dF/dh − I} and {@code r = F(x, u) − x}, each point takes {@code δ} from {@code
 * (AᵀA + μI) δ = −Aᵀr}, kept only if it lowers q (then μ shrinks tenfold; otherwise μ grows tenfold
 * and the point stays). Near an isolated fixed point this converges quadratically, where Adam's
 * steps of roughly the learning rate stall; on a slow manifold ({@code A} nearly singular) the
 * damping keeps steps small, and a point that does not improve is left as the search ended it.
 */
final class NewtonRefinement {

  private static final double INITIAL_DAMPING = 1e-3;

  private NewtonRefinement() {}

  /**
   * Refines {@code states} in place for up to {@code steps} steps, updating {@code q}; points with
   * {@code q < tolQ} are left alone.
   */
  static void refine(
      RecurrentNetwork network,
      float[][] states,
      float[][] inputs,
      double[] q,
      int steps,
      double tolQ,
      NDManager manager) {
    int n = states.length;
    if (n == 0 || steps <= 0) {
      return;
    }
    int d = network.hiddenSize();
    double[] damping = new double[n];
    java.util.Arrays.fill(damping, INITIAL_DAMPING);
    float[][] f = step(network, states, inputs, manager);
    for (int b = 0; b < n; b++) {
      q[b] = q(f[b], states[b]);
    }
    for (int s = 0; s < steps; s++) {
      Jacobians jacobians = Jacobians.at(network, states, inputs, manager);
      float[][] candidates = new float[n][];
      for (int b = 0; b < n; b++) {
        if (q[b] < tolQ) {
          candidates[b] = states[b];
          continue;
        }
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        DMatrixRMaj r = new DMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
          for (int k = 0; k < d; k++) {
            a.set(i, k, jacobians.dFdh()[b][i][k] - (i == k ? 1 : 0));
          }
          r.set(i, 0, (double) f[b][i] - states[b][i]);
        }
        DMatrixRMaj normal = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(a, a, normal);
        for (int i = 0; i < d; i++) {
          normal.add(i, i, damping[b]);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.multTransA(a, r, rhs);
        CommonOps_DDRM.scale(-1, rhs);
        DMatrixRMaj delta = new DMatrixRMaj(d, 1);
        if (!CommonOps_DDRM.solve(normal, rhs, delta)) {
          candidates[b] = states[b];
          continue;
        }
        float[] c = new float[d];
        for (int i = 0; i < d; i++) {
          c[i] = (float) (states[b][i] + delta.get(i, 0));
        }
        candidates[b] = c;
      }
      float[][] fc = step(network, candidates, inputs, manager);
      for (int b = 0; b < n; b++) {
        if (candidates[b] == states[b]) {
          continue;
        }
        double qc = q(fc[b], candidates[b]);
        if (qc < q[b]) {
          states[b] = candidates[b];
          f[b] = fc[b];
          q[b] = qc;
          damping[b] = Math.max(damping[b] / 10, 1e-12);
        } else {
          damping[b] = Math.min(damping[b] * 10, 1e12);
        }
      }
    }
  }

  private static double q(float[] f, float[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double e = (double) f[i] - x[i];
      sum += e * e;
    }
    return 0.5 * sum;
  }

  /** F(x, u) for every row, without gradients. */
  private static float[][] step(
      RecurrentNetwork network, float[][] states, float[][] inputs, NDManager manager) {
    int n = states.length;
    int d = network.hiddenSize();
    int inputSize = inputs[0].length;
    try (NDManager m = manager.newSubManager();
        FrozenParameters frozen = FrozenParameters.of(network)) {
      NDArray h = m.create(FixedPointSearch.flatten(states, d), new Shape(n, d));
      NDArray u = m.create(FixedPointSearch.flatten(inputs, inputSize), new Shape(n, inputSize));
      float[] out = network.step(h, u, Noise.NONE).toFloatArray();
      float[][] rows = new float[n][];
      for (int b = 0; b < n; b++) {
        rows[b] = java.util.Arrays.copyOfRange(out, b * d, (b + 1) * d);
      }
      return rows;
    }
  }
}
