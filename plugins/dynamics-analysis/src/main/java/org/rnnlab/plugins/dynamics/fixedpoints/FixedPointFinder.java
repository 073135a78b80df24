package org.rnnlab.plugins.dynamics.fixedpoints;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * FixedPointFinder's pipeline on given starting points: the joint search ({@link
 * FixedPointSearch}), de-duplication, exclusion of distance outliers, optional re-optimisation of q
 * outliers, optional subsampling, then the Jacobians and their eigenvalues at every remaining
 * point.
 *
 * <p>Not thread-safe (autograd); deterministic for the same inputs and random stream (which is used
 * only to subsample).
 */
public final class FixedPointFinder {

  private FixedPointFinder() {}

  /**
   * What happens after the search.
   *
   * @param search the search's optimiser and tolerances
   * @param tolUnique duplicates differ by at most this in every element of {@code [x*, u]}
   * @param excludeDistanceOutliers whether to drop points far from the initial states
   * @param outlierDistanceScale a point is a distance outlier when its distance to the centroid of
   *     the initial states is at least this many times their mean distance to it
   * @param rerunQOutliers whether to search again from points with {@code q > outlierQScale ·
   *     median q}
   * @param outlierQScale see {@code rerunQOutliers}
   * @param maxUnique keep at most this many points, drawn at random (0: no limit)
   */
  public record Options(
      FixedPointSearch.Settings search,
      double tolUnique,
      boolean excludeDistanceOutliers,
      double outlierDistanceScale,
      boolean rerunQOutliers,
      double outlierQScale,
      int maxUnique,
      int newtonSteps) {

    /**
     * @throws IllegalArgumentException naming the first value out of range
     */
    public Options {
      if (!(tolUnique >= 0)) {
        throw new IllegalArgumentException("tolUnique must be at least 0, got " + tolUnique);
      }
      if (!(outlierDistanceScale > 0)) {
        throw new IllegalArgumentException(
            "outlierDistanceScale must be positive, got " + outlierDistanceScale);
      }
      if (!(outlierQScale > 0)) {
        throw new IllegalArgumentException("outlierQScale must be positive, got " + outlierQScale);
      }
      if (maxUnique < 0) {
        throw new IllegalArgumentException("maxUnique must be at least 0, got " + maxUnique);
      }
      if (newtonSteps < 0) {
        throw new IllegalArgumentException("newtonSteps must be at least 0, got " + newtonSteps);
      }
    }

    /** Options without Newton refinement (FixedPointFinder has none). */
    public Options(
        FixedPointSearch.Settings search,
        double tolUnique,
        boolean excludeDistanceOutliers,
        double outlierDistanceScale,
        boolean rerunQOutliers,
        double outlierQScale,
        int maxUnique) {
      this(
          search,
          tolUnique,
          excludeDistanceOutliers,
          outlierDistanceScale,
          rerunQOutliers,
          outlierQScale,
          maxUnique,
          0);
    }

    /**
     * FixedPointFinder's defaults: tolUnique 1e-3, distance outliers excluded at scale 10, q
     * outliers not re-run (scale 10), no limit on the number of points.
     */
    public static Options defaults() {
      return new Options(FixedPointSearch.Settings.defaults(), 1e-3, true, 10, false, 10, 0);
    }

    /** A copy with other search settings. */
    public Options withSearch(FixedPointSearch.Settings settings) {
      return new Options(
          settings,
          tolUnique,
          excludeDistanceOutliers,
          outlierDistanceScale,
          rerunQOutliers,
          outlierQScale,
          maxUnique);
    }
  }

