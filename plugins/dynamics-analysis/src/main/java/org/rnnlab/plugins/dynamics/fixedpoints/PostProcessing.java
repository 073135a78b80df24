package org.rnnlab.plugins.dynamics.fixedpoints;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * FixedPointFinder's clean-up of search results: duplicates, distance outliers and q outliers.
 * Stateless; every method works on plain arrays and returns point indices.
 */
public final class PostProcessing {

  private PostProcessing() {}

  /**
   * One point per group of duplicates: two points are duplicates when every element of {@code [x*,
   * u]} differs by at most {@code tolerance}. Points are visited in increasing q (ties by index),
   * and a point is kept unless it duplicates one already kept, so each kept point has the lowest q
   * of the points it absorbed.
   *
   * @param states {@code [point][hiddenSize]}
   * @param inputs {@code [point][inputSize]}
   * @param q each point's q
   * @return indices of the kept points, in increasing q
   * @throws IllegalArgumentException if the arrays disagree in length or the tolerance is negative
   */
  public static int[] unique(float[][] states, float[][] inputs, double[] q, double tolerance) {
    if (states.length != inputs.length || states.length != q.length) {
      throw new IllegalArgumentException(
          "states, inputs and q disagree: "
              + states.length
              + ", "
              + inputs.length
              + ", "
              + q.length);
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolUnique must be at least 0, got " + tolerance);
    }
    Integer[] order = byIncreasing(q);
    int[] kept = new int[states.length];
    int count = 0;
    for (int candidate : order) {
      boolean duplicate = false;
      for (int k = 0; k < count && !duplicate; k++) {
        duplicate =
            within(states[candidate], states[kept[k]], tolerance)
                && within(inputs[candidate], inputs[kept[k]], tolerance);
      }
      if (!duplicate) {
        kept[count++] = candidate;
      }
    }
    return Arrays.copyOf(kept, count);
  }

  /**
   * Whether each point is close enough to the initial states to keep: its distance to the centroid
   * of the initial states, divided by the mean distance of the initial states to that centroid, is
   * below {@code scale}. With all initial states equal (mean distance 0) only points at the
   * centroid are kept.
   *
   * @param states {@code [point][hiddenSize]}
   * @param initialStates every initial state of the search, {@code [init][hiddenSize]}
   * @throws IllegalArgumentException if there are no initial states
   */
  public static boolean[] distanceInliers(float[][] states, float[][] initialStates, double scale) {
    if (initialStates.length == 0) {
      throw new IllegalArgumentException("distance outliers need at least one initial state");
    }
    int d = initialStates[0].length;
    double[] centroid = new double[d];
    for (float[] s : initialStates) {
      for (int j = 0; j < d; j++) {
        centroid[j] += s[j];
      }
    }
    for (int j = 0; j < d; j++) {
      centroid[j] /= initialStates.length;
    }
    double meanDistance = 0;
    for (float[] s : initialStates) {
      meanDistance += distance(s, centroid);
    }
    meanDistance /= initialStates.length;
    boolean[] keep = new boolean[states.length];
    for (int i = 0; i < states.length; i++) {
      double dist = distance(states[i], centroid);
      keep[i] = meanDistance > 0 ? dist / meanDistance < scale : dist == 0;
    }
    return keep;
  }

  /**
   * Points whose q exceeds {@code scale} times the median q (FixedPointFinder's q outliers).
   *
   * @return their indices, increasing
   */
  public static int[] qOutliers(double[] q, double scale) {
    if (q.length == 0) {
      return new int[0];
    }
    double median = median(q);
    return IntStream.range(0, q.length).filter(i -> q[i] > scale * median).toArray();
  }

  /** The median (mean of the two middle values for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  private static Integer[] byIncreasing(double[] q) {
    Integer[] order = IntStream.range(0, q.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> q[i]).thenComparingInt(i -> i));
    return order;
  }

  private static boolean within(float[] a, float[] b, double tolerance) {
    for (int j = 0; j < a.length; j++) {
      if (Math.abs((double) a[j] - b[j]) > tolerance) {
        return false;
      }
    }
    return true;
  }

  private static double distance(float[] a, double[] centre) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double e = a[j] - centre[j];
      s += e * e;
    }
    return Math.sqrt(s);
  }
}
