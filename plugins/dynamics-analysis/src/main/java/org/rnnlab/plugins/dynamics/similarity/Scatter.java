package org.rnnlab.plugins.dynamics.similarity;

import org.ejml.data.DMatrixRMaj;

/**
 * Means and centred cross-products of paired samples {@code (x, y)}, accumulated one pair at a time
 * so that hidden states are never copied into one big matrix.
 *
 * <p>Sums are taken in double precision around the first pair (a shift that keeps the centred
 * products accurate when the mean is large compared with the spread). Only the upper triangle of
 * the joint {@code [x y]} scatter is accumulated. Not thread-safe.
 */
public final class Scatter {

  private final int p;
  private final int q;
  private final int m;
  private final double[] shift;
  private final double[] sum;
  private final double[] products;
  private final double[] centred;
  private long count;

  /**
   * @param xDimensions size of every {@code x}
   * @param yDimensions size of every {@code y}
   * @throws IllegalArgumentException if a size is below 1
   */
  public Scatter(int xDimensions, int yDimensions) {
    if (xDimensions < 1 || yDimensions < 1) {
      throw new IllegalArgumentException(
          "scatter dimensions must be at least 1, got " + xDimensions + " and " + yDimensions);
    }
    this.p = xDimensions;
    this.q = yDimensions;
    this.m = xDimensions + yDimensions;
    this.shift = new double[m];
    this.sum = new double[m];
    this.products = new double[m * m];
    this.centred = new double[m];
  }

  /**
   * Adds one pair; the arrays are read, not kept.
   *
   * @throws IllegalArgumentException if a length differs from the declared size
   */
  public void add(float[] x, float[] y) {
    if (x.length != p || y.length != q) {
      throw new IllegalArgumentException(
          "expected states of "
              + p
              + " and "
              + q
              + " dimensions, got "
              + x.length
              + " and "
              + y.length);
    }
    if (count == 0) {
      for (int j = 0; j < p; j++) {
        shift[j] = x[j];
      }
      for (int j = 0; j < q; j++) {
        shift[p + j] = y[j];
      }
    }
    double[] c = centred;
    for (int j = 0; j < p; j++) {
      c[j] = x[j] - shift[j];
    }
    for (int j = 0; j < q; j++) {
      c[p + j] = y[j] - shift[p + j];
    }
    double[] s = sum;
    double[] prod = products;
    for (int a = 0; a < m; a++) {
      double ca = c[a];
      s[a] += ca;
      if (ca == 0) {
        continue;
      }
      int row = a * m;
      for (int b = a; b < m; b++) {
        prod[row + b] += ca * c[b];
      }
    }
    count++;
  }

  /** Pairs added so far. */
  public long count() {
    return count;
  }

  /** Dimensions of {@code x}. */
  public int xDimensions() {
    return p;
  }

  /** Dimensions of {@code y}. */
  public int yDimensions() {
    return q;
  }

  /** Mean of {@code x}. */
  public double[] meanX() {
    return mean(0, p);
  }

  /** Mean of {@code y}. */
  public double[] meanY() {
    return mean(p, q);
  }

  /** {@code Σ (x − x̄)(x − x̄)ᵀ}, {@code p × p}; a fresh matrix. */
  public DMatrixRMaj sxx() {
    return block(0, p, 0, p);
  }

  /** {@code Σ (y − ȳ)(y − ȳ)ᵀ}, {@code q × q}; a fresh matrix. */
  public DMatrixRMaj syy() {
    return block(p, q, p, q);
  }

  /** {@code Σ (x − x̄)(y − ȳ)ᵀ}, {@code p × q}; a fresh matrix. */
  public DMatrixRMaj sxy() {
    return block(0, p, p, q);
  }

  /** {@code Σ (y − ȳ)(x − x̄)ᵀ}, {@code q × p}; a fresh matrix. */
  public DMatrixRMaj syx() {
    return block(p, q, 0, p);
  }

  private double[] mean(int from, int size) {
    requireSamples();
    double[] out = new double[size];
    for (int j = 0; j < size; j++) {
      out[j] = shift[from + j] + sum[from + j] / count;
    }
    return out;
  }

  private DMatrixRMaj block(int rowFrom, int rows, int colFrom, int cols) {
    requireSamples();
    DMatrixRMaj out = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < rows; i++) {
      int a = rowFrom + i;
      for (int j = 0; j < cols; j++) {
        int b = colFrom + j;
        double raw = a <= b ? products[a * m + b] : products[b * m + a];
        out.set(i, j, raw - sum[a] * sum[b] / count);
      }
    }
    return out;
  }

  private void requireSamples() {
    if (count == 0) {
      throw new IllegalStateException("no samples were added");
    }
  }
}