  /**
   * The fixed points that survived post-processing, index-aligned, and how many were dropped where.
   *
   * @param xstar {@code [point][hiddenSize]}
   * @param xInit the initial state each point was found from
   * @param inputs the constant input of each point
   * @param qstar q at x*
   * @param dq the last change of q
   * @param nIters evaluations each point received (including a q-outlier re-run)
   * @param jacobians ∂F/∂h and ∂F/∂u at each point
   * @param stability eigenvalues and class of each point
   * @param search the joint search over all initial states (before post-processing)
   * @param unique points left after de-duplication
   * @param distanceOutliers points dropped as distance outliers
   * @param qOutliersRerun points re-optimised as q outliers
   * @param subsampledAway points dropped by {@code maxUnique}
   */
  public record Result(
      float[][] xstar,
      float[][] xInit,
      float[][] inputs,
      double[] qstar,
      double[] dq,
      int[] nIters,
      Jacobians jacobians,
      List<Stability> stability,
      FixedPointSearch.Result search,
      int unique,
      int distanceOutliers,
      int qOutliersRerun,
      int subsampledAway) {

    /** The number of fixed points kept. */
    public int size() {
      return xstar.length;
    }

    /** How many kept points are of {@code kind}, counting only those with {@code q* < maxQ}. */
    public int count(Stability.Kind kind, double maxQ) {
      int n = 0;
      for (int i = 0; i < size(); i++) {
        if (stability.get(i).kind() == kind && qstar[i] < maxQ) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Runs the pipeline.
   *
   * @param initialStates starting states {@code [point][hiddenSize]}
   * @param inputs the constant input of each starting point
   * @param random used only to subsample when {@code maxUnique} applies
   * @throws IllegalArgumentException if the arrays disagree in size or there are no points
   */
  public static Result find(
      RecurrentNetwork network,
      float[][] initialStates,
      float[][] inputs,
      Options options,
      RandomGenerator random,
      NDManager manager) {
    FixedPointSearch.Result all =
        FixedPointSearch.run(network, initialStates, inputs, options.search(), manager);
    if (options.newtonSteps() > 0) {
      // Damped Newton steps polish what the gradient search left; q* stays q(x*) exactly.
      NewtonRefinement.refine(
          network,
          all.xstar(),
          inputs,
          all.qstar(),
          options.newtonSteps(),
          options.search().tolQ(),
          manager);
    }
    int[] kept = PostProcessing.unique(all.xstar(), inputs, all.qstar(), options.tolUnique());
    int unique = kept.length;
    int distanceOutliers = 0;
    if (options.excludeDistanceOutliers()) {
      boolean[] inlier =
          PostProcessing.distanceInliers(
              select(all.xstar(), kept), initialStates, options.outlierDistanceScale());
      int[] inliers = filter(kept, inlier);
      distanceOutliers = kept.length - inliers.length;
      kept = inliers;
    }
    float[][] xstar = select(all.xstar(), kept);
    float[][] xInit = select(initialStates, kept);
    float[][] pointInputs = select(inputs, kept);
    double[] qstar = select(all.qstar(), kept);
    double[] dq = select(all.dq(), kept);
    int[] nIters = select(all.nIters(), kept);
    int rerun = 0;
    if (options.rerunQOutliers() && kept.length > 0) {
      int[] outliers = PostProcessing.qOutliers(qstar, options.outlierQScale());
      rerun = outliers.length;
      if (rerun > 0) {
        FixedPointSearch.Result again =
            FixedPointSearch.run(
                network,
                select(xstar, outliers),
                select(pointInputs, outliers),
                options.search(),
                manager);
        for (int k = 0; k < outliers.length; k++) {
          int i = outliers[k];
          nIters[i] += again.nIters()[k];
          if (again.qstar()[k] < qstar[i]) {
            xstar[i] = again.xstar()[k];
            qstar[i] = again.qstar()[k];
            dq[i] = again.dq()[k];
          }
        }
        int[] again2 = PostProcessing.unique(xstar, pointInputs, qstar, options.tolUnique());
        xstar = select(xstar, again2);
        xInit = select(xInit, again2);
        pointInputs = select(pointInputs, again2);
        qstar = select(qstar, again2);
        dq = select(dq, again2);
        nIters = select(nIters, again2);
      }
    }
    int subsampledAway = 0;
    if (options.maxUnique() > 0 && xstar.length > options.maxUnique()) {
      int[] chosen = sample(xstar.length, options.maxUnique(), random);
      subsampledAway = xstar.length - chosen.length;
      xstar = select(xstar, chosen);
      xInit = select(xInit, chosen);
      pointInputs = select(pointInputs, chosen);
      qstar = select(qstar, chosen);
      dq = select(dq, chosen);
      nIters = select(nIters, chosen);
    }
    Jacobians jacobians = Jacobians.at(network, xstar, pointInputs, manager);
    List<Stability> stability = new ArrayList<>();
    for (float[][] j : jacobians.dFdh()) {
      stability.add(Stability.of(j));
    }
    return new Result(
        xstar,
        xInit,
        pointInputs,
        qstar,
        dq,
        nIters,
        jacobians,
        List.copyOf(stability),
        all,
        unique,
        distanceOutliers,
        rerun,
        subsampledAway);
  }

  /** {@code k} distinct indices of {@code 0..n-1} (partial Fisher–Yates), increasing. */
  private static int[] sample(int n, int k, RandomGenerator random) {
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] chosen = Arrays.copyOf(all, k);
    Arrays.sort(chosen);
    return chosen;
  }

  private static int[] filter(int[] indices, boolean[] keep) {
    int[] out = new int[indices.length];
    int n = 0;
    for (int i = 0; i < indices.length; i++) {
      if (keep[i]) {
        out[n++] = indices[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  static float[][] select(float[][] rows, int[] indices) {
    float[][] out = new float[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = rows[indices[i]];
    }
    return out;
  }

  static double[] select(double[] values, int[] indices) {
    double[] out = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return out;
  }

  static int[] select(int[] values, int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return out;
  }
}
