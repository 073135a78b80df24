package org.rnnlab.plugins.dynamics.similarity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The leading eigenpairs of a symmetric positive semi-definite matrix.
 *
 * <p>Small matrices are decomposed fully. For large ones (a delay embedding of 128 units and 20
 * delays gives 2560 × 2560, whose full decomposition takes the better part of a minute) the leading
 * {@code count} pairs come from block subspace iteration with Rayleigh–Ritz on {@code min(n,
 * 2·count + 10)} vectors, started deterministically from the coordinate vectors of the largest
 * diagonal entries, until every wanted Ritz pair has residual {@code ‖G z − θ z‖ ≤ 1e-9 · θ_max}
 * (or {@link #MAX_ITERATIONS} is reached).
 *
 * @param values eigenvalues, decreasing, {@code count} of them
 * @param vectors unit eigenvectors in the columns, {@code n × count}
 */
record LeadingEigenvectors(double[] values, DMatrixRMaj vectors) {

  /** Iteration cap of the subspace iteration. */
  static final int MAX_ITERATIONS = 60;

  /** Matrices up to this size are decomposed fully. */
  static final int FULL_DECOMPOSITION_SIZE = 600;

  private static final double TOLERANCE = 1e-9;

  /** The {@code count} leading pairs of {@code g}; {@code g} is not modified. */
  static LeadingEigenvectors of(DMatrixRMaj g, int count) {
    int n = g.numRows;
    count = Math.min(count, n);
    int block = Math.min(n, 2 * count + 10);
    if (n <= FULL_DECOMPOSITION_SIZE || 2 * block > n) {
      return full(g, count);
    }
    double[] diagonal = new double[n];
    for (int i = 0; i < n; i++) {
      diagonal[i] = g.get(i, i);
    }
    Integer[] byDiagonal = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(byDiagonal, Comparator.comparingDouble((Integer i) -> -diagonal[i]));
    DMatrixRMaj start = new DMatrixRMaj(n, block);
    for (int j = 0; j < block; j++) {
      start.set(byDiagonal[j], j, 1);
    }
    DMatrixRMaj y = new DMatrixRMaj(n, block);
    CommonOps_DDRM.mult(g, start, y);
    DMatrixRMaj gq = new DMatrixRMaj(n, block);
    DMatrixRMaj t = new DMatrixRMaj(block, block);
    DMatrixRMaj z = new DMatrixRMaj(n, block);
    double[] theta = new double[block];
    for (int iteration = 0; ; iteration++) {
      QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, block);
      if (!qr.decompose(y)) {
        throw new IllegalStateException("the QR decomposition of the subspace failed");
      }
      DMatrixRMaj q = qr.getQ(null, true);
      CommonOps_DDRM.mult(g, q, gq);
      CommonOps_DDRM.multTransA(q, gq, t);
      DMatrixRMaj w = sortedEigenvectors(symmetrised(t), theta);
      CommonOps_DDRM.mult(q, w, z);
      CommonOps_DDRM.mult(gq, w, y); // y = G z, the next iterate
      double worst = 0;
      for (int k = 0; k < count; k++) {
        double r = 0;
        for (int i = 0; i < n; i++) {
          double e = y.get(i, k) - theta[k] * z.get(i, k);
          r += e * e;
        }
        worst = Math.max(worst, Math.sqrt(r));
      }
      if (iteration + 1 >= MAX_ITERATIONS) {
        // a flat spectrum converges slowly: the full decomposition is then cheaper
        return full(g, count);
      }
      if (worst <= TOLERANCE * Math.max(theta[0], Double.MIN_NORMAL)) {
        return new LeadingEigenvectors(
            Arrays.copyOf(theta, count), CommonOps_DDRM.extract(z, 0, n, 0, count));
      }
    }
  }

  private static LeadingEigenvectors full(DMatrixRMaj g, int count) {
    double[] values = new double[g.numRows];
    DMatrixRMaj vectors = sortedEigenvectors(symmetrised(g), values);
    return new LeadingEigenvectors(
        Arrays.copyOf(values, count), CommonOps_DDRM.extract(vectors, 0, g.numRows, 0, count));
  }

  private static DMatrixRMaj symmetrised(DMatrixRMaj m) {
    DMatrixRMaj s = m.copy();
    for (int i = 0; i < s.numRows; i++) {
      for (int j = i + 1; j < s.numCols; j++) {
        double v = 0.5 * (s.get(i, j) + s.get(j, i));
        s.set(i, j, v);
        s.set(j, i, v);
      }
    }
    return s;
  }

  /** Unit eigenvectors of symmetric {@code s} by decreasing eigenvalue; values into {@code out}. */
  private static DMatrixRMaj sortedEigenvectors(DMatrixRMaj s, double[] out) {
    int n = s.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(s)) {
      throw new IllegalStateException("a symmetric eigen-decomposition did not converge");
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = eig.getEigenvalue(i).getReal();
    }
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
    DMatrixRMaj vectors = new DMatrixRMaj(n, n);
    for (int k = 0; k < n; k++) {
      out[k] = values[order[k]];
      DMatrixRMaj v = eig.getEigenVector(order[k]);
      double norm = Math.sqrt(CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(v, v, null)));
      for (int i = 0; i < n; i++) {
        vectors.set(i, k, v.get(i, 0) / norm);
      }
    }
    return vectors;
  }
}
