package org.rnnlab.plugins.models;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Initial recurrent weight matrices, drawn from the run's initialisation stream.
 *
 * <p>All three scale with a gain {@code g}:
 *
 * <ul>
 *   <li>{@code uniform}: U(−g/√H, g/√H), PyTorch's {@code nn.Linear} default when g = 1;
 *   <li>{@code orthogonal}: g times a random orthogonal matrix (Haar-distributed: Gram–Schmidt on a
 *       Gaussian matrix), as in Yang et al. 2019 ({@code randortho});
 *   <li>{@code gaussian}: N(0, g²/H), whose spectrum fills a disc of radius ≈ g.
 * </ul>
 */
enum RecurrentInit {
  UNIFORM,
  ORTHOGONAL,
  GAUSSIAN;

  /** Script names, in declaration order. */
  static final List<String> NAMES = List.of("uniform", "orthogonal", "gaussian");

  /**
   * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
   */
  static RecurrentInit named(String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "recurrentInit must be one of " + NAMES + ", got '" + name + "'");
    }
    return values()[i];
  }

  /** A row-major {@code [size, size]} matrix. */
  float[] draw(int size, double gain, RandomGenerator random) {
    return switch (this) {
      case UNIFORM -> Weights.uniform(size * size, gain / Math.sqrt(size), random);
      case GAUSSIAN -> {
        float[] w = new float[size * size];
        double std = gain / Math.sqrt(size);
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) (std * random.nextGaussian());
        }
        yield w;
      }
      case ORTHOGONAL -> {
        double[][] q = Weights.randomOrthogonal(size, random);
        float[] w = new float[size * size];
        for (int i = 0; i < size; i++) {
          for (int j = 0; j < size; j++) {
            w[i * size + j] = (float) (gain * q[i][j]);
          }
        }
        yield w;
      }
    };
  }
}
