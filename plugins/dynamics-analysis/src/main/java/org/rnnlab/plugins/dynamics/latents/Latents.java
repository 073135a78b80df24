package org.rnnlab.plugins.dynamics.latents;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.rnnlab.api.analysis.Analysis;
import org.rnnlab.api.analysis.AnalysisContext;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.analysis.PanelFigure;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Trial;

/**
 * The network's latent trajectories: a PCA of the hidden states it visits on held-out trials, how
 * many dimensions they occupy, and figures of the trajectories in principal components (as the
 * Computation-Thru-Dynamics Benchmark's task-trained analysis).
 *
 * <p>The first {@code trials} evaluation trials are split into phases as CtDB's 80/20 split: the
 * first {@code ⌊(1 − validationFraction)·trials⌋} are the <em>training</em> phase, the rest the
 * <em>validation</em> phase. The PCA is fitted on every step of the training trials (covariance
 * with divisor {@code n − 1}, components signed so that their largest entry is positive, see {@link
 * Pca}) and applied to all trials. Figures show validation trials (every trial when {@code
 * validationFraction} is 0).
 *
 * <p>{@code metrics.json} (flat numbers, so they reach the run's {@code summary.json}):
 *
 * <ul>
 *   <li>{@code explained_variance_ratio_pc1} … {@code _pcK}, {@code K = min(maxPcs, units)}: each
 *       component's fraction of the training-phase variance;
 *   <li>{@code pcs_for_50_percent}, {@code _90_}, {@code _95_}, {@code _99_}: the fewest leading
 *       components that explain at least that fraction of it;
 *   <li>{@code participation_ratio}: {@code (Σλ)²/Σλ²} of the covariance eigenvalues of the states
 *       of <em>all</em> trials, an effective dimensionality between 1 and the number of units;
 *   <li>{@code hidden_units}, {@code trials}, {@code training_trials}, {@code validation_trials}.
 * </ul>
 *
 * <p>{@code latents.npz}: {@code mean [units]}, {@code components [units, units]} (row {@code k} is
 * component {@code k}), {@code explained_variance [units]}, {@code explained_variance_ratio
 * [units]}, {@code trajectories [trials, longest, K]} (the scores of every step of every trial,
 * float32, NaN after a trial's end), {@code lengths [trials]} (int32) and {@code training_trials}
 * (an int32 scalar: trials before it are the training phase).
 *
 * <p>Figures: {@code scree.png} (explained variance per component and cumulative, with lines at
 * 50/90/95/99 %), {@code trial-io.png} (as CtDB's {@code plot_trial_io}: one column per trial for
 * the first {@code plotTrials} shown trials, rows latent PCs 1–3, outputs, targets and inputs over
 * time in ms; class targets appear one-hot per class and the outputs as softmax probabilities),
 * {@code trajectories-2d.png} (shown trials in PC1–PC2: the first {@code trajectoryTrials} in
 * colour, the others muted) and {@code trajectories-3d.png} (the same in PC1–PC2, PC1–PC3 and
 * PC2–PC3; only with at least 3 units).
 *
 * <p>Stateless.
 */
@Extension
public final class Latents implements Analysis {

  /** The id scripts use. */
  public static final String ID = "latents";

  /** Fractions of variance the metrics and the scree plot's horizontal lines mark. */
  static final double[] VARIANCE_LEVELS = {0.5, 0.9, 0.95, 0.99};

  /** Principal components drawn over time in the trial input/output figure (as CtDB). */
  private static final int IO_PCS = 3;

