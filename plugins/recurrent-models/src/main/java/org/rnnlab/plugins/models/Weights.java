package org.rnnlab.plugins.models;

import java.util.random.RandomGenerator;

/** Random weight arrays in plain Java, so that initialisation depends only on the generator. */
final class Weights {

  private Weights() {}

  /** {@code n} values from U(−bound, bound), in draw order. */
  static float[] uniform(int n, double bound, RandomGenerator random) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return w;
  }

  /** {@code n} values from N(0, std²), in draw order. */
  static float[] gaussian(int n, double std, RandomGenerator random) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) (std * random.nextGaussian());
    }
    return w;
  }

  /**
   * A Haar-random {@code rows × cols} matrix with orthonormal columns ({@code rows ≥ cols}): the Q
   * factor of a standard Gaussian matrix, computed by modified Gram–Schmidt on its columns, drawn
   * column by column. Gram–Schmidt gives R a positive diagonal, which is the sign convention that
   * makes Q uniformly distributed. Columns that come out (numerically) dependent — probability zero
   * — are redrawn.
   *
   * @throws IllegalArgumentException if {@code rows < cols}
   */
  static double[][] orthonormalColumns(int rows, int cols, RandomGenerator random) {
    if (rows < cols) {
      throw new IllegalArgumentException(
          "orthonormal columns need rows >= cols, got " + rows + " x " + cols);
    }
    double[][] columns = new double[cols][rows]; // columns[j] is column j
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        columns[j][i] = random.nextGaussian();
      }
    }
    for (int j = 0; j < cols; j++) {
      double[] v = columns[j];
      double norm;
      while (true) {
        for (int k = 0; k < j; k++) {
          double dot = dot(columns[k], v);
          for (int i = 0; i < rows; i++) {
            v[i] -= dot * columns[k][i];
          }
        }
        norm = Math.sqrt(dot(v, v));
        if (norm > 1e-8) {
          break;
        }
        for (int i = 0; i < rows; i++) {
          v[i] = random.nextGaussian();
        }
      }
      for (int i = 0; i < rows; i++) {
        v[i] /= norm;
      }
    }
    double[][] q = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        q[i][j] = columns[j][i];
      }
    }
    return q;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
