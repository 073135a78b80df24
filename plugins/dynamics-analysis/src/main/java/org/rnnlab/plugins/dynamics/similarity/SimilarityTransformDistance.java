package org.rnnlab.plugins.dynamics.similarity;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * DSA's Procrustes analysis over vector fields: how far two linear dynamics {@code A} and {@code B}
 * are from being the same map in different orthonormal bases, {@code min_{C ∈ O(n)} ‖A − C B
 * Cᵀ‖_F}.
 *
 * <p>As DSA's {@code SimilarityTransformDist}: {@code A} and {@code B} are divided by their
 * Frobenius norms, the smaller is zero-padded to the larger's size, and {@code C} is the Cayley map
 * {@code C = (I + X)⁻¹ (I − X)} of a skew-symmetric {@code X} (its strictly upper triangle is the
 * parameter), optimised by Adam ({@code β = 0.9, 0.999}, {@code ε = 1e-8}, PyTorch's defaults) on
 * {@code L = ‖A − C B Cᵀ‖²_F} for a fixed number of iterations with the analytic gradient
 *
 * <pre>
 *   R = C B Cᵀ − A,  ∂L/∂C = 2 (R C Bᵀ + Rᵀ C B),  ∂L/∂X = −(I+X)⁻ᵀ (∂L/∂C) (C + I)ᵀ.
 * </pre>
 *
 * <p>The Cayley map covers only rotations without eigenvalue −1, so a single run from {@code X = 0}
 * can never reach a reflection and stalls near half-turns. Restart {@code k} therefore optimises
 * {@code C = C₀ₖ · cayley(X)} from {@code X = 0} (equivalently compares {@code C₀ₖᵀ A C₀ₖ} with
 * {@code B}): {@code C₀} is the identity, then the reflection {@code diag(−1, 1, …, 1)} (the other
 * component of {@code O(n)}), then Haar-random orthogonal matrices from the given generator. The
 * restart with the lowest final loss wins.
 *
 * <p>Scores, both of the normalised matrices: {@link Result#euclidean()} {@code = ‖A − C B Cᵀ‖_F}
 * and {@link Result#angularRad()} {@code = arccos(tr(Aᵀ C B Cᵀ) / (‖A‖_F ‖B‖_F))}, the argument
 * clamped to {@code [−1, 1]} (where DSA maps NaN to 0 or π).
 */
public final class SimilarityTransformDistance {

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private SimilarityTransformDistance() {}

  /**
   * The outcome of one comparison.
   *
   * @param angularRad {@code arccos} of the normalised alignment, in {@code [0, π]}
   * @param euclidean {@code ‖A − C B Cᵀ‖_F} of the normalised, padded matrices, in {@code [0, 2]}
   * @param rotation the best {@code C}
   * @param restartLosses the final loss {@code ‖A − C B Cᵀ‖²_F} of every restart, in order
   */
  public record Result(
      double angularRad, double euclidean, DMatrixRMaj rotation, double[] restartLosses) {}

  /**
   * Compares {@code a} with {@code b}.
   *
   * @param iters Adam iterations per restart, at least 0
   * @param lr Adam learning rate, above 0
   * @param restarts starting rotations, at least 1 (see the class comment)
   * @param random draws the random starting rotations (restart 3 on)
   * @throws IllegalArgumentException if a matrix is not square or is zero, or a parameter is out of
   *     range
   */
  public static Result compute(
      DMatrixRMaj a, DMatrixRMaj b, int iters, double lr, int restarts, RandomGenerator random) {
    if (iters < 0) {
      throw new IllegalArgumentException("iters must be at least 0, got " + iters);
    }
    if (!(lr > 0)) {
      throw new IllegalArgumentException("lr must be above 0, got " + lr);
    }
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
    }
    int n = Math.max(a.numRows, b.numRows);
    DMatrixRMaj na = normalisedPadded(a, n, "A");
    DMatrixRMaj nb = normalisedPadded(b, n, "B");
    double[] losses = new double[restarts];
    DMatrixRMaj best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int k = 0; k < restarts; k++) {
      DMatrixRMaj start = startingRotation(k, n, random);
      DMatrixRMaj rotatedA = new DMatrixRMaj(n, n);
      DMatrixRMaj tmp = new DMatrixRMaj(n, n);
      CommonOps_DDRM.multTransA(start, na, tmp);
      CommonOps_DDRM.mult(tmp, start, rotatedA);
      DMatrixRMaj x = optimise(rotatedA, nb, iters, lr);
      DMatrixRMaj c = new DMatrixRMaj(n, n);
      CommonOps_DDRM.mult(start, cayley(x), c);
      losses[k] = loss(na, nb, c);
      if (losses[k] < bestLoss) {
        bestLoss = losses[k];
        best = c;
      }
    }
    DMatrixRMaj m = conjugate(best, nb);
    double cosine = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(na, m, null));
    double angular = Math.acos(Math.max(-1, Math.min(1, cosine)));
    double euclidean = Math.sqrt(loss(na, nb, best));
    return new Result(angular, euclidean, best, losses);
  }

  /** {@code ‖A − C B Cᵀ‖²_F}. */
  static double loss(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    DMatrixRMaj m = conjugate(c, b);
    CommonOps_DDRM.subtractEquals(m, a);
    double norm = NormOps_DDRM.normF(m);
    return norm * norm;
  }

  /** {@code C = (I + X)⁻¹ (I − X)}. */
  static DMatrixRMaj cayley(DMatrixRMaj x) {
    int n = x.numRows;
    DMatrixRMaj plus = CommonOps_DDRM.identity(n);
    CommonOps_DDRM.addEquals(plus, x);
    DMatrixRMaj minus = CommonOps_DDRM.identity(n);
    CommonOps_DDRM.subtractEquals(minus, x);
    DMatrixRMaj inverse = new DMatrixRMaj(n, n);
    if (!CommonOps_DDRM.invert(plus, inverse)) {
      throw new IllegalStateException("I + X is singular, which a skew-symmetric X cannot make");
    }
    DMatrixRMaj c = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(inverse, minus, c);
    return c;
  }

  /**
   * {@code L = ‖A − C B Cᵀ‖²_F} at {@code C = cayley(X)}, writing {@code ∂L/∂X} (a full matrix, not
   * projected on the skew-symmetric ones) into {@code gradient}.
   */
  static double lossAndGradient(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj gradient) {
    int n = x.numRows;
    DMatrixRMaj plus = CommonOps_DDRM.identity(n);
    CommonOps_DDRM.addEquals(plus, x);
    DMatrixRMaj inverse = new DMatrixRMaj(n, n);
    if (!CommonOps_DDRM.invert(plus, inverse)) {
      throw new IllegalStateException("I + X is singular, which a skew-symmetric X cannot make");
    }
    DMatrixRMaj minus = CommonOps_DDRM.identity(n);
    CommonOps_DDRM.subtractEquals(minus, x);
    DMatrixRMaj c = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(inverse, minus, c);
    DMatrixRMaj cb = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(c, b, cb);
    DMatrixRMaj r = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(cb, c, r);
    CommonOps_DDRM.subtractEquals(r, a);
    double norm = NormOps_DDRM.normF(r);
    DMatrixRMaj rc = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(r, c, rc);
    DMatrixRMaj gradC = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(rc, b, gradC);
    CommonOps_DDRM.multAddTransA(r, cb, gradC);
    CommonOps_DDRM.scale(2, gradC);
    DMatrixRMaj tmp = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(inverse, gradC, tmp);
    DMatrixRMaj cPlusI = c.copy();
    for (int i = 0; i < n; i++) {
      cPlusI.add(i, i, 1);
    }
    CommonOps_DDRM.multTransB(-1, tmp, cPlusI, gradient);
    return norm * norm;
  }

  /** Adam on the strictly upper triangle of {@code X}, from {@code X = 0}; returns {@code X}. */
  private static DMatrixRMaj optimise(DMatrixRMaj a, DMatrixRMaj b, int iters, double lr) {
    int n = a.numRows;
    DMatrixRMaj x = new DMatrixRMaj(n, n);
    DMatrixRMaj gradient = new DMatrixRMaj(n, n);
    double[] first = new double[n * n];
    double[] second = new double[n * n];
    double decay1 = 1;
    double decay2 = 1;
    for (int step = 1; step <= iters; step++) {
      lossAndGradient(a, b, x, gradient);
      decay1 *= BETA1;
      decay2 *= BETA2;
      double stepSize = lr / (1 - decay1);
      double correction2 = 1 - decay2;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          int k = i * n + j;
          // X_ij = s and X_ji = −s, so ∂L/∂s = G_ij − G_ji.
          double g = gradient.get(i, j) - gradient.get(j, i);
          first[k] = BETA1 * first[k] + (1 - BETA1) * g;
          second[k] = BETA2 * second[k] + (1 - BETA2) * g * g;
          double s =
              x.get(i, j) - stepSize * first[k] / (Math.sqrt(second[k] / correction2) + EPSILON);
          x.set(i, j, s);
          x.set(j, i, -s);
        }
      }
    }
    return x;
  }

  private static DMatrixRMaj conjugate(DMatrixRMaj c, DMatrixRMaj b) {
    int n = c.numRows;
    DMatrixRMaj cb = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(c, b, cb);
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(cb, c, m);
    return m;
  }

  private static DMatrixRMaj startingRotation(int restart, int n, RandomGenerator random) {
    DMatrixRMaj start = CommonOps_DDRM.identity(n);
    if (restart == 0) {
      return start;
    }
    if (restart == 1) {
      start.set(0, 0, -1);
      return start;
    }
    // Haar-distributed: Q of the QR decomposition of a Gaussian matrix, columns signed by diag(R).
    DMatrixRMaj g = new DMatrixRMaj(n, n);
    for (int i = 0; i < n * n; i++) {
      g.data[i] = random.nextGaussian();
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
    if (!qr.decompose(g)) {
      throw new IllegalStateException("the QR decomposition of a random matrix failed");
    }
    DMatrixRMaj q = qr.getQ(null, false);
    DMatrixRMaj r = qr.getR(null, false);
    for (int j = 0; j < n; j++) {
      if (r.get(j, j) < 0) {
        for (int i = 0; i < n; i++) {
          q.set(i, j, -q.get(i, j));
        }
      }
    }
    return q;
  }

  private static DMatrixRMaj normalisedPadded(DMatrixRMaj m, int n, String name) {
    if (m.numRows != m.numCols) {
      throw new IllegalArgumentException(
          name + " must be square, got " + m.numRows + " × " + m.numCols);
    }
    double norm = NormOps_DDRM.normF(m);
    if (!(norm > 0)) {
      throw new IllegalArgumentException(name + " is zero; DSA needs dynamics that are not zero");
    }
    DMatrixRMaj out = new DMatrixRMaj(n, n);
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < m.numCols; j++) {
        out.set(i, j, m.get(i, j) / norm);
      }
    }
    return out;
  }
}
