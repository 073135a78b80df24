package org.rnnlab.plugins.dynamics.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.task.Trial;

/** Synthetic recordings with known structure for the similarity tests. */
final class Synthetic {

  private Synthetic() {}

  /** {@code x_{t+1} = M x_t + noise·ξ_t} from {@code x_0 ~ N(0, I)}, {@code [trial][step][dim]}. */
  static float[][][] linearSystem(
      DMatrixRMaj m, int trials, int steps, double noise, RandomGenerator random) {
    int n = m.numRows;
    float[][][] out = new float[trials][steps][n];
    double[] x = new double[n];
    double[] next = new double[n];
    for (int i = 0; i < trials; i++) {
      for (int j = 0; j < n; j++) {
        x[j] = random.nextGaussian();
      }
      for (int t = 0; t < steps; t++) {
        for (int j = 0; j < n; j++) {
          out[i][t][j] = (float) x[j];
        }
        for (int a = 0; a < n; a++) {
          double s = noise * random.nextGaussian();
          for (int b = 0; b < n; b++) {
            s += m.get(a, b) * x[b];
          }
          next[a] = s;
        }
        System.arraycopy(next, 0, x, 0, n);
      }
    }
    return out;
  }

  /** {@code y = W x + b} applied to every state; {@code W} is {@code rows × dim}. */
  static float[][][] affine(float[][][] x, double[][] w, double[] b) {
    float[][][] out = new float[x.length][][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new float[x[i].length][w.length];
      for (int t = 0; t < x[i].length; t++) {
        for (int r = 0; r < w.length; r++) {
          double s = b[r];
          for (int c = 0; c < w[r].length; c++) {
            s += w[r][c] * x[i][t][c];
          }
          out[i][t][r] = (float) s;
        }
      }
    }
    return out;
  }

  /** Independent standard normal states. */
  static float[][][] noise(int trials, int steps, int dims, RandomGenerator random) {
    float[][][] out = new float[trials][steps][dims];
    for (float[][] trial : out) {
      for (float[] state : trial) {
        for (int j = 0; j < dims; j++) {
          state[j] = (float) random.nextGaussian();
        }
      }
    }
    return out;
  }

  /** A matrix of standard normal entries. */
  static double[][] gaussian(int rows, int cols, RandomGenerator random) {
    double[][] out = new double[rows][cols];
    for (double[] row : out) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return out;
  }

  /** A Haar-random orthogonal matrix. */
  static DMatrixRMaj orthogonal(int n, RandomGenerator random) {
    DMatrixRMaj g = new DMatrixRMaj(gaussian(n, n, random));
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
    qr.decompose(g);
    return qr.getQ(null, false);
  }

  /** Block-diagonal matrix of 2-D rotations by the given angles, scaled by {@code radius}. */
  static DMatrixRMaj rotations(double radius, double... anglesRad) {
    int n = 2 * anglesRad.length;
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    for (int k = 0; k < anglesRad.length; k++) {
      double c = radius * Math.cos(anglesRad[k]);
      double s = radius * Math.sin(anglesRad[k]);
      m.set(2 * k, 2 * k, c);
      m.set(2 * k, 2 * k + 1, -s);
      m.set(2 * k + 1, 2 * k, s);
      m.set(2 * k + 1, 2 * k + 1, c);
    }
    return m;
  }

  /** {@code Q M Qᵀ}. */
  static DMatrixRMaj conjugate(DMatrixRMaj q, DMatrixRMaj m) {
    DMatrixRMaj tmp = new DMatrixRMaj(m.numRows, m.numCols);
    CommonOps_DDRM.mult(q, m, tmp);
    DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
    CommonOps_DDRM.multTransB(tmp, q, out);
    return out;
  }

  /** {@code Q x} for every state. */
  static float[][][] rotate(float[][][] x, DMatrixRMaj q) {
    double[][] w = new double[q.numRows][q.numCols];
    for (int i = 0; i < q.numRows; i++) {
      for (int j = 0; j < q.numCols; j++) {
        w[i][j] = q.get(i, j);
      }
    }
    return affine(x, w, new double[q.numRows]);
  }

  /**
   * An evaluation whose trials carry the given hidden states (inputs, outputs and targets zero).
   */
  static Evaluation evaluation(float[][][] hidden) {
    List<Trial> trials = new ArrayList<>();
    float[][][] outputs = new float[hidden.length][][];
    for (int i = 0; i < hidden.length; i++) {
      int steps = hidden[i].length;
      float[] mask = new float[steps];
      java.util.Arrays.fill(mask, 1f);
      trials.add(
          new Trial(new float[steps][1], new float[steps][1], null, mask, List.of(), Map.of()));
      outputs[i] = new float[steps][1];
    }
    return new Evaluation(trials, outputs, hidden);
  }
}
