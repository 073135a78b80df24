package org.rnnlab.plugins.dynamics.similarity;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Time-delay (Hankel) embedding of trials, as DSA's {@code embed_signal}: row {@code t} of a
 * trial's embedding is {@code [x_t, x_{t+τ}, …, x_{t+(K−1)τ}]} for {@code K = nDelays} and {@code τ
 * = delayInterval}, so a trial of {@code T} steps and {@code n} dimensions gives {@code T − (K−1)τ}
 * rows of {@code n·K} values. (DSA orders the delay blocks differently; a column permutation leaves
 * the singular values and right-hand time coordinates of the embedding unchanged.)
 *
 * <p>Embeddings of long recordings are large ({@code 128 × 20} columns for a 128-unit network with
 * 20 delays), so {@link #gram} computes {@code HᵀH} from lagged products of the states without
 * forming {@code H}.
 */
public final class DelayEmbedding {

  private DelayEmbedding() {}

  /** Rows a trial of {@code steps} steps embeds to; may be 0 or negative for short trials. */
  public static int rows(int steps, int nDelays, int delayInterval) {
    return steps - (nDelays - 1) * delayInterval;
  }

  /**
   * The embedding of one trial {@code [step][dimension]}, {@code [T − (K−1)τ][n·K]}.
   *
   * @throws IllegalArgumentException if {@code nDelays} or {@code delayInterval} is below 1, or the
   *     trial is shorter than {@code (K−1)τ + 1} steps
   */
  public static double[][] embed(float[][] trial, int nDelays, int delayInterval) {
    check(nDelays, delayInterval);
    int rows = rows(trial.length, nDelays, delayInterval);
    if (rows < 1) {
      throw new IllegalArgumentException(
          "a trial of "
              + trial.length
              + " steps is too short for nDelays "
              + nDelays
              + " and delayInterval "
              + delayInterval);
    }
    int n = trial[0].length;
    double[][] out = new double[rows][n * nDelays];
    for (int t = 0; t < rows; t++) {
      for (int d = 0; d < nDelays; d++) {
        float[] x = trial[t + d * delayInterval];
        for (int j = 0; j < n; j++) {
          out[t][d * n + j] = x[j];
        }
      }
    }
    return out;
  }

  /**
   * {@code Σ_trials HᵀH}, the uncentred Gram matrix of the stacked embeddings, {@code n·K × n·K}.
   *
   * <p>Block {@code (i, j)} is {@code Σ_t x_{t+iτ} x_{t+jτ}ᵀ} over the trial's embedding rows. The
   * blocks on one block-diagonal ({@code j − i = ℓ}) share the lagged product {@code Σ x_t
   * x_{t+ℓτ}ᵀ} over a window that slides by {@code τ} steps, so each is the previous one plus the
   * {@code τ} steps entering and minus the {@code τ} leaving: the cost is {@code K} lagged products
   * per trial instead of {@code K²}.
   *
   * @param trials trials {@code [step][dimension]}, all of the same dimension; trials with fewer
   *     than {@code (K−1)τ + 1} steps are skipped
   * @throws IllegalArgumentException if the parameters are below 1 or no trial is long enough
   */
  public static DMatrixRMaj gram(List<float[][]> trials, int nDelays, int delayInterval) {
    check(nDelays, delayInterval);
    int n = -1;
    DMatrixRMaj[] base = new DMatrixRMaj[nDelays];
    // corrections[l][i]: block (i+1, i+1+l) minus block (i, i+l), summed over trials
    DMatrixRMaj[][] corrections = new DMatrixRMaj[nDelays][];
    int used = 0;
    for (float[][] trial : trials) {
      int rows = rows(trial.length, nDelays, delayInterval);
      if (rows < 1) {
        continue;
      }
      if (n < 0) {
        n = trial[0].length;
        for (int l = 0; l < nDelays; l++) {
          base[l] = new DMatrixRMaj(n, n);
          corrections[l] = new DMatrixRMaj[Math.max(0, nDelays - 1 - l)];
          for (int i = 0; i < corrections[l].length; i++) {
            corrections[l][i] = new DMatrixRMaj(n, n);
          }
        }
      }
      DMatrixRMaj x = matrix(trial, n);
      DMatrixRMaj head = CommonOps_DDRM.extract(x, 0, rows, 0, n);
      for (int l = 0; l < nDelays; l++) {
        int lag = l * delayInterval;
        DMatrixRMaj lagged = CommonOps_DDRM.extract(x, lag, lag + rows, 0, n);
        CommonOps_DDRM.multAddTransA(head, lagged, base[l]);
        for (int i = 0; i < corrections[l].length; i++) {
          int leaving = i * delayInterval;
          int entering = leaving + rows;
          addLagged(x, entering, lag, delayInterval, n, 1, corrections[l][i]);
          addLagged(x, leaving, lag, delayInterval, n, -1, corrections[l][i]);
        }
      }
      used++;
    }
    if (used == 0) {
      throw new IllegalArgumentException(
          "no trial is longer than (nDelays − 1) · delayInterval = "
              + (nDelays - 1) * delayInterval
              + " steps; lower nDelays or delayInterval");
    }
    int size = n * nDelays;
    DMatrixRMaj g = new DMatrixRMaj(size, size);
    for (int l = 0; l < nDelays; l++) {
      DMatrixRMaj block = base[l].copy();
      for (int i = 0; i + l < nDelays; i++) {
        if (i > 0) {
          CommonOps_DDRM.addEquals(block, corrections[l][i - 1]);
        }
        int j = i + l;
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            double v = block.get(a, b);
            g.set(i * n + a, j * n + b, v);
            g.set(j * n + b, i * n + a, v);
          }
        }
      }
    }
    return g;
  }

  /** {@code out += sign · Σ_{t=from}^{from+τ−1} x_t x_{t+lag}ᵀ}. */
  private static void addLagged(
      DMatrixRMaj x, int from, int lag, int steps, int n, double sign, DMatrixRMaj out) {
    double[] data = x.data;
    double[] o = out.data;
    for (int t = from; t < from + steps; t++) {
      int rowA = t * n;
      int rowB = (t + lag) * n;
      for (int a = 0; a < n; a++) {
        double va = sign * data[rowA + a];
        if (va == 0) {
          continue;
        }
        int outRow = a * n;
        for (int b = 0; b < n; b++) {
          o[outRow + b] += va * data[rowB + b];
        }
      }
    }
  }

  static DMatrixRMaj matrix(float[][] trial, int n) {
    DMatrixRMaj x = new DMatrixRMaj(trial.length, n);
    for (int t = 0; t < trial.length; t++) {
      if (trial[t].length != n) {
        throw new IllegalArgumentException(
            "states have " + n + " and " + trial[t].length + " dimensions; DSA needs one size");
      }
      for (int j = 0; j < n; j++) {
        x.data[t * n + j] = trial[t][j];
      }
    }
    return x;
  }

  private static void check(int nDelays, int delayInterval) {
    if (nDelays < 1) {
      throw new IllegalArgumentException("nDelays must be at least 1, got " + nDelays);
    }
    if (delayInterval < 1) {
      throw new IllegalArgumentException("delayInterval must be at least 1, got " + delayInterval);
    }
  }
}
