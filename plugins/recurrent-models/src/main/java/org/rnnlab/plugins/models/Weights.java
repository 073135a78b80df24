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

  /**
   * A Haar-random orthogonal {@code n × n} matrix: the Q factor of a standard Gaussian matrix,
   * computed by modified Gram–Schmidt on its columns. Gram–Schmidt gives R a positive diagonal,
   * which is the sign convention that makes Q uniformly distributed over the orthogonal group.
   * Columns that come out (numerically) dependent — probability zero — are redrawn.
   */
  static double[][] randomOrthogonal(int n, RandomGenerator random) {
    double[][] columns = new double[n][n]; // columns[j] is column j
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        columns[j][i] = random.nextGaussian();
      }
    }
    for (int j = 0; j < n; j++) {
      double[] v = columns[j];
      double norm;
      while (true) {
        for (int k = 0; k < j; k++) {
          double dot = dot(columns[k], v);
          for (int i = 0; i < n; i++) {
            v[i] -= dot * columns[k][i];
          }
        }
        norm = Math.sqrt(dot(v, v));
        if (norm > 1e-8) {
          break;
        }
        for (int i = 0; i < n; i++) {
          v[i] = random.nextGaussian();
        }
      }
      for (int i = 0; i < n; i++) {
        v[i] /= norm;
      }
    }
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
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
