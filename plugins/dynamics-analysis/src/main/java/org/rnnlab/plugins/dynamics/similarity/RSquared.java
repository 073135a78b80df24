package org.rnnlab.plugins.dynamics.similarity;

/**
 * Coefficient of determination of predictions against true values, per dimension and
 * variance-weighted, accumulated one sample at a time.
 *
 * <p>Per dimension, {@code R²_d = 1 − SSres_d / SStot_d} with {@code SStot_d} the sum of squared
 * deviations of the true values from their own mean. The variance-weighted score is {@code 1 − Σ_d
 * SSres_d / Σ_d SStot_d}, scikit-learn's {@code multioutput="variance_weighted"}: dimensions that
 * vary more count more. A dimension (or, for the weighted score, all dimensions) with {@code SStot
 * = 0} scores 1 if predicted exactly and 0 otherwise, as scikit-learn's {@code force_finite}. Not
 * thread-safe.
 */
public final class RSquared {

  private final double[] shift;
  private final double[] sum;
  private final double[] sumSquares;
  private final double[] residualSquares;
  private long count;

  /**
   * @param dimensions size of every true value
   * @throws IllegalArgumentException if {@code dimensions < 1}
   */
  public RSquared(int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
    }
    shift = new double[dimensions];
    sum = new double[dimensions];
    sumSquares = new double[dimensions];
    residualSquares = new double[dimensions];
  }

  /**
   * Adds one sample.
   *
   * @throws IllegalArgumentException if a length differs from the declared size
   */
  public void add(float[] truth, double[] prediction) {
    int d = shift.length;
    if (truth.length != d || prediction.length != d) {
      throw new IllegalArgumentException(
          "expected "
              + d
              + " dimensions, got "
              + truth.length
              + " true and "
              + prediction.length
              + " predicted");
    }
    if (count == 0) {
      for (int j = 0; j < d; j++) {
        shift[j] = truth[j];
      }
    }
    for (int j = 0; j < d; j++) {
      double c = truth[j] - shift[j];
      sum[j] += c;
      sumSquares[j] += c * c;
      double e = truth[j] - prediction[j];
      residualSquares[j] += e * e;
    }
    count++;
  }

  /** Samples added so far. */
  public long count() {
    return count;
  }

  /**
   * R² of every dimension.
   *
   * @throws IllegalStateException if no sample was added
   */
  public double[] perDimension() {
    requireSamples();
    double[] out = new double[shift.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = score(residualSquares[j], total(j));
    }
    return out;
  }

  /**
   * {@code 1 − Σ SSres / Σ SStot}.
   *
   * @throws IllegalStateException if no sample was added
   */
  public double varianceWeighted() {
    requireSamples();
    double res = 0;
    double tot = 0;
    for (int j = 0; j < shift.length; j++) {
      res += residualSquares[j];
      tot += total(j);
    }
    return score(res, tot);
  }

  private double total(int j) {
    return Math.max(0, sumSquares[j] - sum[j] * sum[j] / count);
  }

  private static double score(double residual, double total) {
    if (total > 0) {
      return 1 - residual / total;
    }
    return residual == 0 ? 1 : 0;
  }

  private void requireSamples() {
    if (count == 0) {
      throw new IllegalStateException("no samples were added");
    }
  }
}
