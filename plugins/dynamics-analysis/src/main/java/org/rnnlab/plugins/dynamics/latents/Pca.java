package org.rnnlab.plugins.dynamics.latents;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis of states (for example every step of every evaluation trial), by the
 * eigen-decomposition of their covariance.
 *
 * <p>Variances use the divisor {@code n − 1}, as scikit-learn's {@code PCA}. Components are unit
 * vectors sorted by decreasing variance, each with the sign that makes its largest-magnitude entry
 * positive (so a fit is reproducible across machines and eigen-solvers).
 */
public final class Pca {

  private final double[] mean;
  private final double[][] components;
  private final double[] variance;

  private Pca(double[] mean, double[][] components, double[] variance) {
    this.mean = mean;
    this.components = components;
    this.variance = variance;
  }

  /**
   * Fits every step of every trial, {@code [trial][step][dimension]}; trials may differ in length.
   *
   * @throws IllegalArgumentException if there are fewer than two states, or the dimensions differ
   */
  public static Pca fit(float[][][] trials) {
    int n = 0;
    int d = -1;
    for (float[][] trial : trials) {
      for (float[] state : trial) {
        if (d < 0) {
          d = state.length;
        } else if (state.length != d) {
          throw new IllegalArgumentException(
              "states have " + d + " and " + state.length + " dimensions; PCA needs one size");
        }
        n++;
      }
    }
    if (n < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 states, got " + n);
    }
    double[] mean = new double[d];
    for (float[][] trial : trials) {
      for (float[] state : trial) {
        for (int j = 0; j < d; j++) {
          mean[j] += state[j];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    // Upper triangle of the scatter matrix, accumulated row by row.
    double[] scatter = new double[d * d];
    double[] centred = new double[d];
    for (float[][] trial : trials) {
      for (float[] state : trial) {
        for (int j = 0; j < d; j++) {
          centred[j] = state[j] - mean[j];
        }
        for (int a = 0; a < d; a++) {
          double ca = centred[a];
          if (ca == 0) {
            continue;
          }
          int row = a * d;
          for (int b = a; b < d; b++) {
            scatter[row + b] += ca * centred[b];
          }
        }
      }
    }
    DMatrixRMaj covariance = new DMatrixRMaj(d, d);
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        double v = scatter[a * d + b] / (n - 1);
        covariance.set(a, b, v);
        covariance.set(b, a, v);
      }
    }
    return fromCovariance(mean, covariance);
  }

  /** Fits rows {@code [sample][dimension]}. */
  public static Pca fit(double[][] rows) {
    float[][] asFloat = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      asFloat[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        asFloat[i][j] = (float) rows[i][j];
      }
    }
    return fit(new float[][][] {asFloat});
  }

  private static Pca fromCovariance(double[] mean, DMatrixRMaj covariance) {
    int d = mean.length;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(covariance.copy())) {
      throw new IllegalStateException("the covariance eigen-decomposition did not converge");
    }
    Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
    double[] values = new double[d];
    for (int i = 0; i < d; i++) {
      values[i] = Math.max(0, eig.getEigenvalue(i).getReal());
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
    double[][] components = new double[d][];
    double[] variance = new double[d];
    for (int k = 0; k < d; k++) {
      DMatrixRMaj v = eig.getEigenVector(order[k]);
      double[] c = new double[d];
      double norm = 0;
      int largest = 0;
      for (int j = 0; j < d; j++) {
        c[j] = v.get(j, 0);
        norm += c[j] * c[j];
        if (Math.abs(c[j]) > Math.abs(c[largest])) {
          largest = j;
        }
      }
      norm = Math.sqrt(norm) * Math.signum(c[largest] == 0 ? 1 : c[largest]);
      for (int j = 0; j < d; j++) {
        c[j] /= norm;
      }
      components[k] = c;
      variance[k] = values[order[k]];
    }
    return new Pca(mean, components, variance);
  }

  /** The number of dimensions of the fitted states. */
  public int dimensions() {
    return mean.length;
  }

  /** The mean state. */
  public double[] mean() {
    return mean.clone();
  }

  /** Component {@code k} (0 = most variance), a unit vector. */
  public double[] component(int k) {
    return components[k].clone();
  }

  /** Variance along each component, decreasing. */
  public double[] explainedVariance() {
    return variance.clone();
  }

  /** Fraction of the total variance along each component, decreasing; sums to 1. */
  public double[] explainedVarianceRatio() {
    double total = Arrays.stream(variance).sum();
    return Arrays.stream(variance).map(v -> total == 0 ? 0 : v / total).toArray();
  }

  /**
   * The fewest leading components that together explain at least {@code fraction} of the variance
   * (for example 0.9 for the "90 %" line of a scree plot).
   */
  public int componentsFor(double fraction) {
    double[] ratio = explainedVarianceRatio();
    double sum = 0;
    for (int k = 0; k < ratio.length; k++) {
      sum += ratio[k];
      if (sum >= fraction - 1e-12) {
        return k + 1;
      }
    }
    return ratio.length;
  }

  /**
   * The participation ratio {@code (Σλ)² / Σλ²} of the covariance eigenvalues: an effective
   * dimensionality between 1 (one direction) and {@link #dimensions()} (isotropic).
   */
  public double participationRatio() {
    double sum = 0;
    double sumSquares = 0;
    for (double v : variance) {
      sum += v;
      sumSquares += v * v;
    }
    return sumSquares == 0 ? 0 : sum * sum / sumSquares;
  }

  /** The first {@code k} principal-component scores of one state. */
  public double[] project(float[] state, int k) {
    double[] out = new double[k];
    for (int c = 0; c < k; c++) {
      double[] comp = components[c];
      double s = 0;
      for (int j = 0; j < comp.length; j++) {
        s += (state[j] - mean[j]) * comp[j];
      }
      out[c] = s;
    }
    return out;
  }

  /** The first {@code k} scores of one state given in double precision. */
  public double[] project(double[] state, int k) {
    double[] out = new double[k];
    for (int c = 0; c < k; c++) {
      double[] comp = components[c];
      double s = 0;
      for (int j = 0; j < comp.length; j++) {
        s += (state[j] - mean[j]) * comp[j];
      }
      out[c] = s;
    }
    return out;
  }

  /** The first {@code k} scores of every state, {@code [trial][step][k]}. */
  public double[][][] project(float[][][] trials, int k) {
    double[][][] out = new double[trials.length][][];
    for (int t = 0; t < trials.length; t++) {
      out[t] = new double[trials[t].length][];
      for (int s = 0; s < trials[t].length; s++) {
        out[t][s] = project(trials[t][s], k);
      }
    }
    return out;
  }
}
