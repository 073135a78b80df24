package org.rnnlab.plugins.timing;

import java.io.IOException;
import java.util.ArrayList;
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
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.Trial;

/**
 * When a network says "go" in an interval-production task (ready-set-go, motor timing,
 * one-two-three-go), against when it should: the produced interval, as NeuroGym's reward judges it,
 * and the produced-against-target relation timing studies plot (Jazayeri and Shadlen 2010).
 *
 * <p>Per held-out trial (each run from the network's initial state), with {@code dt} the task's
 * step, {@code r} the reference step (the first step of the period named {@code from}; with {@code
 * from} empty, of the period that holds the trial's {@code goStep}) and {@code g} the trial's
 * {@code goStep} metadata (the first step whose target is go):
 *
 * <ul>
 *   <li><i>premature</i> if the arg-max output is {@code goChannel} at some step before {@code r}
 *       (NeuroGym aborts such a trial);
 *   <li>otherwise the response is the first step {@code s ≥ r} whose arg-max is {@code goChannel}
 *       (<i>missed</i> if there is none), the produced interval {@code (s − r)·dt} and the target
 *       interval {@code (g − r)·dt};
 *   <li><i>correct</i> if the produced interval is within {@code margin} times the target interval
 *       of it (NeuroGym's {@code prod_margin}, 0.2).
 * </ul>
 *
 * <p>{@code metrics.json}: {@code production_accuracy} (correct over all trials), {@code
 * premature_rate}, {@code miss_rate}; over the trials with a response (left out when there is none)
 * {@code mean_abs_error_ms}, {@code mean_relative_error} (signed, produced/target − 1), and {@code
 * slope} and {@code intercept_ms} of the least-squares line of produced on target intervals (slope
 * below 1: regression towards the mean interval; left out unless two targets differ); {@code
 * by_target_ms} (trials, accuracy and mean produced interval per target interval) when there are at
 * most 12 distinct targets. {@code production.png}: produced against target intervals, with the
 * identity and the margin.
 *
 * <p>Stateless.
 */
@Extension
public final class IntervalProduction implements Analysis {

  /** The id scripts use. */
  public static final String ID = "interval-production";

  /** Most distinct target intervals for which {@code by_target_ms} is written. */
  static final int MAX_GROUPS = 12;

