package org.rnnlab.plugins.outputs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.rnnlab.api.analysis.Analysis;
import org.rnnlab.api.analysis.AnalysisContext;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

/**
 * How far a network's outputs are from continuous targets on held-out trials: the error a flip-flop
 * or a timing network is judged by.
 *
 * <p>Writes {@code metrics.json} with, over the first {@code trials} evaluation trials (each run
 * from the network's initial state):
 *
 * <ul>
 *   <li>{@code mse}: {@code Σ m_t (z_{t,d} − y*_{t,d})² / (D · Σ m_t)}, the mean squared error per
 *       output channel and masked step ({@code m} is the task's mask);
 *   <li>{@code mse_by_channel}: the same per output channel, by channel name;
 *   <li>{@code r2}: variance-weighted R², {@code 1 − SSE / SST} with {@code SST} the masked sum of
 *       squared deviations of the targets from their per-channel masked mean (as CtDB's performance
 *       comparison);
 *   <li>with {@code initialBlind} or {@code transitionBlind} above 0, {@code blinded_mse}: the mean
 *       squared error over the elements CtDB's NBFF loss counts — every step except the first
 *       {@code initialBlind} steps of a trial and, per channel, the {@code transitionBlind} steps
 *       after each step where that channel's target changes — divided by the number of counted
 *       elements (the {@code nbff} loss divides by all elements instead).
 * </ul>
 *
 * <p>Also writes {@code trial-k.png} for the first {@code plotTrials} trials: each output channel
 * and its target over time.
 *
 * <p>Stateless.
 */
@Extension
public final class OutputError implements Analysis {

  /** The id scripts use. */
  public static final String ID = "output-error";

  /** Creates the component; PF4J and Guice call this. */
  public OutputError() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Masked mean squared error and R² of the outputs against continuous targets on"
        + " held-out trials, optionally with the NBFF loss's blind steps";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("trials", 200, "trials", "Number of evaluation trials").withMin(1),
        ParameterSpec.integer(
                "initialBlind",
                0,
                "steps",
                "Steps left out of blinded_mse at the start of every trial (CtDB's NBFF: 5)")
            .withMin(0),
        ParameterSpec.integer(
                "transitionBlind",
                0,
                "steps",
                "Steps left out of blinded_mse after each change of a target (CtDB's NBFF: 4)")
            .withMin(0),
        ParameterSpec.integer("plotTrials", 3, "trials", "Trials drawn as figures").withMin(0));
  }

  /**
   * @throws IllegalArgumentException if the task is not an open-loop task with continuous targets
   * @throws IOException if an output cannot be written
   */
  @Override
  public void run(Parameters params, AnalysisContext context) throws IOException {
    if (!(context.task() instanceof OpenLoopTask task)
        || task.targetKind() != TargetKind.CONTINUOUS) {
      throw new IllegalArgumentException(
          ID
              + " needs an open-loop task with continuous targets; for class targets use"
              + " decision-accuracy");
    }
    Evaluation evaluation = context.evaluate(params.count("trials"));
    int initialBlind = params.count("initialBlind");
    int transitionBlind = params.count("transitionBlind");
    List<String> channels = task.outputChannels();
    Errors errors = Errors.of(evaluation, channels.size(), initialBlind, transitionBlind);

    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("mse", errors.mse());
    Map<String, Object> byChannel = new LinkedHashMap<>();
    for (int d = 0; d < channels.size(); d++) {
      byChannel.put(channels.get(d), errors.mseOf(d));
    }
    metrics.put("mse_by_channel", byChannel);
    metrics.put("r2", errors.r2());
    if (initialBlind > 0 || transitionBlind > 0) {
      metrics.put("blinded_mse", errors.blindedMse());
    }
    metrics.put("trials", evaluation.size());
    context.writeMetrics(metrics);

    int plots = Math.min(params.count("plotTrials"), evaluation.size());
    for (int k = 0; k < plots; k++) {
      context.writeFigure("trial-" + k + ".png", trialPlot(k, evaluation, channels, task.dtMs()));
    }
  }

  private static LinePlot trialPlot(
      int k, Evaluation evaluation, List<String> channels, double dtMs) {
    Trial trial = evaluation.trials().get(k);
    float[][] outputs = evaluation.outputs()[k];
    int steps = trial.steps();
    double[] timeMs = new double[steps];
    for (int t = 0; t < steps; t++) {
      timeMs[t] = (t + 1) * dtMs;
    }
    LinePlot plot = LinePlot.of("Trial " + k + ": outputs and targets", "time (ms)", "value");
    for (int d = 0; d < channels.size(); d++) {
      double[] out = new double[steps];
      double[] target = new double[steps];
      for (int t = 0; t < steps; t++) {
        out[t] = outputs[t][d];
        target[t] = trial.targets()[t][d];
      }
      plot = plot.with(new LinePlot.Series("target " + channels.get(d), timeMs, target, false));
      plot = plot.with(new LinePlot.Series("output " + channels.get(d), timeMs, out, false));
    }
    return plot;
  }

  /** Sums over masked elements, per channel; package-private for tests. */
  record Errors(
      double[] squaredError,
      double[] weight,
      double[] targetSum,
      double[] targetSquares,
      double blindedSquaredError,
      long blindedCount) {

    static Errors of(Evaluation evaluation, int dims, int initialBlind, int transitionBlind) {
      double[] se = new double[dims];
      double[] w = new double[dims];
      double[] ts = new double[dims];
      double[] tss = new double[dims];
      double blindedSe = 0;
      long blindedCount = 0;
      for (int i = 0; i < evaluation.size(); i++) {
        Trial trial = evaluation.trials().get(i);
        float[][] out = evaluation.outputs()[i];
        float[][] target = trial.targets();
        int[] blindUntil = new int[dims];
        java.util.Arrays.fill(blindUntil, -1);
        for (int t = 0; t < trial.steps(); t++) {
          double m = trial.mask()[t];
          for (int d = 0; d < dims; d++) {
            boolean blind = t < initialBlind || t <= blindUntil[d];
            if (t > 0 && target[t][d] != target[t - 1][d]) {
              blindUntil[d] = Math.max(blindUntil[d], t + transitionBlind);
            }
            double e = out[t][d] - target[t][d];
            se[d] += m * e * e;
            w[d] += m;
            ts[d] += m * target[t][d];
            tss[d] += m * target[t][d] * target[t][d];
            if (!blind && m > 0) {
              blindedSe += m * e * e;
              blindedCount++;
            }
          }
        }
      }
      return new Errors(se, w, ts, tss, blindedSe, blindedCount);
    }

    double mse() {
      double se = 0;
      double w = 0;
      for (int d = 0; d < squaredError.length; d++) {
        se += squaredError[d];
        w += weight[d];
      }
      return w > 0 ? se / w : Double.NaN;
    }

    double mseOf(int d) {
      return weight[d] > 0 ? squaredError[d] / weight[d] : Double.NaN;
    }

    double r2() {
      double sse = 0;
      double sst = 0;
      for (int d = 0; d < squaredError.length; d++) {
        if (weight[d] == 0) {
          continue;
        }
        sse += squaredError[d];
        sst += targetSquares[d] - targetSum[d] * targetSum[d] / weight[d];
      }
      return sst > 0 ? 1 - sse / sst : Double.NaN;
    }

    double blindedMse() {
      return blindedCount > 0 ? blindedSquaredError / blindedCount : Double.NaN;
    }
  }
}