  /** Creates the component; PF4J and Guice call this. */
  public Latents() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "PCA of the hidden states (fitted on the first 80 % of the evaluation trials by default,"
        + " applied to all): scree plot, participation ratio, trial input/output figure and"
        + " trajectories of the validation trials in the first 2 and 3 principal components";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("trials", 200, "trials", "Number of evaluation trials").withMin(1),
        ParameterSpec.number(
                "validationFraction",
                0.2,
                "fraction",
                "Fraction of the trials (the last ones) held out of the PCA fit as the validation"
                    + " phase; CtDB splits 80/20")
            .withRange(0, 0.99),
        ParameterSpec.integer(
                "maxPcs",
                10,
                "components",
                "Components in the scree plot, the metrics and latents.npz (at most the number of"
                    + " hidden units)")
            .withMin(1),
        ParameterSpec.integer(
                "plotTrials", 3, "trials", "Trials (columns) in the trial input/output figure")
            .withMin(0),
        ParameterSpec.integer(
                "trajectoryTrials",
                5,
                "trials",
                "Trials drawn in colour in the trajectory figures; the other shown trials are"
                    + " drawn muted")
            .withMin(0));
  }

  /**
   * @throws IllegalArgumentException if the task is closed-loop, or {@code validationFraction}
   *     leaves no training trial
   * @throws IOException if an output cannot be written
   */
  @Override
  public void run(Parameters params, AnalysisContext context) throws IOException {
    if (!(context.task() instanceof OpenLoopTask task)) {
      throw new IllegalArgumentException(
          ID + " needs an open-loop task: closed-loop tasks have no evaluation trials");
    }
    Evaluation evaluation = context.evaluate(params.count("trials"));
    int trials = evaluation.size();
    double validationFraction = params.number("validationFraction");
    int training = trainingTrials(trials, validationFraction);
    if (training < 1) {
      throw new IllegalArgumentException(
          "validationFraction "
              + validationFraction
              + " leaves no training trial of "
              + trials
              + "; it must be below "
              + (trials - 1.0) / trials
              + " for trials = "
              + trials
              + " (declared range [0, 0.99])");
    }
    float[][][] hidden = evaluation.hidden();
    Pca pca = Pca.fit(Arrays.copyOfRange(hidden, 0, training));
    int units = pca.dimensions();
    int pcs = Math.min(params.count("maxPcs"), units);
    // Figures need up to 3 components even when fewer are reported.
    double[][][] scores = pca.project(hidden, Math.min(units, Math.max(pcs, IO_PCS)));

    context.writeMetrics(metrics(pca, Pca.fit(hidden), pcs, trials, training));
    writeArrays(context, pca, scores, pcs, training);

    context.writeFigure("scree.png", screePlot(pca, pcs));
    int shownFrom = training < trials ? training : 0;
    int ioTrials = Math.min(params.count("plotTrials"), trials - shownFrom);
    if (ioTrials > 0) {
      context.writeFigure(
          "trial-io.png", trialIo(task, evaluation, scores, shownFrom, ioTrials, units));
    }
    int coloured = params.count("trajectoryTrials");
    if (units >= 2) {
      context.writeFigure(
          "trajectories-2d.png",
          projection(scores, shownFrom, trials, coloured, 0, 1, phaseName(shownFrom)));
    }
    if (units >= 3) {
      List<LinePlot> panels = new ArrayList<>();
      int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
      for (int[] pair : pairs) {
        panels.add(projection(scores, shownFrom, trials, coloured, pair[0], pair[1], null));
      }
      context.writeFigure(
          "trajectories-3d.png",
          new PanelFigure(
              phaseName(shownFrom) + " trials in the first 3 principal components", 3, panels));
    }
  }

  /**
   * The trials of the training phase, {@code ⌊(1 − validationFraction)·trials⌋} (the first ones),
   * as CtDB's {@code range(0, int(0.8 * n_trials))}; package-private for tests.
   */
  static int trainingTrials(int trials, double validationFraction) {
    // The small margin keeps 0.8 · 5 = 4 from rounding down to 3.
    return (int) Math.floor((1 - validationFraction) * trials + 1e-9);
  }

  private static String phaseName(int shownFrom) {
    return shownFrom > 0 ? "Validation" : "All";
  }

  private static Map<String, Object> metrics(
      Pca training, Pca all, int pcs, int trials, int trainingTrials) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    double[] ratio = training.explainedVarianceRatio();
    for (int k = 0; k < pcs; k++) {
      metrics.put("explained_variance_ratio_pc" + (k + 1), ratio[k]);
    }
    for (double level : VARIANCE_LEVELS) {
      metrics.put("pcs_for_" + Math.round(level * 100) + "_percent", training.componentsFor(level));
    }
    metrics.put("participation_ratio", all.participationRatio());
    metrics.put("hidden_units", training.dimensions());
    metrics.put("trials", trials);
    metrics.put("training_trials", trainingTrials);
    metrics.put("validation_trials", trials - trainingTrials);
    return metrics;
  }

  private static void writeArrays(
      AnalysisContext context, Pca pca, double[][][] scores, int pcs, int training)
      throws IOException {
    int units = pca.dimensions();
    int trials = scores.length;
    int longest = 0;
    int[] lengths = new int[trials];
    for (int i = 0; i < trials; i++) {
      lengths[i] = scores[i].length;
      longest = Math.max(longest, lengths[i]);
    }
    float[] trajectories = new float[trials * longest * pcs];
    Arrays.fill(trajectories, Float.NaN);
    for (int i = 0; i < trials; i++) {
      for (int t = 0; t < lengths[i]; t++) {
        int offset = (i * longest + t) * pcs;
        for (int k = 0; k < pcs; k++) {
          trajectories[offset + k] = (float) scores[i][t][k];
        }
      }
    }
    double[] components = new double[units * units];
    for (int k = 0; k < units; k++) {
      System.arraycopy(pca.component(k), 0, components, k * units, units);
    }
    try (NDManager manager = context.manager().newSubManager()) {
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      arrays.put("mean", manager.create(pca.mean()));
      arrays.put("components", manager.create(components, new Shape(units, units)));
      arrays.put("explained_variance", manager.create(pca.explainedVariance()));
      arrays.put("explained_variance_ratio", manager.create(pca.explainedVarianceRatio()));
      arrays.put("trajectories", manager.create(trajectories, new Shape(trials, longest, pcs)));
      arrays.put("lengths", manager.create(lengths));
      arrays.put("training_trials", manager.create(training));
      context.writeArrays("latents.npz", arrays);
    }
  }

  /** Explained variance per component and cumulative, in percent, as CtDB's {@code plot_scree}. */
  static PanelFigure screePlot(Pca pca, int pcs) {
    double[] ratio = pca.explainedVarianceRatio();
    double[] component = new double[pcs];
    double[] percent = new double[pcs];
    double[] cumulative = new double[pcs];
    double sum = 0;
    for (int k = 0; k < pcs; k++) {
      component[k] = k + 1;
      percent[k] = 100 * ratio[k];
      sum += ratio[k];
      cumulative[k] = 100 * sum;
    }
    LinePlot each =
        LinePlot.of("Explained variance", "principal component", "explained variance (%)")
            .with(new LinePlot.Series("explained variance", component, percent, false));
    LinePlot total =
        LinePlot.of(
                "Cumulative explained variance (lines at 50, 90, 95, 99 %)",
                "principal component", "explained variance (%)")
            .with(new LinePlot.Series("cumulative", component, cumulative, false));
    double[] span = {1, Math.max(pcs, 2)};
    for (double level : VARIANCE_LEVELS) {
      double y = 100 * level;
      total =
          total.with(
              LinePlot.Series.muted(Math.round(y) + " %", span.clone(), new double[] {y, y}));
    }
    return new PanelFigure(
        "Scree plot: PCA of the training-phase hidden states", 2, List.of(each, total));
  }

  /**
   * CtDB's {@code plot_trial_io}: one column per trial, rows latent PCs, outputs, targets, inputs.
   */
  private static PanelFigure trialIo(
      OpenLoopTask task,
      Evaluation evaluation,
      double[][][] scores,
      int first,
      int count,
      int units) {
    List<String> outputs = task.outputChannels();
    List<String> inputs = task.inputChannels();
    List<LinePlot> latentRow = new ArrayList<>();
    List<LinePlot> outputRow = new ArrayList<>();
    List<LinePlot> targetRow = new ArrayList<>();
    List<LinePlot> inputRow = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      Trial trial = evaluation.trials().get(i);
      int steps = trial.steps();
      double[] timeMs = new double[steps];
      for (int t = 0; t < steps; t++) {
        timeMs[t] = (t + 1) * task.dtMs();
      }
      String name = "Trial " + i;
      LinePlot latents = LinePlot.of(name + ": latent activity", "time (ms)", "PC score");
      for (int k = 0; k < Math.min(IO_PCS, units); k++) {
        latents =
            latents.with(new LinePlot.Series("PC" + (k + 1), timeMs, column(scores[i], k), false));
      }
      latentRow.add(latents);

      boolean classes = trial.classTargets() != null;
      double[][] out = outputsOf(evaluation.outputs()[i], classes);
      LinePlot outputPlot =
          LinePlot.of(
              name + (classes ? ": output probabilities" : ": outputs"),
              "time (ms)",
              classes ? "softmax probability" : "output");
      LinePlot targetPlot =
          LinePlot.of(
              name + ": targets", "time (ms)", classes ? "target class (one-hot)" : "target");
      for (int d = 0; d < outputs.size(); d++) {
        String channel = outputs.get(d);
        outputPlot =
            outputPlot.with(
                new LinePlot.Series(
                    classes ? "p(" + channel + ")" : channel, timeMs, column(out, d), false));
        double[] target = new double[steps];
        for (int t = 0; t < steps; t++) {
          target[t] = classes ? (trial.classTargets()[t] == d ? 1 : 0) : trial.targets()[t][d];
        }
        targetPlot = targetPlot.with(new LinePlot.Series(channel, timeMs, target, false));
      }
      outputRow.add(outputPlot);
      targetRow.add(targetPlot);

      LinePlot inputPlot = LinePlot.of(name + ": inputs", "time (ms)", "input");
      for (int c = 0; c < inputs.size(); c++) {
        double[] in = new double[steps];
        for (int t = 0; t < steps; t++) {
          in[t] = trial.inputs()[t][c];
        }
        inputPlot = inputPlot.with(new LinePlot.Series(inputs.get(c), timeMs, in, false));
      }
      inputRow.add(inputPlot);
    }
    List<LinePlot> panels = new ArrayList<>();
    panels.addAll(latentRow);
    panels.addAll(outputRow);
    panels.addAll(targetRow);
    panels.addAll(inputRow);
    return new PanelFigure(
        "Trial inputs and outputs: latent PCs, outputs, targets, inputs", count, panels);
  }

  /** Outputs as they are, or as softmax probabilities when they are logits of class targets. */
  private static double[][] outputsOf(float[][] outputs, boolean classes) {
    double[][] out = new double[outputs.length][];
    for (int t = 0; t < outputs.length; t++) {
      float[] z = outputs[t];
      out[t] = new double[z.length];
      if (!classes) {
        for (int d = 0; d < z.length; d++) {
          out[t][d] = z[d];
        }
        continue;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (float v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int d = 0; d < z.length; d++) {
        out[t][d] = Math.exp(z[d] - max);
        sum += out[t][d];
      }
      for (int d = 0; d < z.length; d++) {
        out[t][d] /= sum;
      }
    }
    return out;
  }

  /**
   * Trials {@code [first, end)} in components {@code a} and {@code b}: the first {@code coloured}
   * in the palette's colours, the others muted and drawn first (underneath).
   */
  private static LinePlot projection(
      double[][][] scores, int first, int end, int coloured, int a, int b, String phase) {
    String title = (phase == null ? "" : phase + " trials: ") + "PC" + (a + 1) + " vs PC" + (b + 1);
    LinePlot plot = LinePlot.of(title, "PC" + (a + 1), "PC" + (b + 1));
    int colouredEnd = Math.min(end, first + coloured);
    for (int i = colouredEnd; i < end; i++) {
      plot =
          plot.with(
              LinePlot.Series.muted("trial " + i, column(scores[i], a), column(scores[i], b)));
    }
    for (int i = first; i < colouredEnd; i++) {
      plot =
          plot.with(
              new LinePlot.Series("trial " + i, column(scores[i], a), column(scores[i], b), false));
    }
    return plot;
  }

  private static double[] column(double[][] rows, int k) {
    double[] out = new double[rows.length];
    for (int t = 0; t < rows.length; t++) {
      out[t] = rows[t][k];
    }
    return out;
  }
}