  /** Creates the component; PF4J and Guice call this. */
  public IntervalProduction() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Produced against target intervals in interval-production tasks (ready-set-go, motor"
        + " timing, one-two-three-go): accuracy within NeuroGym's margin, premature and missed"
        + " responses, error and regression slope";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("trials", 200, "trials", "Number of evaluation trials").withMin(1),
        ParameterSpec.string(
            "from",
            "",
            "Period whose first step intervals are measured from (ready-set-go: set); empty:"
                + " the period holding the go target"),
        ParameterSpec.string("goChannel", "go", "Output channel whose arg-max is a response"),
        ParameterSpec.number(
                "margin",
                0.2,
                "",
                "A response is correct within this fraction of the target interval (NeuroGym's"
                    + " prod_margin)")
            .withMin(0));
  }

  /**
   * @throws IllegalArgumentException if the task is not open-loop, has no {@code goChannel} output,
   *     or a trial has no {@code goStep} metadata or no {@code from} period
   * @throws IOException if an output cannot be written
   */
  @Override
  public void run(Parameters params, AnalysisContext context) throws IOException {
    if (!(context.task() instanceof OpenLoopTask task)) {
      throw new IllegalArgumentException(ID + " needs an open-loop task");
    }
    String goChannel = params.string("goChannel");
    int go = task.outputChannels().indexOf(goChannel);
    if (go < 0) {
      throw new IllegalArgumentException(
          ID
              + ": goChannel '"
              + goChannel
              + "' is not an output of the task; its outputs are "
              + task.outputChannels());
    }
    Evaluation evaluation = context.evaluate(params.count("trials"));
    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < evaluation.size(); i++) {
      responses.add(
          Response.of(
              evaluation.trials().get(i),
              evaluation.outputs()[i],
              go,
              params.string("from"),
              task.dtMs()));
    }
    Summary summary = Summary.of(responses, params.number("margin"));
    context.writeMetrics(summary.metrics());
    context.writeFigure("production.png", figure(responses, params.number("margin")));
  }

  private static LinePlot figure(List<Response> responses, double margin) {
    List<Response> answered = responses.stream().filter(Response::answered).toList();
    double[] target = answered.stream().mapToDouble(Response::targetMs).toArray();
    double[] produced = answered.stream().mapToDouble(Response::producedMs).toArray();
    double low = responses.stream().mapToDouble(Response::targetMs).min().orElse(0);
    double high = responses.stream().mapToDouble(Response::targetMs).max().orElse(1);
    double[] ends = {low, high};
    return LinePlot.of(
            "Produced against target interval (" + answered.size() + " responses)",
            "target interval (ms)",
            "produced interval (ms)")
        .with(new LinePlot.Series("trials", target, produced, true))
        .with(new LinePlot.Series("identity", ends, ends, false))
        .with(
            LinePlot.Series.muted(
                "margin", ends, new double[] {low * (1 + margin), high * (1 + margin)}))
        .with(
            LinePlot.Series.muted(
                "margin", ends, new double[] {low * (1 - margin), high * (1 - margin)}));
  }

  /**
   * One trial's response; {@code producedMs} is NaN when premature or missed.
   *
   * @param premature a go before the reference step
   * @param targetMs the target interval from the reference step
   */
  record Response(boolean premature, double targetMs, double producedMs) {

    boolean answered() {
      return !Double.isNaN(producedMs);
    }

    static Response of(Trial trial, float[][] outputs, int go, String from, double dtMs) {
      Object goStepValue = trial.metadata().get("goStep");
      if (!(goStepValue instanceof Number goStepNumber)) {
        throw new IllegalArgumentException(
            ID
                + " needs trials with a goStep (the first step whose target is go), as"
                + " ready-set-go, motor-timing and one-two-three-go give; this task's trials have"
                + " metadata "
                + trial.metadata().keySet());
      }
      int goStep = goStepNumber.intValue();
      int reference = referenceStep(trial, from, goStep);
      for (int t = 0; t < reference; t++) {
        if (argMax(outputs[t]) == go) {
          return new Response(true, (goStep - reference) * dtMs, Double.NaN);
        }
      }
      double produced = Double.NaN;
      for (int t = reference; t < outputs.length; t++) {
        if (argMax(outputs[t]) == go) {
          produced = (t - reference) * dtMs;
          break;
        }
      }
      return new Response(false, (goStep - reference) * dtMs, produced);
    }

    private static int referenceStep(Trial trial, String from, int goStep) {
      if (!from.isEmpty()) {
        Period period = trial.period(from);
        if (period == null) {
          throw new IllegalArgumentException(
              ID
                  + ": from names the period '"
                  + from
                  + "', which the task's trials do not have; their periods are "
                  + trial.periods().stream().map(Period::name).toList());
        }
        return period.startStep();
      }
      for (Period p : trial.periods()) {
        if (goStep >= p.startStep() && goStep < p.endStep()) {
          return p.startStep();
        }
      }
      throw new IllegalArgumentException(
          ID
              + ": goStep "
              + goStep
              + " lies in no period of a trial of "
              + trial.steps()
              + " steps");
    }

    private static int argMax(float[] values) {
      int best = 0;
      for (int k = 1; k < values.length; k++) {
        if (values[k] > values[best]) {
          best = k;
        }
      }
      return best;
    }
  }

  /** The metrics over all responses; package-private for tests. */
  record Summary(Map<String, Object> metrics) {

    /**
     * @param responses at least one
     */
    static Summary of(List<Response> responses, double margin) {
      int n = responses.size();
      int premature = 0;
      int missed = 0;
      int correct = 0;
      double absError = 0;
      double relativeError = 0;
      List<double[]> pairs = new ArrayList<>();
      Map<Double, Group> byTargetMs = new TreeMap<>();
      for (Response r : responses) {
        Group group = byTargetMs.computeIfAbsent(r.targetMs(), k -> new Group());
        group.trials++;
        if (r.premature()) {
          premature++;
          continue;
        }
        if (!r.answered()) {
          missed++;
          continue;
        }
        if (Math.abs(r.producedMs() - r.targetMs()) <= margin * r.targetMs()) {
          correct++;
          group.correct++;
        }
        group.answered++;
        group.producedSumMs += r.producedMs();
        absError += Math.abs(r.producedMs() - r.targetMs());
        relativeError += r.targetMs() > 0 ? r.producedMs() / r.targetMs() - 1 : 0;
        pairs.add(new double[] {r.targetMs(), r.producedMs()});
      }
      int answered = pairs.size();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("production_accuracy", (double) correct / n);
      m.put("premature_rate", (double) premature / n);
      m.put("miss_rate", (double) missed / n);
      if (answered > 0) {
        m.put("mean_abs_error_ms", absError / answered);
        m.put("mean_relative_error", relativeError / answered);
      }
      double[] line = leastSquares(pairs);
      if (!Double.isNaN(line[0])) {
        m.put("slope", line[0]);
        m.put("intercept_ms", line[1]);
      }
      m.put("trials", n);
      m.put("margin", margin);
      if (byTargetMs.size() <= MAX_GROUPS) {
        Map<String, Object> byTarget = new LinkedHashMap<>();
        byTargetMs.forEach(
            (target, group) -> byTarget.put(String.valueOf(target), group.metrics()));
        m.put("by_target_ms", byTarget);
      }
      return new Summary(m);
    }

    /** The trials of one target interval. */
    private static final class Group {
      int trials;
      int correct;
      int answered;
      double producedSumMs;

      Map<String, Object> metrics() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("trials", trials);
        g.put("accuracy", (double) correct / trials);
        if (answered > 0) {
          g.put("mean_produced_ms", producedSumMs / answered);
        }
        return g;
      }
    }

    /** Slope and intercept of y on x; NaN when x does not vary. */
    static double[] leastSquares(List<double[]> pairs) {
      int n = pairs.size();
      double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElse(Double.NaN);
      double my = pairs.stream().mapToDouble(p -> p[1]).average().orElse(Double.NaN);
      double sxx = 0;
      double sxy = 0;
      for (double[] p : pairs) {
        sxx += (p[0] - mx) * (p[0] - mx);
        sxy += (p[0] - mx) * (p[1] - my);
      }
      if (n < 2 || sxx == 0) {
        return new double[] {Double.NaN, Double.NaN};
      }
      double slope = sxy / sxx;
      return new double[] {slope, my - slope * mx};
    }
  }
}
