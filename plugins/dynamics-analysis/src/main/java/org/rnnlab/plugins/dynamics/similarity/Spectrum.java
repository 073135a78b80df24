package org.rnnlab.plugins.dynamics.similarity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigenvalues of a square real matrix, as points of the complex plane, sorted by decreasing
 * modulus (then by real part, then by imaginary part) so that files are reproducible.
 *
 * @param real real parts
 * @param imaginary imaginary parts, as many as {@code real}
 */
public record Spectrum(double[] real, double[] imaginary) {

  /**
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public Spectrum {
    if (real.length != imaginary.length) {
      throw new IllegalArgumentException(
          real.length + " real parts and " + imaginary.length + " imaginary parts");
    }
    real = real.clone();
    imaginary = imaginary.clone();
  }

  /**
   * The eigenvalues (not the singular values) of {@code a}.
   *
   * @throws IllegalArgumentException if {@code a} is not square
   * @throws IllegalStateException if the decomposition does not converge
   */
  public static Spectrum of(DMatrixRMaj a) {
    if (a.numRows != a.numCols) {
      throw new IllegalArgumentException(
          "eigenvalues need a square matrix, got " + a.numRows + " × " + a.numCols);
    }
    int n = a.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, false);
    if (!eig.decompose(a.copy())) {
      throw new IllegalStateException("the eigen-decomposition did not converge");
    }
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      Complex_F64 value = eig.getEigenvalue(i);
      re[i] = value.getReal();
      im[i] = value.getImaginary();
    }
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> -Math.hypot(re[i], im[i]))
            .thenComparingDouble(i -> -re[i])
            .thenComparingDouble(i -> -im[i]));
    double[] sortedRe = new double[n];
    double[] sortedIm = new double[n];
    for (int k = 0; k < n; k++) {
      sortedRe[k] = re[order[k]];
      sortedIm[k] = im[order[k]];
    }
    return new Spectrum(sortedRe, sortedIm);
  }

  /** The number of eigenvalues. */
  public int size() {
    return real.length;
  }

  /** The largest modulus, 0 for an empty spectrum. */
  public double spectralRadius() {
    double max = 0;
    for (int i = 0; i < real.length; i++) {
      max = Math.max(max, Math.hypot(real[i], imaginary[i]));
    }
    return max;
  }

  /**
   * The 1-Wasserstein (earth mover's) distance between the two spectra as uniform distributions on
   * the complex plane with the euclidean ground distance {@code |λ − μ|}: the smaller spectrum is
   * padded with zeros (the spectrum of its matrix zero-padded to the other's size, as DSA pads
   * matrices), and with equally many points of equal weight the optimal transport is an optimal
   * assignment, so the distance is the mean matched {@code |λ_i − μ_π(i)|} under the cheapest
   * matching {@code π} ({@link Assignment}).
   *
   * @throws IllegalArgumentException if both spectra are empty
   */
  public double wassersteinDistance(Spectrum other) {
    int n = Math.max(size(), other.size());
    if (n == 0) {
      throw new IllegalArgumentException("both spectra are empty");
    }
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      double ar = i < size() ? real[i] : 0;
      double ai = i < size() ? imaginary[i] : 0;
      for (int j = 0; j < n; j++) {
        double br = j < other.size() ? other.real[j] : 0;
        double bi = j < other.size() ? other.imaginary[j] : 0;
        cost[i][j] = Math.hypot(ar - br, ai - bi);
      }
    }
    int[] match = Assignment.solve(cost);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += cost[i][match[i]];
    }
    return sum / n;
  }
}
