package org.rnnlab.plugins.dynamics.fixedpoints;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;
import org.rnnlab.api.analysis.Analysis;
import org.rnnlab.api.analysis.AnalysisContext;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.analysis.PanelFigure;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.plugins.dynamics.latents.Pca;

/**
 * Fixed points of a trained network's one-step update {@code h' = F(h, u)}, their Jacobians and
 * their stability (Golub and Sussillo's FixedPointFinder, for any model through {@link
 * RecurrentNetwork#step}).
 *
 * <p><b>Method.</b> {@code initialStates} states are drawn at random (trial, step) points of the
 * hidden states recorded on the first {@code trials} evaluation trials (with replacement, every
 * step of every trial equally likely), plus IID N(0, {@code noiseScale}²); the input is held at
 * zero, at {@code inputValue} ({@code input: constant}), or at the recorded input of the drawn step
 * ({@code input: sampled}). {@link FixedPointSearch} then minimises {@code q = ½‖F(h, u) − h‖²}
 * with Adam and a plateau schedule, stopping each point on {@code tolQ}/{@code tolDq} or at {@code
 * maxIters}; {@link FixedPointFinder} removes duplicates and distance outliers (optionally re-runs
 * q outliers and subsamples), and computes {@code ∂F/∂h}, {@code ∂F/∂u} and the eigenvalues of
 * {@code ∂F/∂h} ({@link Stability}: stable when {@code |λ|max < 1}).
 *
 * <p><b>Outputs.</b> {@code fixed-points.npz}: {@code xstar}, {@code x_init}, {@code inputs},
 * {@code qstar}, {@code dq}, {@code n_iters}, {@code J_xstar} ({@code [n, H, H]}, row i = ∂F_i/∂h),
 * {@code dFdu} ({@code [n, H, I]}), {@code eigenvalues_real}, {@code eigenvalues_imag} (sorted by
 * magnitude, largest first), {@code is_stable}, {@code n_unstable}, {@code is_near_continuous}.
 * {@code metrics.json}: counts by class (all kept points, and those with {@code q* < qThreshold}),
 * counts before and after post-processing ({@code converged_points}: searches that met {@code tolQ}
 * or {@code tolDq}; {@code points_at_tol_q}: those that met {@code tolQ}), iterations, {@code
 * search_seconds}, q statistics and the settings. Figures: {@code fixed-points-pc.png} (PC1–PC2)
 * and {@code fixed-points-pc123.png} (the three pairs of PC1–PC3) of the fixed points with {@code
 * q* < qThreshold} over the first {@code plotTrials} trajectories, PCA fitted on all recorded
 * states; {@code q-histogram.png}, the distribution of log10 q*.
 *
 * <p>Stateless; randomness only from the context's stream.
 */
@Extension
public final class FixedPoints implements Analysis {

  /** The id scripts use. */
  public static final String ID = "fixed-points";

  /** q values are floored here before log10 (a point can reach q = 0 exactly in float32). */
  static final double Q_FLOOR = 1e-30;

