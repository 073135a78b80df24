package org.rnnlab.plugins.decisions;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;
import org.rnnlab.api.analysis.Analysis;
import org.rnnlab.api.analysis.AnalysisContext;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.api.task.Trial;

/**
 * Decision accuracy on held-out trials, split by coherence, with a psychometric curve: the
 * evaluation NeuroGym's supervised example uses.
 *
 * <p>The network's choice on a trial is the argmax of its outputs over all classes (fixation
 * included) at the trial's last step; the trial is correct if that equals the class target at the
 * last step. Trials come from {@link AnalysisContext#evaluate} (parameter {@code trials}, default
 * 200).
 *
 * <p>Writes into {@code analysis/decision-accuracy/}:
 *
 * <ul>
 *   <li>{@code metrics.json}: {@code accuracy}, {@code trials}; if every trial has a {@code
 *       coherence} metadata value, {@code accuracy_by_coherence} and {@code trials_by_coherence}
 *       (keys are the coherences in %, as plain decimals such as {@code "12.8"}, sorted by value);
 *       for two-choice tasks also {@code p_choice_2_by_signed_coherence} and the fit (parameter
 *       {@code fit}: {@code logistic}, the default, or {@code probit}) as {@code psychometric_fit},
 *       {@code psychometric_intercept}, {@code psychometric_slope} (per %);
 *   <li>{@code accuracy-by-coherence.png} and, for two-choice tasks, {@code psychometric.png}: the
 *       fraction of choice-2 responses against the signed coherence (+c when the ground truth is 2,
 *       −c when it is 1) with the maximum-likelihood curve {@code P = F(a + b·c)} ({@code F}
 *       logistic or the normal CDF); when the trials come from several tasks (a task mixer), {@code
 *       accuracy_by_task}. The logistic curve is {@code P = 1/(1 + exp(−(a + b·c)))};
 *   <li>{@code choices.npz}: per trial {@code choice}, {@code correct}, {@code groundTruth} (int32)
 *       and {@code coherence} (float64, NaN where absent), plus {@code signedCoherence} for
 *       two-choice tasks.
 * </ul>
 *
 * <p>Conventions (NeuroGym's): class 0 is the fixation class and classes 1..n are the choices, so a
 * task is two-choice when it has three output channels. The ground truth is the trial's {@code
 * groundTruth} metadata value, or its last-step class target if it has none.
 *
 * <p>Stateless.
 */
@Extension
public final class DecisionAccuracy implements Analysis {

  /** The id scripts use. */
  public static final String ID = "decision-accuracy";

