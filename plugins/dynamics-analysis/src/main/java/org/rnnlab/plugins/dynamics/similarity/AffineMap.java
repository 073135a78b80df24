package org.rnnlab.plugins.dynamics.similarity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * An affine map {@code y ≈ Wᵀ x + b} fitted by least squares with an intercept, as scikit-learn's
 * {@code LinearRegression}: {@code W = (Sxx + ρ I)⁺ Sxy}, {@code b = ȳ − Wᵀ x̄}, with {@code Sxx}
 * and {@code Sxy} the centred scatter matrices.
 *
 * <p>With {@code ridge = 0} the pseudo-inverse gives the minimum-norm solution when {@code x} is
 * rank deficient (for example a saturated unit that never changes), so predictions equal those of
 * any least-squares solution. A ridge {@code r > 0} adds {@code ρ = r · tr(Sxx) / p} to the
 * diagonal: relative to the average variance, so the same value suits states of any scale.
 *
 * <p>Immutable once fitted.
 */
public final class AffineMap {

  private final double[][] weights;
  private final double[] intercept;

  private AffineMap(double[][] weights, double[] intercept) {
    this.weights = weights;
    this.intercept = intercept;
  }

  /**
   * Fits {@code x → y} from the pairs in {@code scatter}.
   *
   * @param ridge relative ridge, 0 for plain least squares
   * @throws IllegalArgumentException if {@code ridge < 0} or fewer than two pairs were added
   */
  public static AffineMap fitXToY(Scatter scatter, double ridge) {
    return fit(scatter.sxx(), scatter.sxy(), scatter.meanX(), scatter.meanY(), scatter, ridge);
  }

  /** Fits {@code y → x} from the pairs in {@code scatter}; see {@link #fitXToY}. */
  public static AffineMap fitYToX(Scatter scatter, double ridge) {
    return fit(scatter.syy(), scatter.syx(), scatter.meanY(), scatter.meanX(), scatter, ridge);
  }

  /**
   * Fits {@code x → y} from rows {@code [sample][dimension]}.
   *
   * @throws IllegalArgumentException if the row counts differ, or see {@link #fitXToY}
   */
  public static AffineMap fit(float[][] x, float[][] y, double ridge) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(
          "x and y need the same, positive number of rows, got " + x.length + " and " + y.length);
    }
    Scatter s = new Scatter(x[0].length, y[0].length);
    for (int i = 0; i < x.length; i++) {
      s.add(x[i], y[i]);
    }
    return fitXToY(s, ridge);
  }

  private static AffineMap fit(
      DMatrixRMaj sxx,
      DMatrixRMaj sxy,
      double[] meanX,
      double[] meanY,
      Scatter scatter,
      double ridge) {
    if (!(ridge >= 0)) {
      throw new IllegalArgumentException("ridge must be at least 0, got " + ridge);
    }
    if (scatter.count() < 2) {
      throw new IllegalArgumentException(
          "an affine map needs at least 2 samples, got " + scatter.count());
    }
    int p = sxx.numRows;
    int q = sxy.numCols;
    if (ridge > 0) {
      double add = ridge * CommonOps_DDRM.trace(sxx) / p;
      for (int i = 0; i < p; i++) {
        sxx.add(i, i, add);
      }
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
    if (!solver.setA(sxx)) {
      throw new IllegalStateException("the least-squares system could not be decomposed");
    }
    DMatrixRMaj w = new DMatrixRMaj(p, q);
    solver.solve(sxy, w);
    double[][] weights = new double[p][q];
    double[] intercept = meanY.clone();
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < q; j++) {
        weights[i][j] = w.get(i, j);
        intercept[j] -= meanX[i] * weights[i][j];
      }
    }
    return new AffineMap(weights, intercept);
  }

  /** Size of the inputs. */
  public int inputDimensions() {
    return weights.length;
  }

  /** Size of the outputs. */
  public int outputDimensions() {
    return intercept.length;
  }

  /** {@code W[i][j]}: the weight of input {@code i} in output {@code j}; a copy. */
  public double[][] weights() {
    double[][] out = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      out[i] = weights[i].clone();
    }
    return out;
  }

  /** The intercept {@code b}; a copy. */
  public double[] intercept() {
    return intercept.clone();
  }

  /**
   * Writes {@code Wᵀ x + b} into {@code out}.
   *
   * @throws IllegalArgumentException if a length is wrong
   */
  public void apply(float[] x, double[] out) {
    if (x.length != weights.length || out.length != intercept.length) {
      throw new IllegalArgumentException(
          "the map takes "
              + weights.length
              + " and gives "
              + intercept.length
              + " dimensions, got arrays of "
              + x.length
              + " and "
              + out.length);
    }
    System.arraycopy(intercept, 0, out, 0, out.length);
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      if (xi == 0) {
        continue;
      }
      double[] row = weights[i];
      for (int j = 0; j < out.length; j++) {
        out[j] += xi * row[j];
      }
    }
  }
}