  /** Creates the component; PF4J and Guice call this. */
  public FixedPoints() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Fixed points of the network's one-step update (FixedPointFinder): joint Adam search"
        + " from recorded states, de-duplication, Jacobians, eigenvalues and stability";
  }

  @Override
  public List<ParameterSpec> parameters() {
    FixedPointSearch.Settings s = FixedPointSearch.Settings.defaults();
    FixedPointFinder.Options o = FixedPointFinder.Options.defaults();
    return List.of(
        ParameterSpec.integer(
                "trials", 200, "trials", "Evaluation trials whose hidden states seed the search")
            .withMin(1),
        ParameterSpec.integer(
                "initialStates", 1024, "states", "Initial states searched from (FPF: 1024)")
            .withMin(1),
        ParameterSpec.number(
                "noiseScale",
                0.0,
                "",
                "Standard deviation of the Gaussian noise added to each initial state (FPF's"
                    + " example: 0.5; CtDB: 0)")
            .withMin(0),
        ParameterSpec.choice(
            "input",
            "zero",
            List.of("zero", "constant", "sampled"),
            "Input held during the search: zero, inputValue, or the recorded input at each"
                + " initial state's (trial, step)"),
        ParameterSpec.numbers(
            "inputValue", List.of(), "", "The constant input (one per input channel)"),
        ParameterSpec.number(
                "learningRate", s.learningRate(), "", "Initial Adam learning rate (FPF: 1.0)")
            .withMin(1e-12),
        ParameterSpec.number(
                "lrFactor",
                s.lrFactor(),
                "",
                "Learning-rate factor on a plateau of the mean q (FPF: 0.95)")
            .withRange(1e-6, 0.999999),
        ParameterSpec.integer(
                "lrPatience",
                s.lrPatience(),
                "iterations",
                "Iterations without improvement before the learning rate is reduced (FPF's"
                    + " PyTorch port: 2)")
            .withMin(0),
        ParameterSpec.integer(
                "lrCooldown",
                s.lrCooldown(),
                "iterations",
                "Iterations after a reduction before plateaus count again (FPF: 0)")
            .withMin(0),
        ParameterSpec.number(
                "tolQ", s.tolQ(), "", "A point with q below this is converged (FPF: 1e-12)")
            .withMin(0),
        ParameterSpec.number(
                "tolDq",
                s.tolDq(),
                "",
                "A point whose q changes by less than tolDq times the learning rate is converged"
                    + " (FPF: 1e-20)")
            .withMin(0),
        ParameterSpec.integer(
                "maxIters", s.maxIters(), "iterations", "Most iterations per point (FPF: 5000)")
            .withMin(1),
        ParameterSpec.number(
                "tolUnique",
                o.tolUnique(),
                "",
                "Points whose [x*, u] differ by at most this in every element are duplicates"
                    + " (FPF: 1e-3)")
            .withMin(0),
        ParameterSpec.bool(
            "excludeDistanceOutliers",
            o.excludeDistanceOutliers(),
            "Drop points far from the initial states (FPF: true)"),
        ParameterSpec.number(
                "outlierDistanceScale",
                o.outlierDistanceScale(),
                "",
                "Distance outlier: distance to the initial states' centroid at least this many"
                    + " times their mean distance to it (FPF: 10)")
            .withMin(1e-12),
        ParameterSpec.bool(
            "rerunQOutliers",
            o.rerunQOutliers(),
            "Search again from points with q above outlierQScale times the median (FPF: false)"),
        ParameterSpec.number("outlierQScale", o.outlierQScale(), "", "See rerunQOutliers (FPF: 10)")
            .withMin(1e-12),
        ParameterSpec.integer(
                "maxUnique",
                o.maxUnique(),
                "points",
                "Keep at most this many fixed points, drawn at random; 0 keeps all")
            .withMin(0),
        ParameterSpec.integer(
                "newtonSteps",
                0,
                "steps",
                "Damped Newton steps on F(x,u) = x after the gradient search, using dF/dh; 0 (the"
                    + " default, as FPF) takes none")
            .withMin(0),
        ParameterSpec.number(
                "continuousTolerance",
                0.01,
                "",
                "A point is near-continuous when its largest |eigenvalue| is within this of 1"
                    + " (0.01: its slowest mode has a time constant of at least ~100 steps)")
            .withRange(0, 1),
        ParameterSpec.number(
                "qThreshold",
                1e-5,
                "",
                "Only points with q* below this are plotted and counted in the"
                    + " *_below_q_threshold metrics (CtDB's q_thresh: 1e-5)")
            .withMin(0),
        ParameterSpec.integer(
                "plotTrials", 10, "trials", "Trajectories drawn under the fixed points (CtDB: 10)")
            .withMin(0));
  }

  /**
   * @throws IllegalArgumentException if the task is closed-loop, or {@code inputValue} does not fit
   *     {@code input}
   * @throws IOException if an output cannot be written
   */
  @Override
  public void run(Parameters params, AnalysisContext context) throws IOException {
    RecurrentNetwork network = context.network();
    Evaluation evaluation = context.evaluate(params.count("trials"));
    int inputSize = context.task().inputChannels().size();
    float[] constant = constantInput(params, inputSize);
    RandomGenerator random = context.random();
    Sample sample =
        Sample.draw(
            evaluation,
            params.count("initialStates"),
            params.number("noiseScale"),
            params.string("input").equals("sampled"),
            constant,
            random);
    FixedPointFinder.Options options = options(params);
    FixedPointFinder.Result result =
        FixedPointFinder.find(
            network, sample.states(), sample.inputs(), options, random, context.manager());
    double continuousTolerance = params.number("continuousTolerance");
    double qThreshold = params.number("qThreshold");
    writeArrays(context, result, continuousTolerance, network.hiddenSize(), inputSize);
    context.writeMetrics(metrics(params, result, continuousTolerance, qThreshold));
    writeFigures(context, evaluation, result, qThreshold, params.count("plotTrials"), params);
  }

  private static float[] constantInput(Parameters params, int inputSize) {
    String mode = params.string("input");
    double[] value = params.numbers("inputValue");
    if (mode.equals("constant")) {
      if (value.length != inputSize) {
        throw new IllegalArgumentException(
            "inputValue must have one number per input channel ("
                + inputSize
                + ") with input: constant, got "
                + value.length);
      }
    } else if (value.length > 0) {
      throw new IllegalArgumentException(
          "inputValue is read only with input: constant (input is " + mode + ")");
    }
    float[] out = new float[inputSize];
    for (int i = 0; i < value.length; i++) {
      out[i] = (float) value[i];
    }
    return out;
  }

  static FixedPointFinder.Options options(Parameters params) {
    return new FixedPointFinder.Options(
        new FixedPointSearch.Settings(
            params.number("learningRate"),
            params.number("lrFactor"),
            params.count("lrPatience"),
            params.count("lrCooldown"),
            params.number("tolQ"),
            params.number("tolDq"),
            params.count("maxIters")),
        params.number("tolUnique"),
        params.bool("excludeDistanceOutliers"),
        params.number("outlierDistanceScale"),
        params.bool("rerunQOutliers"),
        params.number("outlierQScale"),
        params.count("maxUnique"),
        params.count("newtonSteps"));
  }

  /** The initial states and their inputs, drawn from the recorded trials. */
  record Sample(float[][] states, float[][] inputs) {

    static Sample draw(
        Evaluation evaluation,
        int count,
        double noiseScale,
        boolean sampledInput,
        float[] constant,
        RandomGenerator random) {
      int[] offsets = new int[evaluation.size() + 1];
      for (int t = 0; t < evaluation.size(); t++) {
        offsets[t + 1] = offsets[t] + evaluation.hidden()[t].length;
      }
      int total = offsets[evaluation.size()];
      if (total == 0) {
        throw new IllegalArgumentException("the evaluation trials recorded no hidden states");
      }
      float[][] states = new float[count][];
      float[][] inputs = new float[count][];
      for (int i = 0; i < count; i++) {
        int flat = random.nextInt(total);
        int trial = Arrays.binarySearch(offsets, flat);
        trial = trial >= 0 ? trial : -trial - 2;
        while (offsets[trial + 1] == offsets[trial]) {
          trial++; // skip empty trials (binarySearch lands on the first of equal offsets)
        }
        int step = flat - offsets[trial];
        float[] s = evaluation.hidden()[trial][step].clone();
        if (noiseScale > 0) {
          for (int j = 0; j < s.length; j++) {
            s[j] += (float) (noiseScale * random.nextGaussian());
          }
        }
        states[i] = s;
        inputs[i] =
            sampledInput ? evaluation.trials().get(trial).inputs()[step].clone() : constant.clone();
      }
      return new Sample(states, inputs);
    }
  }

  private static void writeArrays(
      AnalysisContext context,
      FixedPointFinder.Result r,
      double continuousTolerance,
      int hidden,
      int inputSize)
      throws IOException {
    int n = r.size();
    try (NDManager m = context.manager().newSubManager()) {
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      arrays.put("xstar", matrix(m, r.xstar(), hidden));
      arrays.put("x_init", matrix(m, r.xInit(), hidden));
      arrays.put("inputs", matrix(m, r.inputs(), inputSize));
      arrays.put("qstar", m.create(r.qstar()));
      arrays.put("dq", m.create(r.dq()));
      arrays.put("n_iters", m.create(r.nIters()));
      arrays.put("J_xstar", tensor(m, r.jacobians().dFdh(), hidden, hidden));
      arrays.put("dFdu", tensor(m, r.jacobians().dFdu(), hidden, inputSize));
      double[] re = new double[n * hidden];
      double[] im = new double[n * hidden];
      boolean[] stable = new boolean[n];
      boolean[] continuous = new boolean[n];
      int[] unstable = new int[n];
      for (int i = 0; i < n; i++) {
        Stability s = r.stability().get(i);
        System.arraycopy(s.real(), 0, re, i * hidden, hidden);
        System.arraycopy(s.imaginary(), 0, im, i * hidden, hidden);
        stable[i] = s.isStable();
        continuous[i] = s.nearContinuous(continuousTolerance);
        unstable[i] = s.unstableModes();
      }
      arrays.put("eigenvalues_real", m.create(re, new Shape(n, hidden)));
      arrays.put("eigenvalues_imag", m.create(im, new Shape(n, hidden)));
      arrays.put("is_stable", m.create(stable));
      arrays.put("n_unstable", m.create(unstable));
      arrays.put("is_near_continuous", m.create(continuous));
      context.writeArrays("fixed-points.npz", arrays);
    }
  }

  private static NDArray matrix(NDManager m, float[][] rows, int width) {
    return m.create(FixedPointSearch.flatten(rows, width), new Shape(rows.length, width));
  }

  private static NDArray tensor(NDManager m, float[][][] blocks, int rows, int cols) {
    float[] flat = new float[blocks.length * rows * cols];
    for (int b = 0; b < blocks.length; b++) {
      for (int i = 0; i < rows; i++) {
        System.arraycopy(blocks[b][i], 0, flat, (b * rows + i) * cols, cols);
      }
    }
    return m.create(flat, new Shape(blocks.length, rows, cols));
  }

  static Map<String, Object> metrics(
      Parameters params, FixedPointFinder.Result r, double continuousTolerance, double qThreshold) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    double all = Double.POSITIVE_INFINITY;
    metrics.put("fixed_points", r.size());
    metrics.put("stable_fixed_points", r.count(Stability.Kind.STABLE, all));
    metrics.put("saddle_fixed_points", r.count(Stability.Kind.SADDLE, all));
    metrics.put("unstable_fixed_points", r.count(Stability.Kind.UNSTABLE, all));
    int nearContinuous = 0;
    int belowThreshold = 0;
    for (int i = 0; i < r.size(); i++) {
      nearContinuous += r.stability().get(i).nearContinuous(continuousTolerance) ? 1 : 0;
      belowThreshold += r.qstar()[i] < qThreshold ? 1 : 0;
    }
    metrics.put("near_continuous_fixed_points", nearContinuous);
    metrics.put("fixed_points_below_q_threshold", belowThreshold);
    metrics.put(
        "stable_fixed_points_below_q_threshold", r.count(Stability.Kind.STABLE, qThreshold));
    metrics.put(
        "saddle_fixed_points_below_q_threshold", r.count(Stability.Kind.SADDLE, qThreshold));
    metrics.put(
        "unstable_fixed_points_below_q_threshold", r.count(Stability.Kind.UNSTABLE, qThreshold));
    Map<String, Object> unstableModes = new LinkedHashMap<>();
    for (int i = 0; i < r.size(); i++) {
      String k = Integer.toString(r.stability().get(i).unstableModes());
      unstableModes.merge(k, 1, (a, b) -> (Integer) a + (Integer) b);
    }
    metrics.put("points_by_unstable_modes", sortedByKey(unstableModes));
    FixedPointSearch.Result search = r.search();
    metrics.put("initial_states", search.xstar().length);
    metrics.put("converged_points", search.convergedCount());
    double tolQ = params.number("tolQ");
    metrics.put(
        "points_at_tol_q", (int) Arrays.stream(search.qstar()).filter(q -> q < tolQ).count());
    metrics.put("unique_fixed_points", r.unique());
    metrics.put("distance_outliers", r.distanceOutliers());
    metrics.put("q_outliers_rerun", r.qOutliersRerun());
    metrics.put("subsampled_away", r.subsampledAway());
    metrics.put("iterations", search.iterations());
    metrics.put("iterations_median", PostProcessing.median(toDouble(search.nIters())));
    metrics.put("search_seconds", search.seconds());
    metrics.put("final_learning_rate", search.finalLearningRate());
    double[] q = Arrays.stream(search.qstar()).filter(Double::isFinite).toArray();
    metrics.put("non_finite_q", search.qstar().length - q.length);
    if (q.length > 0) {
      metrics.put("q_min_all", Arrays.stream(q).min().getAsDouble());
      metrics.put("q_median_all", PostProcessing.median(q));
      metrics.put("q_max_all", Arrays.stream(q).max().getAsDouble());
    }
    if (r.size() > 0) {
      metrics.put("q_median", PostProcessing.median(r.qstar()));
      metrics.put("q_max", Arrays.stream(r.qstar()).max().getAsDouble());
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String name :
        List.of(
            "initialStates",
            "noiseScale",
            "input",
            "learningRate",
            "lrFactor",
            "lrPatience",
            "lrCooldown",
            "tolQ",
            "tolDq",
            "maxIters",
            "tolUnique",
            "excludeDistanceOutliers",
            "outlierDistanceScale",
            "rerunQOutliers",
            "outlierQScale",
            "maxUnique",
            "newtonSteps",
            "continuousTolerance",
            "qThreshold")) {
      settings.put(name, params.asMap().get(name));
    }
    metrics.put("settings", settings);
    return metrics;
  }

  private static Map<String, Object> sortedByKey(Map<String, Object> counts) {
    Map<String, Object> out = new LinkedHashMap<>();
    counts.keySet().stream()
        .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
        .forEach(k -> out.put(k, counts.get(k)));
    return out;
  }

  private static double[] toDouble(int[] values) {
    return Arrays.stream(values).asDoubleStream().toArray();
  }

  private static void writeFigures(
      AnalysisContext context,
      Evaluation evaluation,
      FixedPointFinder.Result r,
      double qThreshold,
      int plotTrials,
      Parameters params)
      throws IOException {
    context.writeFigure("q-histogram.png", histogram(r, params.number("tolQ"), qThreshold));
    int hidden = context.network().hiddenSize();
    if (hidden < 2) {
      return;
    }
    Pca pca = Pca.fit(evaluation.hidden());
    int components = Math.min(3, hidden);
    double[][][] trajectories =
        pca.project(
            Arrays.copyOf(evaluation.hidden(), Math.min(plotTrials, evaluation.size())),
            components);
    List<double[]> stable = new ArrayList<>();
    List<double[]> saddle = new ArrayList<>();
    List<double[]> unstable = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      if (!(r.qstar()[i] < qThreshold)) {
        continue;
      }
      double[] p = pca.project(r.xstar()[i], components);
      switch (r.stability().get(i).kind()) {
        case STABLE -> stable.add(p);
        case SADDLE -> saddle.add(p);
        case UNSTABLE -> unstable.add(p);
      }
    }
    String title = "Fixed points (q* < " + qThreshold + ") over " + trajectories.length + " trials";
    context.writeFigure(
        "fixed-points-pc.png", projection(title, 0, 1, trajectories, stable, saddle, unstable));
    if (components == 3) {
      context.writeFigure(
          "fixed-points-pc123.png",
          new PanelFigure(
              title,
              3,
              List.of(
                  projection("PC1–PC2", 0, 1, trajectories, stable, saddle, unstable),
                  projection("PC1–PC3", 0, 2, trajectories, stable, saddle, unstable),
                  projection("PC2–PC3", 1, 2, trajectories, stable, saddle, unstable))));
    }
  }

  static LinePlot projection(
      String title,
      int a,
      int b,
      double[][][] trajectories,
      List<double[]> stable,
      List<double[]> saddle,
      List<double[]> unstable) {
    LinePlot plot = LinePlot.of(title, "PC" + (a + 1), "PC" + (b + 1));
    for (int t = 0; t < trajectories.length; t++) {
      double[][] traj = trajectories[t];
      double[] x = new double[traj.length];
      double[] y = new double[traj.length];
      for (int s = 0; s < traj.length; s++) {
        x[s] = traj[s][a];
        y[s] = traj[s][b];
      }
      if (x.length > 0) {
        plot = plot.with(LinePlot.Series.muted("trial " + t, x, y));
      }
    }
    plot = withPoints(plot, "stable", stable, a, b);
    plot = withPoints(plot, "saddle", saddle, a, b);
    return withPoints(plot, "unstable", unstable, a, b);
  }

  private static LinePlot withPoints(
      LinePlot plot, String name, List<double[]> points, int a, int b) {
    if (points.isEmpty()) {
      return plot;
    }
    double[] x = points.stream().mapToDouble(p -> p[a]).toArray();
    double[] y = points.stream().mapToDouble(p -> p[b]).toArray();
    return plot.with(new LinePlot.Series(name + " (" + points.size() + ")", x, y, true));
  }

  /** Counts of log10 q* in bins of a quarter decade, drawn as steps; all points and kept ones. */
  static LinePlot histogram(FixedPointFinder.Result r, double tolQ, double qThreshold) {
    double[] all = log10(r.search().qstar());
    double[] kept = log10(r.qstar());
    double lo = Math.floor(Arrays.stream(all).min().orElse(-12));
    double hi = Math.ceil(Arrays.stream(all).max().orElse(0));
    if (hi <= lo) {
      hi = lo + 1;
    }
    double width = 0.25;
    int bins = (int) Math.round((hi - lo) / width);
    LinePlot plot =
        LinePlot.of("Distribution of q* (½‖F(h*, u) − h*‖²)", "log10 q*", "points")
            .with(steps("all " + all.length + " searched points", all, lo, width, bins))
            .with(steps("kept " + kept.length + " fixed points", kept, lo, width, bins));
    double top = 0;
    for (LinePlot.Series s : plot.series()) {
      top = Math.max(top, Arrays.stream(s.y()).max().orElse(0));
    }
    if (tolQ > 0) {
      double x = Math.log10(tolQ);
      plot =
          plot.with(new LinePlot.Series("tolQ", new double[] {x, x}, new double[] {0, top}, false));
    }
    if (qThreshold > 0) {
      double x = Math.log10(qThreshold);
      plot =
          plot.with(
              new LinePlot.Series("qThreshold", new double[] {x, x}, new double[] {0, top}, false));
    }
    return plot;
  }

  private static LinePlot.Series steps(
      String name, double[] values, double lo, double width, int bins) {
    double[] counts = new double[bins];
    for (double v : values) {
      int b = (int) Math.floor((v - lo) / width);
      counts[Math.max(0, Math.min(bins - 1, b))]++;
    }
    double[] x = new double[2 * bins];
    double[] y = new double[2 * bins];
    for (int b = 0; b < bins; b++) {
      x[2 * b] = lo + b * width;
      x[2 * b + 1] = lo + (b + 1) * width;
      y[2 * b] = counts[b];
      y[2 * b + 1] = counts[b];
    }
    return new LinePlot.Series(name, x, y, false);
  }

  private static double[] log10(double[] q) {
    return Arrays.stream(q)
        .filter(Double::isFinite)
        .map(v -> Math.log10(Math.max(v, Q_FLOOR)))
        .toArray();
  }
}