  /** Creates the component; PF4J and Guice call this. */
  public DecisionAccuracy() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Last-step choice accuracy on held-out trials, per coherence, with a psychometric curve";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("trials", 200, "trials", "Number of evaluation trials").withMin(1),
        ParameterSpec.choice(
            "fit",
            "logistic",
            List.of("logistic", "probit"),
            "Psychometric function fitted to the choices: logistic 1/(1+exp(-(a+b·c))) or probit"
                + " Φ(a+b·c)"));
  }

  /**
   * @throws IllegalArgumentException if the task is not an open-loop task with class targets
   * @throws IOException if an output cannot be written
   */
  @Override
  public void run(Parameters params, AnalysisContext context) throws IOException {
    TaskInstance task = context.task();
    if (!(task instanceof OpenLoopTask open) || open.targetKind() != TargetKind.CLASS_INDEX) {
      throw new IllegalArgumentException(
          "decision-accuracy needs a task with class targets (an open-loop task whose targetKind is"
              + " CLASS_INDEX), but this run's task is "
              + (task instanceof OpenLoopTask o
                  ? "open-loop with " + o.targetKind() + " targets"
                  : "closed-loop"));
    }
    Evaluation evaluation = context.evaluate(params.count("trials"));
    PsychometricFit.Link link =
        params.string("fit").equals("probit")
            ? PsychometricFit.Link.PROBIT
            : PsychometricFit.Link.LOGISTIC;
    Decisions d = Decisions.of(evaluation);
    boolean twoChoice = task.outputChannels().size() == 3;

    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", d.accuracy());
    metrics.put("trials", d.size());
    Map<String, Object> byTask = accuracyByTask(evaluation, d);
    if (byTask != null) {
      metrics.put("accuracy_by_task", byTask);
    }
    if (d.hasCoherence()) {
      TreeMap<Double, double[]> byCoherence = d.correctByCoherence();
      Map<String, Object> accuracy = new LinkedHashMap<>();
      Map<String, Object> counts = new LinkedHashMap<>();
      byCoherence.forEach(
          (c, sumAndCount) -> {
            accuracy.put(key(c), sumAndCount[0] / sumAndCount[1]);
            counts.put(key(c), (int) sumAndCount[1]);
          });
      metrics.put("accuracy_by_coherence", accuracy);
      metrics.put("trials_by_coherence", counts);
      context.writeFigure(
          "accuracy-by-coherence.png",
          LinePlot.of("Accuracy by coherence", "coherence (%)", "fraction correct")
              .with(series("network", byCoherence, true)));
      if (twoChoice) {
        TreeMap<Double, double[]> bySigned = d.choice2BySignedCoherence();
        Map<String, Object> p2 = new LinkedHashMap<>();
        bySigned.forEach((c, s) -> p2.put(key(c), s[0] / s[1]));
        metrics.put("p_choice_2_by_signed_coherence", p2);
        PsychometricFit fit = PsychometricFit.fit(d.signedCoherence(), d.choseTwo(), link);
        metrics.put("psychometric_fit", link.name().toLowerCase(java.util.Locale.ROOT));
        metrics.put("psychometric_intercept", fit.intercept());
        metrics.put("psychometric_slope", fit.slope());
        context.writeFigure("psychometric.png", psychometric(bySigned, fit));
      }
    }
    context.writeMetrics(metrics);
    context.writeArrays("choices.npz", d.arrays(context.manager(), twoChoice));
  }

  private static LinePlot psychometric(TreeMap<Double, double[]> bySigned, PsychometricFit fit) {
    double lo = bySigned.firstKey();
    double hi = bySigned.lastKey();
    int points = 101;
    double[] x = new double[points];
    double[] y = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = lo + (hi - lo) * i / (points - 1);
      y[i] = fit.probability(x[i]);
    }
    return LinePlot.of("Psychometric curve", "signed coherence (%)", "P(choice 2)")
        .with(series("network", bySigned, true))
        .with(
            new LinePlot.Series(
                fit.link().name().toLowerCase(java.util.Locale.ROOT) + " fit", x, y, false));
  }

  private static LinePlot.Series series(
      String name, TreeMap<Double, double[]> sums, boolean markersOnly) {
    double[] x = new double[sums.size()];
    double[] y = new double[sums.size()];
    int i = 0;
    for (Map.Entry<Double, double[]> e : sums.entrySet()) {
      x[i] = e.getKey();
      y[i] = e.getValue()[0] / e.getValue()[1];
      i++;
    }
    return new LinePlot.Series(name, x, y, markersOnly);
  }

  /**
   * Accuracy per {@code task} metadata value (a {@code task-mixer} run), in order of first
   * appearance, or null when the trials come from fewer than two tasks.
   */
  private static Map<String, Object> accuracyByTask(Evaluation evaluation, Decisions d) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (int i = 0; i < evaluation.size(); i++) {
      Object task = evaluation.trials().get(i).metadata().get("task");
      if (task == null) {
        return null;
      }
      int[] n = counts.computeIfAbsent(task.toString(), k -> new int[2]);
      n[0] += d.correct()[i] ? 1 : 0;
      n[1]++;
    }
    if (counts.size() < 2) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    counts.forEach((task, n) -> out.put(task, (double) n[0] / n[1]));
    return out;
  }

  /** A coherence as a plain decimal: 12.8 → "12.8", 0 → "0", −6.4 → "-6.4". */
  static String key(double coherence) {
    return BigDecimal.valueOf(coherence).stripTrailingZeros().toPlainString();
  }

  /** The per-trial facts the analysis is computed from. */
  private record Decisions(int[] choice, boolean[] correct, int[] groundTruth, double[] coherence) {

    static Decisions of(Evaluation evaluation) {
      int n = evaluation.size();
      int[] choice = new int[n];
      boolean[] correct = new boolean[n];
      int[] groundTruth = new int[n];
      double[] coherence = new double[n];
      for (int i = 0; i < n; i++) {
        Trial trial = evaluation.trials().get(i);
        int last = trial.steps() - 1;
        choice[i] = argmax(evaluation.outputs()[i][last]);
        int target = trial.classTargets()[last];
        correct[i] = choice[i] == target;
        groundTruth[i] =
            trial.metadata().get("groundTruth") instanceof Number g ? g.intValue() : target;
        coherence[i] =
            trial.metadata().get("coherence") instanceof Number c ? c.doubleValue() : Double.NaN;
      }
      return new Decisions(choice, correct, groundTruth, coherence);
    }

    int size() {
      return choice.length;
    }

    double accuracy() {
      int k = 0;
      for (boolean c : correct) {
        k += c ? 1 : 0;
      }
      return (double) k / size();
    }

    boolean hasCoherence() {
      for (double c : coherence) {
        if (Double.isNaN(c)) {
          return false;
        }
      }
      return true;
    }

    /** Coherence → {number correct, number of trials}, sorted by coherence. */
    TreeMap<Double, double[]> correctByCoherence() {
      TreeMap<Double, double[]> sums = new TreeMap<>();
      for (int i = 0; i < size(); i++) {
        double[] s = sums.computeIfAbsent(coherence[i] + 0.0, k -> new double[2]);
        s[0] += correct[i] ? 1 : 0;
        s[1] += 1;
      }
      return sums;
    }

    /** +c when the ground truth is 2, −c otherwise; −0 folded into 0. */
    double[] signedCoherence() {
      double[] signed = new double[size()];
      for (int i = 0; i < size(); i++) {
        signed[i] = (groundTruth[i] == 2 ? coherence[i] : -coherence[i]) + 0.0;
      }
      return signed;
    }

    boolean[] choseTwo() {
      boolean[] two = new boolean[size()];
      for (int i = 0; i < size(); i++) {
        two[i] = choice[i] == 2;
      }
      return two;
    }

    /** Signed coherence → {number choosing 2, number of trials}, sorted by signed coherence. */
    TreeMap<Double, double[]> choice2BySignedCoherence() {
      double[] signed = signedCoherence();
      TreeMap<Double, double[]> sums = new TreeMap<>();
      for (int i = 0; i < size(); i++) {
        double[] s = sums.computeIfAbsent(signed[i], k -> new double[2]);
        s[0] += choice[i] == 2 ? 1 : 0;
        s[1] += 1;
      }
      return sums;
    }

    Map<String, NDArray> arrays(NDManager manager, boolean twoChoice) {
      int[] correctAsInt = new int[size()];
      for (int i = 0; i < size(); i++) {
        correctAsInt[i] = correct[i] ? 1 : 0;
      }
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      arrays.put("choice", manager.create(choice));
      arrays.put("correct", manager.create(correctAsInt));
      arrays.put("groundTruth", manager.create(groundTruth));
      arrays.put("coherence", manager.create(coherence));
      if (twoChoice && hasCoherence()) {
        arrays.put("signedCoherence", manager.create(signedCoherence()));
      }
      return arrays;
    }

    /** Index of the largest value; the first one on ties; NaN never wins. */
    private static int argmax(float[] values) {
      int best = 0;
      for (int k = 1; k < values.length; k++) {
        if (values[k] > values[best] || Float.isNaN(values[best])) {
          best = k;
        }
      }
      return best;
    }
  }
}
