package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.SeededNoise;

/** Test helpers: building networks, plain-Java linear algebra, and noise adapters. */
final class Nets {

  private Nets() {}

  static RecurrentNetwork build(
      Model model, NetworkShape shape, Map<String, ?> overrides, long seed, NDManager manager) {
    Parameters params = ComponentContract.parameters(model, overrides);
    return model.create(params, shape, new SplittableRandom(seed), manager);
  }

  /** A parameter's values as doubles, row-major. */
  static double[] values(RecurrentNetwork net, String name) {
    float[] f = net.parameters().get(name).toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Overwrites every parameter with N(0, scale²) values from a seeded generator. */
  static void randomise(RecurrentNetwork net, double scale, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (NDArray p : net.parameters().values()) {
      float[] v = new float[Math.toIntExact(p.getShape().size())];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (scale * random.nextGaussian());
      }
      p.set(v);
    }
  }

  /** {@code x·W} for a row vector x and a row-major {@code [rows, cols]} W. */
  static double[] times(double[] x, double[] w, int cols) {
    int rows = x.length;
    double[] y = new double[cols];
    for (int j = 0; j < cols; j++) {
      double s = 0;
      for (int i = 0; i < rows; i++) {
        s += x[i] * w[i * cols + j];
      }
      y[j] = s;
    }
    return y;
  }

  static double[] plus(double[] a, double[] b) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      y[i] = a[i] + b[i];
    }
    return y;
  }

  static double[] slice(double[] a, int from, int to) {
    return java.util.Arrays.copyOfRange(a, from, to);
  }

  static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  static double[] row(float[] all, int row, int width) {
    double[] r = new double[width];
    for (int j = 0; j < width; j++) {
      r[j] = all[row * width + j];
    }
    return r;
  }

  static double[] gaussian(SplittableRandom random, int n, double std) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = std * random.nextGaussian();
    }
    return v;
  }

  static NDArray array(NDManager manager, double[] values, long... shape) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return manager.create(f, new Shape(shape));
  }

  /** The first {@code [rows, width]} standard-normal draw a {@link SeededNoise} hands out. */
  static double[] firstDraw(long seed, int rows, int width, NDManager manager) {
    float[] f =
        new SeededNoise(seed).standardNormal(new Shape(rows, width), manager).toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** A noise source that is enabled and must never be asked for a draw. */
  static final Noise MUST_NOT_DRAW =
      new Noise() {
        @Override
        public boolean enabled() {
          return true;
        }

        @Override
        public NDArray standardNormal(Shape shape, NDManager manager) {
          throw new AssertionError("a network drew noise it should not draw");
        }
      };

  /** A noise source that is enabled and hands out zeros. */
  static final Noise ZEROS =
      new Noise() {
        @Override
        public boolean enabled() {
          return true;
        }

        @Override
        public NDArray standardNormal(Shape shape, NDManager manager) {
          return manager.zeros(shape);
        }
      };

  /**
   * Runs a network with seeded noise (a new seed per call, initial-state noise included) whatever
   * noise the caller passes, so that the testkit's training check exercises the noisy paths.
   */
  static RecurrentNetwork withNoise(RecurrentNetwork inner, long seed) {
    return new RecurrentNetwork() {
      private long next = seed;
      private Noise current = new SeededNoise(seed);

      @Override
      public int hiddenSize() {
        return inner.hiddenSize();
      }

      @Override
      public Map<String, NDArray> parameters() {
        return inner.parameters();
      }

      @Override
      public NDArray initialState(int batchSize, NDManager manager) {
        current = new SeededNoise(next++);
        return ((CellNetwork) inner).initialState(batchSize, manager, current);
      }

      @Override
      public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
        return inner.forward(inputs, h0, current);
      }

      @Override
      public NDArray step(NDArray h, NDArray x, Noise noise) {
        return inner.step(h, x, current);
      }

      @Override
      public NDArray readout(NDArray h) {
        return inner.readout(h);
      }
    };
  }
}
