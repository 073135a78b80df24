package org.rnnlab.plugins.dynamics.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.comparison.Comparison;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.RecordingComparisonContext;

/** The three comparisons end to end on a recording context. */
class ComparisonsTest {

  @TempDir Path directory;

  record FakeTask() implements OpenLoopTask {
    @Override
    public TargetKind targetKind() {
      return TargetKind.CONTINUOUS;
    }

    @Override
    public double dtMs() {
      return 10;
    }

    @Override
    public List<String> inputChannels() {
      return List.of("in");
    }

    @Override
    public List<String> outputChannels() {
      return List.of("out");
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      throw new UnsupportedOperationException("trials come from the test");
    }
  }

  private RecordingComparisonContext context(float[][][] a, float[][][] b) throws Exception {
    return new RecordingComparisonContext(
        new FakeTask(),
        RecordingComparisonContext.run("gru-128", null, Synthetic.evaluation(a)),
        RecordingComparisonContext.run("node", null, Synthetic.evaluation(b)),
        directory,
        3L);
  }

  /** A 4-D linear system seen by a 12-unit and a 3-unit "network" (affine read-outs of it). */
  private static float[][][][] twoViews() {
    SplittableRandom random = new SplittableRandom(20);
    float[][][] latents =
        Synthetic.linearSystem(Synthetic.rotations(0.98, 0.2, 0.6), 20, 60, 0.3, random);
    float[][][] a = Synthetic.affine(latents, Synthetic.gaussian(12, 4, random), new double[12]);
    float[][][] b = Synthetic.affine(latents, Synthetic.gaussian(4, 4, random), new double[4]);
    return new float[][][][] {a, b};
  }

  @Test
  void everyComparisonIsWellDeclared() {
    for (Comparison c :
        List.of(new StateR2(), new CanonicalCorrelation(), new DynamicalSimilarity())) {
      ComponentContract.assertWellDeclared(c);
    }
  }

  @Test
  void stateR2WritesBothDirectionsNamedAfterTheRuns() throws Exception {
    float[][][][] views = twoViews();
    try (RecordingComparisonContext context = context(views[0], views[1])) {
      StateR2 comparison = new StateR2();
      comparison.run(ComponentContract.parameters(comparison, Map.of("trials", 20)), context);
      Map<String, Object> m = context.metrics();
      assertThat((Double) m.get("state_r2_gru_128_to_node")).isCloseTo(1, within(1e-4));
      assertThat((Double) m.get("state_r2_node_to_gru_128")).isCloseTo(1, within(1e-4));
      assertThat(m).containsEntry("training_trials", 16).containsEntry("validation_trials", 4);
      assertThat(m).containsKey("seconds");
      assertThat(context.arrays("state-r2.npz")).containsKeys("r2_gru_128_to_node");
      assertThat(context.figures()).containsKey("state-r2.png");
    }
  }

  @Test
  void ccaWritesCorrelationsAndProcrustes() throws Exception {
    float[][][][] views = twoViews();
    try (RecordingComparisonContext context = context(views[0], views[1])) {
      CanonicalCorrelation comparison = new CanonicalCorrelation();
      comparison.run(ComponentContract.parameters(comparison, Map.of("trials", 20)), context);
      Map<String, Object> m = context.metrics();
      @SuppressWarnings("unchecked")
      List<Double> rho = (List<Double>) m.get("canonical_correlations");
      assertThat(rho).hasSize(4).allSatisfy(r -> assertThat(r).isCloseTo(1.0, within(1e-6)));
      assertThat(m).containsKeys("procrustes_euclidean", "procrustes_angular_rad", "seconds");
      assertThat(context.arrays("cca.npz")).containsKey("canonical_correlations");
    }
  }

  @Test
  void dsaWritesScoresEigenvaluesAndTheFigure() throws Exception {
    float[][][][] views = twoViews();
    try (RecordingComparisonContext context = context(views[0], views[1])) {
      DynamicalSimilarity comparison = new DynamicalSimilarity();
      comparison.run(
          ComponentContract.parameters(
              comparison,
              Map.of("trials", 20, "nDelays", 2, "rank", 8, "iters", 300, "restarts", 3)),
          context);
      Map<String, Object> m = context.metrics();
      assertThat(m)
          .containsKeys("dsa_angular_rad", "dsa_euclidean", "eigenvalue_wasserstein", "seconds");
      assertThat(m).containsEntry("rank_gru_128", 8).containsEntry("rank_node", 8);
      // both are views of the same 4-D system: the same eigenvalues
      assertThat((Double) m.get("eigenvalue_wasserstein")).isLessThan(0.05);
      assertThat(context.arrays("dsa.npz"))
          .containsKeys("gru_128_eig_real", "node_eig_imag", "gru_128_dmd");
      assertThat(context.figures()).containsKey("eigenvalues.png");
    }
  }

  @Test
  void runsWhoseTrialsDifferAreRefused() throws Exception {
    SplittableRandom random = new SplittableRandom(1);
    try (RecordingComparisonContext context =
        context(Synthetic.noise(3, 10, 2, random), Synthetic.noise(3, 12, 2, random))) {
      StateR2 comparison = new StateR2();
      assertThatThrownBy(
              () ->
                  comparison.run(
                      ComponentContract.parameters(comparison, Map.of("trials", 3)), context))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("same");
    }
  }
}
