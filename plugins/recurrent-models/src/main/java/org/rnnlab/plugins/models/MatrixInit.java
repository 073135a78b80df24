package org.rnnlab.plugins.models;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Initial weight matrices, drawn from the run's initialisation stream, by their script names.
 *
 * <p>A matrix is stored input-major, {@code [fanIn, fanOut]} (the network computes {@code x·W}),
 * and every kind scales with a gain {@code g}:
 *
 * <ul>
 *   <li>{@code uniform}: U(−g/√n, g/√n). With g = 1 this is PyTorch's default: {@code nn.Linear}
 *       uses n = fanIn, {@code nn.GRU}/{@code nn.LSTM} use n = the hidden size for every gate
 *       weight (the model says which n it uses);
 *   <li>{@code gaussian}: N(0, g²/n), with the same n; a square one has its spectrum in a disc of
 *       radius ≈ g;
 *   <li>{@code normal}: N(0, g²), the gain being the standard deviation itself (CtDB's NODE readout
 *       uses g = 0.01);
 *   <li>{@code glorot}: Xavier uniform, U(−a, a) with a = g·√(6/(fanIn + fanOut));
 *   <li>{@code glorot-normal}: Xavier normal, N(0, 2g²/(fanIn + fanOut)) (PsychRNN's default {@code
 *       glorot_gauss});
 *   <li>{@code orthogonal}: g times a Haar-random (semi-)orthogonal matrix, as in Yang et al. 2019
 *       ({@code randortho}); a tall matrix has orthonormal columns, a wide one orthonormal rows;
 *   <li>{@code diagonal}: g·I (square matrices only; Yang's {@code diag}). Draws nothing.
 * </ul>
 *
 * <p>Gated cells (GRU, LSTM) draw each gate's {@code [fanIn, H]} block separately, so that, for
 * example, every gate's recurrent block is orthogonal.
 */
enum MatrixInit {
  UNIFORM,
  GAUSSIAN,
  NORMAL,
  GLOROT,
  GLOROT_NORMAL,
  ORTHOGONAL,
  DIAGONAL;

  /** Script names, in declaration order. */
  static final List<String> NAMES =
      List.of("uniform", "gaussian", "normal", "glorot", "glorot-normal", "orthogonal", "diagonal");

  /**
   * @param parameter the script parameter that named it, for the message
   * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
   */
  static MatrixInit named(String parameter, String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          parameter + " must be one of " + NAMES + ", got '" + name + "'");
    }
    return values()[i];
  }

  /** The script name. */
  String scriptName() {
    return NAMES.get(ordinal());
  }

  /**
   * Checks that this kind can fill a {@code [rows, cols]} matrix.
   *
   * @param parameter the script parameter that chose this kind, for the message
   * @param matrix the parameter name of the matrix, for the message
   * @throws IllegalArgumentException if this is {@code diagonal} and the matrix is not square
   */
  void check(String parameter, String matrix, int rows, int cols) {
    if (this == DIAGONAL && rows != cols) {
      throw new IllegalArgumentException(
          parameter
              + " 'diagonal' needs a square matrix, but "
              + matrix
              + " is ["
              + rows
              + ", "
              + cols
              + "]; use it for recurrentInit, or pick one of "
              + NAMES.subList(0, NAMES.size() - 1));
    }
  }

  /**
   * A row-major {@code [rows, cols]} matrix, {@code rows} being the fan-in.
   *
   * @param fan the n of {@code uniform} and {@code gaussian}
   */
  float[] draw(int rows, int cols, int fan, double gain, RandomGenerator random) {
    int size = rows * cols;
    return switch (this) {
      case UNIFORM -> Weights.uniform(size, gain / Math.sqrt(fan), random);
      case GAUSSIAN -> Weights.gaussian(size, gain / Math.sqrt(fan), random);
      case NORMAL -> Weights.gaussian(size, gain, random);
      case GLOROT -> Weights.uniform(size, gain * Math.sqrt(6.0 / (rows + cols)), random);
      case GLOROT_NORMAL -> Weights.gaussian(size, gain * Math.sqrt(2.0 / (rows + cols)), random);
      case ORTHOGONAL -> orthogonal(rows, cols, gain, random);
      case DIAGONAL -> {
        check("init", "the matrix", rows, cols);
        float[] w = new float[size];
        for (int i = 0; i < rows; i++) {
          w[i * cols + i] = (float) gain;
        }
        yield w;
      }
    };
  }

  /**
   * A row-major {@code [rows, blocks·blockCols]} matrix made of {@code blocks} independently drawn
   * {@code [rows, blockCols]} blocks side by side (block k in columns {@code k·blockCols …}), drawn
   * in block order.
   */
  float[] drawBlocks(
      int rows, int blockCols, int blocks, int fan, double gain, RandomGenerator random) {
    int cols = blocks * blockCols;
    float[] w = new float[rows * cols];
    for (int k = 0; k < blocks; k++) {
      float[] block = draw(rows, blockCols, fan, gain, random);
      for (int i = 0; i < rows; i++) {
        System.arraycopy(block, i * blockCols, w, i * cols + k * blockCols, blockCols);
      }
    }
    return w;
  }

  private static float[] orthogonal(int rows, int cols, double gain, RandomGenerator random) {
    boolean tall = rows >= cols;
    double[][] q =
        tall
            ? Weights.orthonormalColumns(rows, cols, random)
            : Weights.orthonormalColumns(cols, rows, random);
    float[] w = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        w[i * cols + j] = (float) (gain * (tall ? q[i][j] : q[j][i]));
      }
    }
    return w;
  }
}
