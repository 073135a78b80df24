package org.rnnlab.plugins.dynamics.similarity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Orthogonal Procrustes distance between two configurations of the same samples, {@code X} ({@code
 * n × p}) and {@code Y} ({@code n × q}), the shape metric of Williams et al. (2021) without
 * whitening.
 *
 * <p>Each configuration is centred (column means removed) and scaled to unit Frobenius norm; the
 * smaller is zero-padded to the other's number of columns, which changes nothing below. With {@code
 * ρ = max_{Q orthogonal} tr(Xᵀ Y Q) = ‖Xᵀ Y‖_*} (the nuclear norm, the sum of singular values of
 * the centred cross-product) divided by {@code ‖X‖_F ‖Y‖_F}:
 *
 * <ul>
 *   <li>{@link #euclidean()} is {@code min_Q ‖X − Y Q‖_F = sqrt(2 − 2ρ)}, in {@code [0, √2]};
 *   <li>{@link #angularRad()} is {@code arccos ρ}, in {@code [0, π/2]} radians.
 * </ul>
 *
 * Both are 0 exactly when one configuration is a rotation or reflection of the other after centring
 * and scaling.
 *
 * @param similarity {@code ρ}, in {@code [0, 1]}
 */
public record Procrustes(double similarity) {

  /**
   * The distance between the pairs in {@code scatter}.
   *
   * @throws IllegalArgumentException if fewer than two pairs were added, or a configuration does
   *     not vary (its norm is 0 after centring)
   */
  public static Procrustes of(Scatter scatter) {
    if (scatter.count() < 2) {
      throw new IllegalArgumentException(
          "Procrustes needs at least 2 samples, got " + scatter.count());
    }
    double tx = CommonOps_DDRM.trace(scatter.sxx());
    double ty = CommonOps_DDRM.trace(scatter.syy());
    if (!(tx > 0) || !(ty > 0)) {
      throw new IllegalArgumentException(
          "Procrustes needs states that vary; one configuration is constant");
    }
    DMatrixRMaj sxy = scatter.sxy();
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(sxy.numRows, sxy.numCols, false, false, true);
    if (!svd.decompose(sxy)) {
      throw new IllegalStateException("the Procrustes singular value decomposition failed");
    }
    double nuclear = 0;
    for (double s :
        java.util.Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues())) {
      nuclear += s;
    }
    return new Procrustes(Math.min(1, nuclear / Math.sqrt(tx * ty)));
  }

  /** {@code sqrt(2 − 2ρ)}: the Frobenius distance of the unit-norm configurations. */
  public double euclidean() {
    return Math.sqrt(Math.max(0, 2 - 2 * similarity));
  }

  /** {@code arccos ρ}, in radians. */
  public double angularRad() {
    return Math.acos(Math.max(-1, Math.min(1, similarity)));
  }
}
