package org.rnnlab.plugins.dynamics.similarity;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Canonical correlation analysis of paired samples: the correlations {@code ρ_1 ≥ ρ_2 ≥ …} between
 * successive pairs of linear combinations {@code aᵀx}, {@code bᵀy} that are as correlated as
 * possible and uncorrelated with the earlier pairs.
 *
 * <p>They are the singular values of {@code Wxᵀ Sxy Wy}, where {@code Wx} whitens {@code x} ({@code
 * Wxᵀ Sxx Wx = I}) within its <em>numerical rank</em>: eigen-directions of {@code Sxx} with
 * eigenvalue at most {@link #RELATIVE_RANK_TOLERANCE} times the largest are dropped (a PCA
 * pre-reduction to the directions the samples actually span) rather than regularised. So {@code x}
 * and {@code y} may differ in size (128 units against 3) and be rank deficient; there are {@code
 * min(rank x, rank y)} correlations. Correlations are computed in-sample: with few samples per
 * dimension they are biased towards 1.
 */
public final class Cca {

  /** Eigenvalues of a scatter matrix below this fraction of its largest are treated as zero. */
  public static final double RELATIVE_RANK_TOLERANCE = 1e-10;

  private Cca() {}

  /**
   * Canonical correlations of the pairs in {@code scatter}, decreasing, each in {@code [0, 1]}.
   *
   * @throws IllegalArgumentException if fewer than two pairs were added
   */
  public static double[] correlations(Scatter scatter) {
    if (scatter.count() < 2) {
      throw new IllegalArgumentException("CCA needs at least 2 samples, got " + scatter.count());
    }
    DMatrixRMaj wx = whitener(scatter.sxx());
    DMatrixRMaj wy = whitener(scatter.syy());
    if (wx.numCols == 0 || wy.numCols == 0) {
      return new double[0];
    }
    DMatrixRMaj sxy = scatter.sxy();
    DMatrixRMaj left = new DMatrixRMaj(wx.numCols, sxy.numCols);
    CommonOps_DDRM.multTransA(wx, sxy, left);
    DMatrixRMaj t = new DMatrixRMaj(wx.numCols, wy.numCols);
    CommonOps_DDRM.mult(left, wy, t);
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(t.numRows, t.numCols, false, false, true);
    if (!svd.decompose(t)) {
      throw new IllegalStateException("the CCA singular value decomposition did not converge");
    }
    double[] values =
        java.util.Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
    Arrays.sort(values);
    int k = Math.min(wx.numCols, wy.numCols);
    double[] out = new double[k];
    for (int i = 0; i < k; i++) {
      out[i] = Math.min(1, values[values.length - 1 - i]);
    }
    return out;
  }

  /** Columns {@code e_i / sqrt(λ_i)} for the eigenpairs of {@code s} above the tolerance. */
  static DMatrixRMaj whitener(DMatrixRMaj s) {
    int n = s.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(s.copy())) {
      throw new IllegalStateException("the scatter eigen-decomposition did not converge");
    }
    double largest = 0;
    for (int i = 0; i < n; i++) {
      largest = Math.max(largest, eig.getEigenvalue(i).getReal());
    }
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (eig.getEigenvalue(i).getReal() > RELATIVE_RANK_TOLERANCE * largest && largest > 0) {
        kept++;
      }
    }
    DMatrixRMaj w = new DMatrixRMaj(n, kept);
    int col = 0;
    for (int i = 0; i < n; i++) {
      double lambda = eig.getEigenvalue(i).getReal();
      if (!(lambda > RELATIVE_RANK_TOLERANCE * largest && largest > 0)) {
        continue;
      }
      DMatrixRMaj v = eig.getEigenVector(i);
      double norm = 0;
      for (int j = 0; j < n; j++) {
        norm += v.get(j, 0) * v.get(j, 0);
      }
      double scale = 1 / Math.sqrt(norm * lambda);
      for (int j = 0; j < n; j++) {
        w.set(j, col, v.get(j, 0) * scale);
      }
      col++;
    }
    return w;
  }
}
