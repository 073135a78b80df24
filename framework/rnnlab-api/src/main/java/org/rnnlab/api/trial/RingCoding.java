package org.rnnlab.api.trial;

/**
 * Population (ring) coding of angles: units with preferred directions evenly spaced on the circle.
 *
 * <p>Preferred direction of unit {@code k} (0-based) of {@code n} is {@code 2πk/n}.
 */
public final class RingCoding {

  private RingCoding() {}

  /** Preferred directions of {@code n} units, in radians. */
  public static double[] preferred(int n) {
    double[] p = new double[n];
    for (int k = 0; k < n; k++) {
      p[k] = 2 * Math.PI * k / n;
    }
    return p;
  }

  /** The absolute angular distance between two angles, in {@code [0, π]}. */
  public static double distance(double a, double b) {
    double d = Math.abs(a - b) % (2 * Math.PI);
    return Math.min(d, 2 * Math.PI - d);
  }

  /**
   * Gaussian bumps as in Yang et al. 2019: {@code amplitude · exp(−(d/width)²/2)} with {@code d}
   * the angular distance from each unit's preferred direction (Yang: amplitude 0.8, width π/8).
   */
  public static float[] gaussianBump(double angle, int n, double amplitude, double width) {
    double[] pref = preferred(n);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      double d = distance(angle, pref[k]) / width;
      out[k] = (float) (amplitude * Math.exp(-0.5 * d * d));
    }
    return out;
  }

  /** Cosine tuning {@code cos(pref − angle)}, as NeuroGym's ring tasks use. */
  public static float[] cosine(double angle, int n) {
    double[] pref = preferred(n);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (float) Math.cos(pref[k] - angle);
    }
    return out;
  }

  /**
   * The population-vector read-out of a ring: {@code atan2(Σ r_k sin θ_k, Σ r_k cos θ_k)}, in
   * {@code [0, 2π)} (Yang's {@code popvec}).
   */
  public static double populationVector(float[] activity) {
    double[] pref = preferred(activity.length);
    double s = 0;
    double c = 0;
    for (int k = 0; k < activity.length; k++) {
      s += activity[k] * Math.sin(pref[k]);
      c += activity[k] * Math.cos(pref[k]);
    }
    double a = Math.atan2(s, c);
    return a < 0 ? a + 2 * Math.PI : a;
  }
}
