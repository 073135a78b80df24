package org.rnnlab.plugins.dynamics.similarity;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.comparison.Comparison;
import org.rnnlab.api.comparison.ComparisonContext;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;

/**
 * State R², as CtDB's {@code state_r2}: how well an affine map of one network's hidden states
 * predicts the other's, in both directions.
 *
 * <p>The first {@code trials − round(validationFraction · trials)} evaluation trials are the
 * training trials, the rest the validation trials (CtDB splits 80/20). An {@link AffineMap} (least
 * squares with intercept) is fitted on every {@code stepStride}-th step of the training trials and
 * scored by {@link RSquared} on every {@code stepStride}-th step of the validation trials.
 *
 * <p>Writes {@code metrics.json} with {@code state_r2_<a>_to_<b>} and {@code state_r2_<b>_to_<a>}
 * (variance-weighted R², {@code <a>} and {@code <b>} the runs' names reduced to {@code
 * [A-Za-z0-9_]}), the split, the sample counts and {@code seconds} (the fit and scoring, not the
 * networks' evaluation, which is {@code evaluation_seconds}); {@code state-r2.npz} with the R² of
 * every predicted dimension, {@code r2_<a>_to_<b>} and {@code r2_<b>_to_<a>}; and {@code
 * state-r2.png} plotting them. A value near 1 means the predicted network's states are (up to an
 * affine change of coordinates) contained in the predicting network's; the two directions differ
 * when one network has states the other lacks.
 *
 * <p>Stateless.
 */
@Extension
public final class StateR2 implements Comparison {

  /** The id scripts and {@code rnnlab compare --analysis} use. */
  public static final String ID = "state-r2";

  /** Creates the component; PF4J and Guice call this. */
  public StateR2() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Variance-weighted R² of an affine map from one network's hidden states to the other's,"
        + " fitted on training trials and scored on validation trials, in both directions";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("trials", 200, "trials", "Number of evaluation trials").withMin(2),
        ParameterSpec.number(
                "validationFraction",
                0.2,
                "",
                "Fraction of the trials, taken from the end, the maps are scored on (CtDB: 0.2)")
            .withRange(0.01, 0.99),
        ParameterSpec.integer(
                "stepStride", 1, "steps", "Use every n-th step of each trial (1: every step)")
            .withMin(1),
        ParameterSpec.number(
                "ridge",
                0.0,
                "",
                "Ridge added to the diagonal as a fraction of the mean variance (0: least squares,"
                    + " minimum norm when rank deficient)")
            .withMin(0));
  }

  /**
   * @throws IllegalArgumentException if the runs' trials do not correspond or the split leaves no
   *     training trial
   * @throws IOException if an output cannot be written
   */
  @Override
  public void run(Parameters params, ComparisonContext context) throws IOException {
    PairedStates states = PairedStates.of(context, params.count("trials"));
    int stride = params.count("stepStride");
    double ridge = params.number("ridge");
    int trials = states.trials();
    int validation = Math.max(1, (int) Math.round(params.number("validationFraction") * trials));
    int training = trials - validation;
    if (training < 1) {
      throw new IllegalArgumentException(
          ID
              + ": validationFraction "
              + params.number("validationFraction")
              + " of "
              + trials
              + " trials leaves no training trial; use more trials");
    }
    long start = System.nanoTime();
    Scatter scatter = new Scatter(states.firstUnits(), states.secondUnits());
    states.addTo(scatter, 0, training, stride);
    AffineMap forward = AffineMap.fitXToY(scatter, ridge);
    AffineMap backward = AffineMap.fitYToX(scatter, ridge);
    RSquared forwardScore = new RSquared(states.secondUnits());
    RSquared backwardScore = new RSquared(states.firstUnits());
    double[] predictedSecond = new double[states.secondUnits()];
    double[] predictedFirst = new double[states.firstUnits()];
    for (int i = training; i < trials; i++) {
      float[][] a = states.first()[i];
      float[][] b = states.second()[i];
      for (int t = 0; t < a.length; t += stride) {
        forward.apply(a[t], predictedSecond);
        forwardScore.add(b[t], predictedSecond);
        backward.apply(b[t], predictedFirst);
        backwardScore.add(a[t], predictedFirst);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    String ab = states.firstName() + "_to_" + states.secondName();
    String ba = states.secondName() + "_to_" + states.firstName();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("state_r2_" + ab, forwardScore.varianceWeighted());
    metrics.put("state_r2_" + ba, backwardScore.varianceWeighted());
    metrics.put("trials", trials);
    metrics.put("training_trials", training);
    metrics.put("validation_trials", validation);
    metrics.put("training_samples", scatter.count());
    metrics.put("validation_samples", forwardScore.count());
    metrics.put("units_" + states.firstName(), states.firstUnits());
    metrics.put("units_" + states.secondName(), states.secondUnits());
    metrics.put("seconds", seconds);
    metrics.put("evaluation_seconds", states.evaluationSeconds());
    context.writeMetrics(metrics);

    double[] r2ab = forwardScore.perDimension();
    double[] r2ba = backwardScore.perDimension();
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put("r2_" + ab, context.manager().create(r2ab));
    arrays.put("r2_" + ba, context.manager().create(r2ba));
    context.writeArrays("state-r2.npz", arrays);
    context.writeFigure(
        "state-r2.png",
        LinePlot.of("State R² per predicted dimension (validation trials)", "dimension", "R²")
            .with(new LinePlot.Series(ab.replace("_to_", " → "), indices(r2ab.length), r2ab, true))
            .with(
                new LinePlot.Series(ba.replace("_to_", " → "), indices(r2ba.length), r2ba, true)));
  }

  private static double[] indices(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }
}
