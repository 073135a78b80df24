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
 * positive (so a fit is reproducible across machines and eigen-solvers; near-ties go to the lowest
 * index).
 *
 * <p>Fitting costs {@code O(n·d²)} for {@code n} states of {@code d} dimensions plus {@code O(d³)}
 * for the eigen-decomposition. Instances are immutable and safe to share between threads; every
 * accessor returns a copy.
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
        d = checkDimensions(d, state.length);
        n++;
      }
    }
    checkCount(n);
    double[] mean = new double[d];
    for (float[][] trial : trials) {
      for (float[] state : trial) {
        for (int j = 0; j < d; j++) {
          mean[j] += state[j];
        }
      }
    }
    divide(mean, n);
    Scatter scatter = new Scatter(mean);
    for (float[][] trial : trials) {
      for (float[] state : trial) {
        scatter.add(state);
      }
    }
    return fromCovariance(mean, scatter.covariance(n));
  }

  /**
   * Fits rows {@code [sample][dimension]}, in double precision throughout.
   *
   * @throws IllegalArgumentException if there are fewer than two rows, or their lengths differ
   */
  public static Pca fit(double[][] rows) {
    int d = -1;
    for (double[] row : rows) {
      d = checkDimensions(d, row.length);
    }
    checkCount(rows.length);
    double[] mean = new double[d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    divide(mean, rows.length);
    Scatter scatter = new Scatter(mean);
    for (double[] row : rows) {
      scatter.add(row);
    }
    return fromCovariance(mean, scatter.covariance(rows.length));
  }

  private static int checkDimensions(int known, int length) {
    if (known >= 0 && length != known) {
      throw new IllegalArgumentException(
          "states have " + known + " and " + length + " dimensions; PCA needs one size");
    }
    return length;
  }

  private static void checkCount(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 states, got " + n);
    }
  }

  private static void divide(double[] values, int n) {
    for (int j = 0; j < values.length; j++) {
      values[j] /= n;
    }
  }

  /**
   * The scatter matrix {@code Σ (x − mean)(x − mean)ᵀ}, upper triangle, accumulated state by state
   * (as fast as EJML's blocked products for hundreds of units, and without their memory).
   */
  private static final class Scatter {
    private final double[] mean;
    private final int d;
    private final double[] centred;
    private final double[] upper;

    Scatter(double[] mean) {
      this.mean = mean;
      this.d = mean.length;
      this.centred = new double[d];
      this.upper = new double[d * d];
    }

    void add(float[] state) {
      for (int j = 0; j < d; j++) {
        centred[j] = state[j] - mean[j];
      }
      accumulate();
    }

    void add(double[] state) {
      for (int j = 0; j < d; j++) {
        centred[j] = state[j] - mean[j];
      }
      accumulate();
    }

    private void accumulate() {
      for (int a = 0; a < d; a++) {
        double ca = centred[a];
        if (ca == 0) {
          continue;
        }
        int row = a * d;
        for (int b = a; b < d; b++) {
          upper[row + b] += ca * centred[b];
        }
      }
    }

    /** The covariance with divisor {@code n − 1}. */
    DMatrixRMaj covariance(int n) {
      DMatrixRMaj covariance = new DMatrixRMaj(d, d);
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          double v = upper[a * d + b] / (n - 1);
          covariance.set(a, b, v);
          covariance.set(b, a, v);
        }
      }
      return covariance;
    }
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
      for (int j = 0; j < d; j++) {
        c[j] = v.get(j, 0);
        norm += c[j] * c[j];
      }
      norm = Math.sqrt(norm) * signOfLargest(c);
      for (int j = 0; j < d; j++) {
        c[j] /= norm;
      }
      components[k] = c;
      variance[k] = values[order[k]];
    }
    return new Pca(mean, components, variance);
  }

  /**
   * The sign of the largest-magnitude entry; entries within a relative {@code 1e-9} of the largest
   * count as ties, won by the lowest index, so that two solvers that differ in the last bits agree.
   */
  private static double signOfLargest(double[] c) {
    double max = 0;
    for (double x : c) {
      max = Math.max(max, Math.abs(x));
    }
    for (double x : c) {
      if (Math.abs(x) >= max * (1 - 1e-9) && x != 0) {
        return Math.signum(x);
      }
    }
    return 1;
  }

  /** The number of dimensions of the fitted states. */
  public int dimensions() {
    return mean.length;
  }

  /** The mean state. */
  public double[] mean() {
    return mean.clone();
  }

  /**
   * Component {@code k} (0 = most variance), a unit vector.
   *
   * @throws IndexOutOfBoundsException if {@code k} is not in [0, {@link #dimensions()})
   */
  public double[] component(int k) {
    return components[k].clone();
  }

  /** Variance along each component, decreasing. */
  public double[] explainedVariance() {
    return variance.clone();
  }

  /** The total variance, the sum of {@link #explainedVariance()} (the covariance's trace). */
  public double totalVariance() {
    return Arrays.stream(variance).sum();
  }

  /**
   * Fraction of the total variance along each component, decreasing; sums to 1 (all 0 if the states
   * do not vary).
   */
  public double[] explainedVarianceRatio() {
    double total = Arrays.stream(variance).sum();
    return Arrays.stream(variance).map(v -> total == 0 ? 0 : v / total).toArray();
  }

  /**
   * The fewest leading components that together explain at least {@code fraction} of the variance
   * (for example 0.9 for the "90 %" line of a scree plot). Cumulative sums within {@code 1e-12}
   * below the fraction count as reaching it, so that exactly representable cases are not lost to
   * rounding. States that do not vary need all {@link #dimensions()} components.
   *
   * @throws IllegalArgumentException if {@code fraction} is not in (0, 1]
   */
  public int componentsFor(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
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
   * dimensionality between 1 (one direction) and {@link #dimensions()} (isotropic); 0 if the states
   * do not vary.
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

  /**
   * The first {@code k} principal-component scores of one state.
   *
   * @throws IllegalArgumentException if {@code k} is not in [0, {@link #dimensions()}] or the state
   *     has another number of dimensions
   */
  public double[] project(float[] state, int k) {
    checkProjection(state.length, k);
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

  /**
   * The first {@code k} scores of one state given in double precision.
   *
   * @throws IllegalArgumentException as {@link #project(float[], int)}
   */
  public double[] project(double[] state, int k) {
    checkProjection(state.length, k);
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

  private void checkProjection(int length, int k) {
    if (length != mean.length) {
      throw new IllegalArgumentException(
          "the state has " + length + " dimensions, the PCA was fitted on " + mean.length);
    }
    if (k < 0 || k > mean.length) {
      throw new IllegalArgumentException(
          "k must be in [0, " + mean.length + "] (the fitted dimensions), got " + k);
    }
  }

  /**
   * The first {@code k} scores of every state, {@code [trial][step][k]}.
   *
   * @throws IllegalArgumentException as {@link #project(float[], int)}
   */
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
