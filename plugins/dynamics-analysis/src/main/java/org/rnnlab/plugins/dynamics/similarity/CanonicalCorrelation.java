package org.rnnlab.plugins.dynamics.similarity;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.ArrayList;
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
 * Canonical correlations ({@link Cca}) and the orthogonal Procrustes distance ({@link Procrustes})
 * between the two networks' hidden states, pooled over every {@code stepStride}-th step of all
 * {@code trials} evaluation trials. Both are descriptive (in-sample) measures of how alike the two
 * state geometries are: CCA is invariant to any invertible linear change of coordinates, Procrustes
 * only to rotations, reflections, translation and overall scale.
 *
 * <p>Writes {@code metrics.json} with {@code canonical_correlations} (decreasing, {@code min(rank
 * a, rank b)} of them), {@code mean_canonical_correlation}, {@code procrustes_euclidean} ({@code
 * min_Q ‖X − YQ‖_F} of the centred, unit-norm states, in {@code [0, √2]}), {@code
 * procrustes_angular_rad} ({@code arccos} of the nuclear-norm alignment, in {@code [0, π/2]}), the
 * sample count and {@code seconds}; {@code cca.npz} with the correlations; and {@code cca.png}.
 *
 * <p>Stateless.
 */
@Extension
public final class CanonicalCorrelation implements Comparison {

  /** The id scripts and {@code rnnlab compare --analysis} use. */
  public static final String ID = "cca";

  /** Creates the component; PF4J and Guice call this. */
  public CanonicalCorrelation() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Canonical correlations and orthogonal Procrustes distance between the two networks'"
        + " hidden states on the same trials";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("trials", 200, "trials", "Number of evaluation trials").withMin(1),
        ParameterSpec.integer(
                "stepStride", 1, "steps", "Use every n-th step of each trial (1: every step)")
            .withMin(1));
  }

  /**
   * @throws IllegalArgumentException if the runs' trials do not correspond or a network's states do
   *     not vary
   * @throws IOException if an output cannot be written
   */
  @Override
  public void run(Parameters params, ComparisonContext context) throws IOException {
    PairedStates states = PairedStates.of(context, params.count("trials"));
    long start = System.nanoTime();
    Scatter scatter = new Scatter(states.firstUnits(), states.secondUnits());
    states.addTo(scatter, 0, states.trials(), params.count("stepStride"));
    double[] correlations = Cca.correlations(scatter);
    Procrustes procrustes = Procrustes.of(scatter);
    double seconds = (System.nanoTime() - start) / 1e9;

    List<Double> list = new ArrayList<>();
    double mean = 0;
    for (double c : correlations) {
      list.add(c);
      mean += c;
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("canonical_correlations", list);
    metrics.put(
        "mean_canonical_correlation", correlations.length == 0 ? 0.0 : mean / correlations.length);
    metrics.put("procrustes_euclidean", procrustes.euclidean());
    metrics.put("procrustes_angular_rad", procrustes.angularRad());
    metrics.put("trials", states.trials());
    metrics.put("samples", scatter.count());
    metrics.put("units_" + states.firstName(), states.firstUnits());
    metrics.put("units_" + states.secondName(), states.secondUnits());
    metrics.put("seconds", seconds);
    metrics.put("evaluation_seconds", states.evaluationSeconds());
    context.writeMetrics(metrics);

    Map<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put("canonical_correlations", context.manager().create(correlations));
    context.writeArrays("cca.npz", arrays);
    if (correlations.length > 0) {
      double[] index = new double[correlations.length];
      for (int i = 0; i < index.length; i++) {
        index[i] = i + 1;
      }
      context.writeFigure(
          "cca.png",
          LinePlot.of(
                  "Canonical correlations: " + states.firstName() + " vs " + states.secondName(),
                  "canonical pair",
                  "correlation")
              .with(new LinePlot.Series("correlation", index, correlations, true)));
    }
  }
}
