package org.rnnlab.plugins.dynamics.similarity;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.pf4j.Extension;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.comparison.Comparison;
import org.rnnlab.api.comparison.ComparisonContext;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;

/**
 * Dynamical similarity analysis (DSA, Ostrow et al. 2023): whether the two networks implement the
 * same dynamics up to a change of orthonormal basis, whatever their state geometry.
 *
 * <p>Each network's hidden states on the first {@code trials} evaluation trials are delay-embedded
 * and fitted by a rank-{@code rank} linear model ({@link HavokDmd}); the two model matrices are
 * compared by {@link SimilarityTransformDistance} and by their eigenvalues ({@link
 * Spectrum#wassersteinDistance}). Defaults are CtDB's for its DSA comparison ({@code n_delays 20,
 * rank 50, delay_interval 1, iters 1500, lr 0.005}) and DSA's {@code lamb 1e-8}.
 *
 * <p>Writes {@code metrics.json} with {@code dsa_angular_rad} (DSA's original score), {@code
 * dsa_euclidean}, {@code eigenvalue_wasserstein} (the eigenvalue score, DSA's current default), the
 * ranks used, both spectral radii, the final loss of every restart and {@code seconds} (model fits
 * and comparison, not the networks' evaluation); {@code dsa.npz} with each run's model matrix
 * ({@code <name>_dmd}) and eigenvalues ({@code <name>_eig_real}, {@code <name>_eig_imag}); and
 * {@code eigenvalues.png}, both eigenvalue sets in the complex plane with the unit circle.
 *
 * <p>Deterministic for a given comparison seed (random restarts draw from the context's stream).
 * Stateless.
 */
@Extension
public final class DynamicalSimilarity implements Comparison {

  /** The id scripts and {@code rnnlab compare --analysis} use. */
  public static final String ID = "dsa";

  /** Creates the component; PF4J and Guice call this. */
  public DynamicalSimilarity() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Dynamical similarity analysis: delay-embedded reduced-rank linear models of both"
        + " networks compared up to an orthogonal change of basis, and by their eigenvalues";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("trials", 50, "trials", "Number of evaluation trials").withMin(1),
        ParameterSpec.integer("nDelays", 20, "", "Delays per embedding row (CtDB: 20)").withMin(1),
        ParameterSpec.integer("delayInterval", 1, "steps", "Steps between delays").withMin(1),
        ParameterSpec.integer("rank", 50, "", "Delay coordinates kept (CtDB: 50)").withMin(1),
        ParameterSpec.number("lambda", 1e-8, "", "Ridge of the linear fit (DSA: 1e-8)").withMin(0),
        ParameterSpec.integer("iters", 1500, "", "Adam iterations per restart (DSA, CtDB: 1500)")
            .withMin(0),
        ParameterSpec.number("lr", 0.005, "", "Adam learning rate (DSA, CtDB: 0.005)")
            .withMin(1e-12),
        ParameterSpec.integer(
                "restarts",
                6,
                "",
                "Starting rotations: identity, a reflection, then random orthogonal matrices")
            .withMin(1));
  }

  /**
   * @throws IllegalArgumentException if the runs' trials do not correspond or are too short for the
   *     embedding
   * @throws IOException if an output cannot be written
   */
  @Override
  public void run(Parameters params, ComparisonContext context) throws IOException {
    PairedStates states = PairedStates.of(context, params.count("trials"));
    int nDelays = params.count("nDelays");
    int delayInterval = params.count("delayInterval");
    int rank = params.count("rank");
    double lambda = params.number("lambda");
    long start = System.nanoTime();
    HavokDmd a =
        HavokDmd.fit(states.firstTrials(states.trials()), nDelays, delayInterval, rank, lambda);
    HavokDmd b =
        HavokDmd.fit(states.secondTrials(states.trials()), nDelays, delayInterval, rank, lambda);
    DMatrixRMaj ma = a.matrix();
    DMatrixRMaj mb = b.matrix();
    SimilarityTransformDistance.Result distance =
        SimilarityTransformDistance.compute(
            ma,
            mb,
            params.count("iters"),
            params.number("lr"),
            params.count("restarts"),
            context.random());
    Spectrum sa = Spectrum.of(ma);
    Spectrum sb = Spectrum.of(mb);
    double wasserstein = sa.wassersteinDistance(sb);
    double seconds = (System.nanoTime() - start) / 1e9;

    String na = states.firstName();
    String nb = states.secondName();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("dsa_angular_rad", distance.angularRad());
    metrics.put("dsa_euclidean", distance.euclidean());
    metrics.put("eigenvalue_wasserstein", wasserstein);
    metrics.put("rank_" + na, a.rank());
    metrics.put("rank_" + nb, b.rank());
    metrics.put("spectral_radius_" + na, sa.spectralRadius());
    metrics.put("spectral_radius_" + nb, sb.spectralRadius());
    List<Double> losses = new ArrayList<>();
    for (double loss : distance.restartLosses()) {
      losses.add(loss);
    }
    metrics.put("restart_losses", losses);
    metrics.put("trials", states.trials());
    metrics.put("seconds", seconds);
    metrics.put("evaluation_seconds", states.evaluationSeconds());
    context.writeMetrics(metrics);

    Map<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put(na + "_dmd", context.manager().create(rows(ma)));
    arrays.put(nb + "_dmd", context.manager().create(rows(mb)));
    arrays.put(na + "_eig_real", context.manager().create(sa.real()));
    arrays.put(na + "_eig_imag", context.manager().create(sa.imaginary()));
    arrays.put(nb + "_eig_real", context.manager().create(sb.real()));
    arrays.put(nb + "_eig_imag", context.manager().create(sb.imaginary()));
    context.writeArrays("dsa.npz", arrays);
    context.writeFigure("eigenvalues.png", eigenvaluePlot(na, sa, nb, sb));
  }

  private static LinePlot eigenvaluePlot(String na, Spectrum sa, String nb, Spectrum sb) {
    int points = 361;
    double[] cx = new double[points];
    double[] cy = new double[points];
    for (int i = 0; i < points; i++) {
      double angle = 2 * Math.PI * i / (points - 1);
      cx[i] = Math.cos(angle);
      cy[i] = Math.sin(angle);
    }
    return LinePlot.of("Eigenvalues of the DMD models", "real part", "imaginary part")
        .with(LinePlot.Series.muted("unit circle", cx, cy))
        .with(new LinePlot.Series(na, sa.real(), sa.imaginary(), true))
        .with(new LinePlot.Series(nb, sb.real(), sb.imaginary(), true));
  }

  private static double[][] rows(DMatrixRMaj m) {
    double[][] out = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < m.numCols; j++) {
        out[i][j] = m.get(i, j);
      }
    }
    return out;
  }
}
