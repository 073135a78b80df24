package org.rnnlab.plugins.decisions;

/**
 * Maximum-likelihood psychometric function of a binary choice on one variable, {@code P(y = 1 | c)
 * = F(a + b·c)}, with {@code F} the logistic function or the standard normal CDF (probit), fitted
 * by Fisher scoring (iteratively reweighted least squares) with step halving.
 *
 * <p>The variable is rescaled to {@code [−1, 1]} internally and a weak Gaussian prior (ridge
 * penalty {@value #RIDGE}/2 · (a² + b̃²) on the rescaled coefficients) keeps the estimate finite
 * when the choices are perfectly separated, as they are for a well-trained network at all non-zero
 * coherences; with a few hundred unseparated trials its effect on the estimate is negligible.
 *
 * @param link the function {@code F}
 * @param intercept a
 * @param slope b, per unit of the variable
 * @param iterations scoring steps taken
 */
record PsychometricFit(Link link, double intercept, double slope, int iterations) {

  /** The psychometric function's shape. */
  enum Link {
    /** {@code F(z) = 1/(1 + e^−z)}. */
    LOGISTIC,
    /** {@code F(z) = Φ(z)}, the standard normal CDF. */
    PROBIT
  }

  static final double RIDGE = 1e-2;
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-10;

  /** The fitted probability that y = 1 at {@code c}. */
  double probability(double c) {
    return cdf(link, intercept + slope * c);
  }

  /** Fits a logistic function. */
  static PsychometricFit fit(double[] c, boolean[] y) {
    return fit(c, y, Link.LOGISTIC);
  }

  /**
   * Fits the model.
   *
   * @param c the variable per observation
   * @param y the outcome per observation
   * @throws IllegalArgumentException if the arrays are empty or differ in length
   */
  static PsychometricFit fit(double[] c, boolean[] y, Link link) {
    if (c.length == 0 || c.length != y.length) {
      throw new IllegalArgumentException(
          "a psychometric fit needs as many outcomes as values, at least one; got "
              + c.length
              + " and "
              + y.length);
    }
    double scale = 0;
    for (double v : c) {
      scale = Math.max(scale, Math.abs(v));
    }
    if (scale == 0) {
      scale = 1;
    }
    double[] x = new double[c.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = c[i] / scale;
    }
    double a = 0;
    double b = 0;
    double objective = logPosterior(link, x, y, a, b);
    int iteration = 0;
    while (iteration < MAX_ITERATIONS) {
      iteration++;
      // Score and Fisher information of the penalised log-likelihood.
      double ga = -RIDGE * a;
      double gb = -RIDGE * b;
      double haa = RIDGE;
      double hab = 0;
      double hbb = RIDGE;
      for (int i = 0; i < x.length; i++) {
        double z = a + b * x[i];
        double p = cdf(link, z);
        double q = cdf(link, -z);
        double f = density(link, z);
        double pq = Math.max(p * q, 1e-300);
        double r = ((y[i] ? 1 : 0) - p) * f / pq;
        double w = f * f / pq;
        ga += r;
        gb += r * x[i];
        haa += w;
        hab += w * x[i];
        hbb += w * x[i] * x[i];
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      // Step halving keeps every iteration an ascent step (scoring can overshoot far from the
      // optimum).
      double step = 1;
      double next = logPosterior(link, x, y, a + da, b + db);
      while (next < objective && step > 1e-6) {
        step /= 2;
        next = logPosterior(link, x, y, a + step * da, b + step * db);
      }
      a += step * da;
      b += step * db;
      objective = next;
      if (Math.abs(step * da) + Math.abs(step * db) < TOLERANCE) {
        break;
      }
    }
    return new PsychometricFit(link, a, b / scale, iteration);
  }

  private static double logPosterior(Link link, double[] x, boolean[] y, double a, double b) {
    double sum = -0.5 * RIDGE * (a * a + b * b);
    for (int i = 0; i < x.length; i++) {
      double z = a + b * x[i];
      sum += y[i] ? logCdf(link, z) : logCdf(link, -z);
    }
    return sum;
  }

  static double cdf(Link link, double z) {
    return link == Link.LOGISTIC
        ? (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))
        : 0.5 * erfc(-z / Math.sqrt(2));
  }

  private static double density(Link link, double z) {
    if (link == Link.LOGISTIC) {
      double p = cdf(link, z);
      return p * (1 - p);
    }
    return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  /** log F(z), accurate in both tails. */
  private static double logCdf(Link link, double z) {
    if (link == Link.LOGISTIC) {
      return -(z < 0 ? -z + Math.log1p(Math.exp(z)) : Math.log1p(Math.exp(-z)));
    }
    double u = -z / Math.sqrt(2);
    return Math.log(0.5) + logErfc(u);
  }

  /**
   * The complementary error function by the Chebyshev-fitted approximation published in Numerical
   * Recipes (fractional error below 1.2e-7 everywhere).
   */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double ans = t * Math.exp(-z * z + erfcPolynomial(t));
    return x >= 0 ? ans : 2 - ans;
  }

  private static double logErfc(double x) {
    if (x < 0) {
      return Math.log(erfc(x));
    }
    double t = 1 / (1 + 0.5 * x);
    return Math.log(t) - x * x + erfcPolynomial(t);
  }

  private static double erfcPolynomial(double t) {
    return -1.26551223
        + t
            * (1.00002368
                + t
                    * (0.37409196
                        + t
                            * (0.09678418
                                + t
                                    * (-0.18628806
                                        + t
                                            * (0.27886807
                                                + t
                                                    * (-1.13520398
                                                        + t
                                                            * (1.48851587
                                                                + t
                                                                    * (-0.82215223
                                                                        + t * 0.17087277))))))));
  }
}
