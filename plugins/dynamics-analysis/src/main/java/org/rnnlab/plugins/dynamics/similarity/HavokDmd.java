package org.rnnlab.plugins.dynamics.similarity;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A reduced-rank linear model of delay-embedded dynamics (HAVOK / DMD), as DSA's {@code DMD}: the
 * matrix {@code A} such that {@code v_{t+1} ≈ A v_t} in the leading eigen-time-delay coordinates.
 *
 * <ol>
 *   <li>Embed every trial ({@link DelayEmbedding}) and stack the rows: {@code H = U S Vᵀ}.
 *   <li>Keep the leading {@code rank} right singular directions: {@code v_t = S_r⁻¹ U_rᵀ h_t}, the
 *       rows of {@code V_r}. Directions whose singular value is at most {@link
 *       #RELATIVE_RANK_TOLERANCE} times the largest are dropped too, so the rank used may be lower.
 *   <li>Pair {@code v_t} with {@code v_{t+1}} within each trial (never across trials) and solve the
 *       ridge regression {@code A = V₊ᵀ V₋ (V₋ᵀ V₋ + λ I)⁻¹}.
 * </ol>
 *
 * <p>Singular vectors have an arbitrary sign; each coordinate's sign is fixed so that its entry of
 * largest magnitude over all rows is positive. Two recordings of the same trajectories in rotated
 * bases then give the same {@code A}, not one conjugated by a sign flip (which the Cayley map of
 * {@link SimilarityTransformDistance} reaches only in the limit). {@code HᵀH} is computed without
 * forming {@code H}; its leading eigenvectors come from block subspace iteration (a full
 * decomposition of a 2560 × 2560 matrix takes about 40 s).
 */
public final class HavokDmd {

  /** Singular values below this fraction of the largest count as zero. */
  public static final double RELATIVE_RANK_TOLERANCE = 1e-7;

  private final DMatrixRMaj matrix;
  private final double[] singularValues;

  private HavokDmd(DMatrixRMaj matrix, double[] singularValues) {
    this.matrix = matrix;
    this.singularValues = singularValues;
  }

  /**
   * Fits the model to trials {@code [step][dimension]}.
   *
   * @param trials the recordings; trials shorter than {@code (nDelays−1)·delayInterval + 2} steps
   *     give no transition and are skipped
   * @param nDelays delays per embedding row, at least 1
   * @param delayInterval steps between delays, at least 1
   * @param rank coordinates kept, at least 1
   * @param lambda ridge, at least 0
   * @throws IllegalArgumentException if a parameter is out of range, no trial is long enough, or
   *     the states are all zero
   */
  public static HavokDmd fit(
      List<float[][]> trials, int nDelays, int delayInterval, int rank, double lambda) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1, got " + rank);
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be at least 0, got " + lambda);
    }
    List<float[][]> usable = new ArrayList<>();
    for (float[][] trial : trials) {
      if (DelayEmbedding.rows(trial.length, nDelays, delayInterval) >= 2) {
        usable.add(trial);
      }
    }
    if (usable.isEmpty()) {
      throw new IllegalArgumentException(
          "no trial has the (nDelays − 1) · delayInterval + 2 = "
              + ((nDelays - 1) * delayInterval + 2)
              + " steps DSA needs; lower nDelays or delayInterval");
    }
    DMatrixRMaj gram = DelayEmbedding.gram(usable, nDelays, delayInterval);
    int size = gram.numRows;
    int n = size / nDelays;
    LeadingEigenvectors leading = LeadingEigenvectors.of(gram, rank);
    double largest = Math.sqrt(Math.max(0, leading.values()[0]));
    if (!(largest > 0)) {
      throw new IllegalArgumentException("DSA needs states that are not all zero");
    }
    int r = 0;
    while (r < leading.values().length
        && Math.sqrt(Math.max(0, leading.values()[r])) > RELATIVE_RANK_TOLERANCE * largest) {
      r++;
    }
    double[] sigma = new double[r];
    // Projection [n, K·r]: column block i holds U_i / s, the rows of U for delay block i.
    DMatrixRMaj projection = new DMatrixRMaj(n, nDelays * r);
    DMatrixRMaj u = leading.vectors();
    for (int k = 0; k < r; k++) {
      sigma[k] = Math.sqrt(leading.values()[k]);
      for (int i = 0; i < nDelays; i++) {
        for (int a = 0; a < n; a++) {
          projection.set(a, i * r + k, u.get(i * n + a, k) / sigma[k]);
        }
      }
    }

    List<DMatrixRMaj> coordinates = new ArrayList<>(usable.size());
    double[] extreme = new double[r];
    for (float[][] trial : usable) {
      DMatrixRMaj x = DelayEmbedding.matrix(trial, n);
      DMatrixRMaj p = new DMatrixRMaj(trial.length, nDelays * r);
      CommonOps_DDRM.mult(x, projection, p);
      int rows = DelayEmbedding.rows(trial.length, nDelays, delayInterval);
      DMatrixRMaj v = new DMatrixRMaj(rows, r);
      for (int t = 0; t < rows; t++) {
        for (int i = 0; i < nDelays; i++) {
          int src = (t + i * delayInterval) * p.numCols + i * r;
          int dst = t * r;
          for (int k = 0; k < r; k++) {
            v.data[dst + k] += p.data[src + k];
          }
        }
        for (int k = 0; k < r; k++) {
          double value = v.data[t * r + k];
          if (Math.abs(value) > Math.abs(extreme[k])) {
            extreme[k] = value;
          }
        }
      }
      coordinates.add(v);
    }

    DMatrixRMaj before = new DMatrixRMaj(r, r);
    DMatrixRMaj cross = new DMatrixRMaj(r, r);
    for (DMatrixRMaj v : coordinates) {
      for (int t = 0; t < v.numRows; t++) {
        for (int k = 0; k < r; k++) {
          if (extreme[k] < 0) {
            v.data[t * r + k] = -v.data[t * r + k];
          }
        }
      }
      DMatrixRMaj minus = CommonOps_DDRM.extract(v, 0, v.numRows - 1, 0, r);
      DMatrixRMaj plus = CommonOps_DDRM.extract(v, 1, v.numRows, 0, r);
      CommonOps_DDRM.multAddTransA(minus, minus, before);
      CommonOps_DDRM.multAddTransA(minus, plus, cross);
    }
    for (int k = 0; k < r; k++) {
      before.add(k, k, lambda);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
    if (!solver.setA(before)) {
      throw new IllegalStateException("the DMD regression could not be decomposed");
    }
    DMatrixRMaj transposed = new DMatrixRMaj(r, r);
    solver.solve(cross, transposed);
    return new HavokDmd(CommonOps_DDRM.transpose(transposed, null), sigma);
  }

  /** The rank used: {@code A} is {@code rank × rank}. */
  public int rank() {
    return matrix.numRows;
  }

  /** {@code A}, with {@code v_{t+1} ≈ A v_t}; a copy. */
  public DMatrixRMaj matrix() {
    return matrix.copy();
  }

  /** The singular values of the stacked embedding that were kept, decreasing; a copy. */
  public double[] singularValues() {
    return singularValues.clone();
  }
}
