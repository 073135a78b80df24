package org.rnnlab.plugins.decisions;

/**
 * Maximum-likelihood logistic regression of a binary choice on one variable, {@code P(y = 1 | c) =
 * 1 / (1 + exp(−(a + b·c)))}, by Newton's method (iteratively reweighted least squares).
 *
 * <p>The variable is rescaled to {@code [−1, 1]} internally and a weak Gaussian prior (ridge
 * penalty {@value #RIDGE}/2 · (a² + b̃²) on the rescaled coefficients) keeps the estimate finite
 * when the choices are perfectly separated, as they are for a well-trained network at all non-zero
 * coherences; with a few hundred unseparated trials its effect on the estimate is negligible.
 *
 * @param intercept a
 * @param slope b, per unit of the variable
 * @param iterations Newton steps taken
 */
record LogisticFit(double intercept, double slope, int iterations) {

  static final double RIDGE = 1e-2;
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-10;

  /** The fitted probability that y = 1 at {@code c}. */
  double probability(double c) {
    return sigmoid(intercept + slope * c);
  }

  /**
   * Fits the model.
   *
   * @param c the variable per observation
   * @param y the outcome per observation
   * @throws IllegalArgumentException if the arrays are empty or differ in length
   */
  static LogisticFit fit(double[] c, boolean[] y) {
    if (c.length == 0 || c.length != y.length) {
      throw new IllegalArgumentException(
          "a logistic fit needs as many outcomes as values, at least one; got "
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
    double objective = logPosterior(x, y, a, b);
    int iteration = 0;
    while (iteration < MAX_ITERATIONS) {
      iteration++;
      // Gradient and negative Hessian of the penalised log-likelihood.
      double ga = -RIDGE * a;
      double gb = -RIDGE * b;
      double haa = RIDGE;
      double hab = 0;
      double hbb = RIDGE;
      for (int i = 0; i < x.length; i++) {
        double p = sigmoid(a + b * x[i]);
        double r = (y[i] ? 1 : 0) - p;
        double w = p * (1 - p);
        ga += r;
        gb += r * x[i];
        haa += w;
        hab += w * x[i];
        hbb += w * x[i] * x[i];
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      // Step halving keeps every iteration an ascent step (Newton can overshoot far from the
      // optimum).
      double step = 1;
      double next = logPosterior(x, y, a + da, b + db);
      while (next < objective && step > 1e-6) {
        step /= 2;
        next = logPosterior(x, y, a + step * da, b + step * db);
      }
      a += step * da;
      b += step * db;
      objective = next;
      if (Math.abs(step * da) + Math.abs(step * db) < TOLERANCE) {
        break;
      }
    }
    return new LogisticFit(a, b / scale, iteration);
  }

  private static double logPosterior(double[] x, boolean[] y, double a, double b) {
    double sum = -0.5 * RIDGE * (a * a + b * b);
    for (int i = 0; i < x.length; i++) {
      double z = a + b * x[i];
      sum -= y[i] ? softplus(-z) : softplus(z); // log σ(z) = −softplus(−z)
    }
    return sum;
  }

  private static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
