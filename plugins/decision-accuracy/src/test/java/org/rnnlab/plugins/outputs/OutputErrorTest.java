package org.rnnlab.plugins.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.RecordingAnalysisContext;

class OutputErrorTest {

  @TempDir Path directory;

  /** A one-channel continuous task whose trials come from the test. */
  record FakeTask(TargetKind targetKind) implements OpenLoopTask {
    @Override
    public double dtMs() {
      return 10;
    }

    @Override
    public List<String> inputChannels() {
      return List.of("pulse");
    }

    @Override
    public List<String> outputChannels() {
      return List.of("bit");
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      throw new UnsupportedOperationException("trials come from the test");
    }
  }

  /**
   * Six steps; the target flips from 0 to 1 at step 2; the output misses every target by the step
   * index (error t at step t); the mask drops the last step.
   */
  private static Evaluation oneTrial() {
    float[][] inputs = new float[6][1];
    float[][] targets = {{0}, {0}, {1}, {1}, {1}, {1}};
    float[] mask = {1, 1, 1, 1, 1, 0};
    float[][] outputs = new float[6][1];
    for (int t = 0; t < 6; t++) {
      outputs[t][0] = targets[t][0] + t;
    }
    Trial trial = new Trial(inputs, targets, null, mask, List.of(), Map.of());
    return new Evaluation(
        List.of(trial), new float[][][] {outputs}, new float[][][] {new float[6][1]});
  }

  private Map<String, Object> run(Evaluation evaluation, Map<String, Object> values)
      throws Exception {
    try (RecordingAnalysisContext context =
        new RecordingAnalysisContext(
            new FakeTask(TargetKind.CONTINUOUS), null, evaluation, directory, 1L)) {
      OutputError analysis = new OutputError();
      analysis.run(ComponentContract.parameters(analysis, values), context);
      assertThat(context.figures()).containsKey("trial-0.png");
      return context.metrics();
    }
  }

  @Test
  void isWellDeclared() {
    ComponentContract.assertWellDeclared(new OutputError());
  }

  @Test
  void theMseAveragesSquaredErrorsOverMaskedSteps() throws Exception {
    Map<String, Object> m = run(oneTrial(), Map.of("trials", 1));
    // steps 0..4 count: (0 + 1 + 4 + 9 + 16) / 5
    assertThat((Double) m.get("mse")).isCloseTo(6.0, within(1e-9));
    assertThat(m).doesNotContainKey("blinded_mse");
  }

  @Test
  void rSquaredComparesTheErrorWithTheTargetsVariance() throws Exception {
    Map<String, Object> m = run(oneTrial(), Map.of("trials", 1));
    // masked targets 0,0,1,1,1: mean 0.6, SST = 2·0.36 + 3·0.16 = 1.2; SSE = 30
    assertThat((Double) m.get("r2")).isCloseTo(1 - 30 / 1.2, within(1e-9));
  }

  @Test
  void blindedMseLeavesOutTheFirstStepsAndTheStepsAfterEachChange() throws Exception {
    Map<String, Object> m =
        run(oneTrial(), Map.of("trials", 1, "initialBlind", 1, "transitionBlind", 2));
    // step 0 is initial-blind; the change at step 2 counts, steps 3 and 4 are blind; 5 is masked
    assertThat((Double) m.get("blinded_mse")).isCloseTo((1 + 4) / 2.0, within(1e-9));
  }

  @Test
  void refusesClassTargets() {
    assertThatThrownBy(
            () -> {
              try (RecordingAnalysisContext context =
                  new RecordingAnalysisContext(
                      new FakeTask(TargetKind.CLASS_INDEX), null, oneTrial(), directory, 1L)) {
                OutputError analysis = new OutputError();
                analysis.run(ComponentContract.parameters(analysis, Map.of()), context);
              }
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("continuous targets");
  }
}
