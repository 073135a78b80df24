package org.rnnlab.plugins.dynamics.fixedpoints;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The linear stability of one fixed point of a discrete-time map {@code h' = F(h, u)}, from the
 * eigenvalues of its Jacobian {@code ∂F/∂h}.
 *
 * <p>A perturbation along an eigenvector is multiplied by λ at every step, so it decays when {@code
 * |λ| < 1}. Modes with {@code |λ| ≥ 1} are counted as unstable (a mode exactly on the unit circle
 * does not decay), so that {@code stable ⇔ unstableModes = 0 ⇔ |λ|max < 1}.
 *
 * @param real real parts of the eigenvalues, sorted by magnitude, largest first
 * @param imaginary imaginary parts, in the same order
 * @param unstableModes the number of eigenvalues with {@code |λ| ≥ 1}
 */
public record Stability(double[] real, double[] imaginary, int unstableModes) {

  /** What a fixed point is, by its number of unstable modes. */
  public enum Kind {
    /** Every mode decays: an attractor. */
    STABLE,
    /** Some modes decay and some do not. */
    SADDLE,
    /** No mode decays: a repeller. */
    UNSTABLE;

    /** The lower-case name used in files. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Eigen-decomposes {@code jacobian} (row i = ∂F_i/∂h) with EJML.
   *
   * @throws IllegalArgumentException if the matrix is not square or not finite
   * @throws IllegalStateException if the decomposition does not converge
   */
  public static Stability of(float[][] jacobian) {
    int d = jacobian.length;
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    for (int i = 0; i < d; i++) {
      if (jacobian[i].length != d) {
        throw new IllegalArgumentException(
            "the Jacobian must be square, row " + i + " has " + jacobian[i].length + " of " + d);
      }
      for (int k = 0; k < d; k++) {
        if (!Float.isFinite(jacobian[i][k])) {
          throw new IllegalArgumentException(
              "the Jacobian has a non-finite entry at " + i + "," + k);
        }
        a.set(i, k, jacobian[i][k]);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false);
    if (!eig.decompose(a)) {
      throw new IllegalStateException(
          "the eigen-decomposition of a " + d + "×" + d + " Jacobian" + " did not converge");
    }
    double[] re = new double[d];
    double[] im = new double[d];
    for (int i = 0; i < d; i++) {
      Complex_F64 value = eig.getEigenvalue(i);
      re[i] = value.real;
      im[i] = value.imaginary;
    }
    // Magnitude descending; ties (conjugate pairs) with the positive imaginary part first.
    Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> -Math.hypot(re[i], im[i]))
            .thenComparingDouble(i -> -im[i]));
    double[] sortedRe = new double[d];
    double[] sortedIm = new double[d];
    int unstable = 0;
    for (int k = 0; k < d; k++) {
      sortedRe[k] = re[order[k]];
      sortedIm[k] = im[order[k]];
      if (Math.hypot(sortedRe[k], sortedIm[k]) >= 1) {
        unstable++;
      }
    }
    return new Stability(sortedRe, sortedIm, unstable);
  }

  /** {@code |λ|max}, the spectral radius. */
  public double spectralRadius() {
    return real.length == 0 ? 0 : Math.hypot(real[0], imaginary[0]);
  }

  /** Whether every mode decays ({@code |λ|max < 1}). */
  public boolean isStable() {
    return unstableModes == 0;
  }

  /** Stable, saddle or unstable, by the number of unstable modes. */
  public Kind kind() {
    if (unstableModes == 0) {
      return Kind.STABLE;
    }
    return unstableModes == real.length ? Kind.UNSTABLE : Kind.SADDLE;
  }

  /**
   * Whether the slowest mode is within {@code tolerance} of the unit circle ({@code ||λ|max − 1| ≤
   * tolerance}): the point may be part of a continuous attractor (a line or ring of slow points).
   */
  public boolean nearContinuous(double tolerance) {
    return Math.abs(spectralRadius() - 1) <= tolerance;
  }
}
