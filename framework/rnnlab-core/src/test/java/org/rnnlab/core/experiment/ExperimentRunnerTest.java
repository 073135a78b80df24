package org.rnnlab.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.core.fixtures.MapCatalog;
import org.rnnlab.core.fixtures.Specs;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.io.Npz;
import org.rnnlab.core.training.TrainingDivergedException;
import org.rnnlab.core.training.TrainingListener;

class ExperimentRunnerTest {

  @TempDir Path temp;

  private final ExperimentRunner runner =
      new ExperimentRunner(MapCatalog.fixtures(), Map.of("fixtures", "1.0"));

  private ExperimentRunner.Options options(Path out, int stopAfter) {
    return new ExperimentRunner.Options(
        temp.resolve("runs"), out, stopAfter, TrainingListener.NONE, null, List.of("test"));
  }

  @Test
  void aRunLeavesTheFolderTheDesignDescribes() throws IOException {
    ExperimentRunner.Result result =
        runner.run(
            Specs.resolve(Specs.signTree(20)), options(temp.resolve("run"), Integer.MAX_VALUE));

    Path run = result.folder().root();
    assertThat(run.resolve("spec.yaml")).isRegularFile();
    assertThat(run.resolve("provenance.json")).isRegularFile();
    assertThat(run.resolve("metrics.csv")).isRegularFile();
    assertThat(run.resolve("checkpoints/step-000020/parameters.npz")).isRegularFile();
    assertThat(run.resolve("checkpoints/step-000020/parameters.ndlist")).isRegularFile();
    assertThat(run.resolve("evaluation/trials.npz")).isRegularFile();
    assertThat(run.resolve("summary.json")).isRegularFile();
    assertThat(run.resolve("loss-curve.png")).isRegularFile();
    assertThat(run.resolve("report.html")).isRegularFile();
    assertThat(Files.readAllLines(run.resolve("metrics.csv")))
        .hasSize(21)
        .first()
        .isEqualTo("step,loss,loss/tiny-cross-entropy,learning_rate,grad_norm,wall_time_s");
    Map<String, Object> summary = JsonFiles.read(run.resolve("summary.json"));
    assertThat(summary)
        .containsEntry("status", "completed")
        .containsEntry("steps", 20)
        .containsKeys("final_loss", "ms_per_step");
    Map<String, Npz.Array> evaluation = Npz.read(run.resolve("evaluation/trials.npz"));
    assertThat(evaluation.get("hidden").shape()).containsExactly(20, 8, 8);
    assertThat(evaluation).containsKeys("inputs", "outputs", "class_targets", "meta_groundTruth");
    Map<String, Object> provenance = JsonFiles.read(run.resolve("provenance.json"));
    assertThat(provenance).containsKeys("rnnlab_version", "djl", "seeds", "jvm", "os", "finished");
  }

  @Test
  void provenanceRecordsTheHashOfEveryInputFileAndCheckpointsTheEffectiveWeights()
      throws IOException {
    Path mask = temp.resolve("rec.npy");
    Files.write(mask, new byte[] {1, 2, 3});
    Map<String, Object> tree = Specs.signTree(10);
    tree.put(
        "model",
        new java.util.LinkedHashMap<>(
            Map.of("id", "masked-rnn", "hidden", 8L, "connectivity", mask.toString())));

    Path run =
        runner
            .run(Specs.resolve(tree), options(temp.resolve("run"), Integer.MAX_VALUE))
            .folder()
            .root();

    Map<String, Object> provenance = JsonFiles.read(run.resolve("provenance.json"));
    assertThat(provenance).containsKey("input_files");
    @SuppressWarnings("unchecked")
    Map<String, Object> files = (Map<String, Object>) provenance.get("input_files");
    assertThat(files)
        .containsExactly(
            Map.entry(
                "model.connectivity",
                Map.of(
                    "file",
                    mask.toAbsolutePath().toString(),
                    "sha256",
                    // sha256 of the bytes 01 02 03
                    "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81")));
    assertThat(Files.readString(run.resolve("spec.yaml")))
        .contains(mask.toAbsolutePath().toString());
    Map<String, Npz.Array> effective =
        Npz.read(
            run.resolve("checkpoints/step-000010/" + org.rnnlab.core.runs.Checkpoints.EFFECTIVE));
    assertThat(effective.get("recurrent.weight").floats())
        .containsExactly(
            Npz.read(run.resolve("checkpoints/step-000010/parameters.npz"))
                .get("recurrent.weight")
                .floats());
  }

  @Test
  void aRunWithoutInputFilesRecordsNone() throws IOException {
    Path run =
        runner
            .run(Specs.resolve(Specs.signTree(5)), options(temp.resolve("run"), Integer.MAX_VALUE))
            .folder()
            .root();

    assertThat(JsonFiles.read(run.resolve("provenance.json"))).doesNotContainKey("input_files");
    assertThat(run.resolve("checkpoints/step-000005/effective.npz")).doesNotExist();
  }

  @Test
  void theSameSeedGivesIdenticalMetricsApartFromWallTime() throws IOException {
    ExperimentSpec spec = Specs.resolve(Specs.signTree(30));
    Path a = runner.run(spec, options(temp.resolve("a"), Integer.MAX_VALUE)).folder().root();
    Path b = runner.run(spec, options(temp.resolve("b"), Integer.MAX_VALUE)).folder().root();

    assertThat(withoutWallTime(a.resolve("metrics.csv")))
        .isEqualTo(withoutWallTime(b.resolve("metrics.csv")));
    assertThat(parameters(a, 30)).isEqualTo(parameters(b, 30));
  }

  @Test
  void anotherSeedGivesOtherMetrics() throws IOException {
    Map<String, Object> tree = Specs.signTree(10);
    Path a =
        runner
            .run(Specs.resolve(tree), options(temp.resolve("a"), Integer.MAX_VALUE))
            .folder()
            .root();
    tree.put("seed", 8L);
    Path b =
        runner
            .run(Specs.resolve(tree), options(temp.resolve("b"), Integer.MAX_VALUE))
            .folder()
            .root();

    assertThat(withoutWallTime(a.resolve("metrics.csv")))
        .isNotEqualTo(withoutWallTime(b.resolve("metrics.csv")));
  }

  @Test
  void resumingAStoppedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws IOException {
    ExperimentSpec spec = Specs.resolve(Specs.signTree(40));
    Path whole =
        runner.run(spec, options(temp.resolve("whole"), Integer.MAX_VALUE)).folder().root();

    Path stopped = temp.resolve("stopped");
    ExperimentRunner.Result first = runner.run(spec, options(stopped, 25));
    assertThat(first.completed()).isFalse();
    assertThat(first.summary()).containsEntry("status", "stopped");
    // Simulate an interruption after the step-25 checkpoint but before any later one.
    ExperimentRunner.Result resumed = runner.resume(stopped, options(null, Integer.MAX_VALUE));

    assertThat(resumed.completed()).isTrue();
    assertThat(parameters(stopped, 40)).isEqualTo(parameters(whole, 40));
    assertThat(withoutWallTime(stopped.resolve("metrics.csv")))
        .isEqualTo(withoutWallTime(whole.resolve("metrics.csv")));
  }

  @Test
  void eachResumptionRecordsTheStepItContinuedFromAndTheThreadSettingsItRanWith()
      throws IOException {
    Path stopped = temp.resolve("stopped");
    runner.run(Specs.resolve(Specs.signTree(40)), options(stopped, 25));

    runner.resume(stopped, options(null, Integer.MAX_VALUE));

    Map<String, Object> provenance = JsonFiles.read(stopped.resolve("provenance.json"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resumed = (List<Map<String, Object>>) provenance.get("resumed");
    assertThat(resumed).hasSize(1);
    assertThat(resumed.get(0))
        .containsEntry("from_step", 25)
        .containsKeys("at", "command_line", "host", "processors")
        .containsKeys("intra_op_threads", "inter_op_threads");
  }

  @Test
  void resumingFromACheckpointWithoutItsOptimiserStateSaysSoAndChangesNothing() throws IOException {
    Path stopped = temp.resolve("stopped");
    runner.run(Specs.resolve(Specs.signTree(40)), options(stopped, 25));
    Files.delete(stopped.resolve("checkpoints/step-000025/optimizer.npz"));
    String metricsBefore = Files.readString(stopped.resolve("metrics.csv"));

    assertThatThrownBy(() -> runner.resume(stopped, options(null, Integer.MAX_VALUE)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("step-000025/optimizer.npz")
        .hasMessageContaining("without the optimiser state");
    assertThat(Files.readString(stopped.resolve("metrics.csv"))).isEqualTo(metricsBefore);
  }

  @Test
  void resumeDropsMetricRowsWrittenAfterTheLastCheckpoint() throws IOException {
    ExperimentSpec spec = Specs.resolve(Specs.signTree(40));
    Path whole =
        runner.run(spec, options(temp.resolve("whole"), Integer.MAX_VALUE)).folder().root();
    Path stopped = temp.resolve("stopped");
    runner.run(spec, options(stopped, 25));
    // Pretend the process died at step 25 before its checkpoint: only step-20 remains.
    deleteTree(stopped.resolve("checkpoints/step-000025"));

    runner.resume(stopped, options(null, Integer.MAX_VALUE));

    assertThat(parameters(stopped, 40)).isEqualTo(parameters(whole, 40));
    assertThat(withoutWallTime(stopped.resolve("metrics.csv")))
        .isEqualTo(withoutWallTime(whole.resolve("metrics.csv")));
  }

  @Test
  void aFinishedRunCannotBeResumed() throws IOException {
    Path run = temp.resolve("run");
    runner.run(Specs.resolve(Specs.signTree(5)), options(run, Integer.MAX_VALUE));

    assertThatThrownBy(() -> runner.resume(run, options(null, Integer.MAX_VALUE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already finished");
  }

  @Test
  void aNonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws IOException {
    Map<String, Object> tree = Specs.signTree(40);
    tree.put("loss", List.of(Map.of("id", "tiny-cross-entropy", "nanAfter", 15L)));
    Path run = temp.resolve("run");

    assertThatThrownBy(() -> runner.run(Specs.resolve(tree), options(run, Integer.MAX_VALUE)))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("training stopped at step 15")
        .hasMessageContaining("the last good checkpoint is step-000010");
    assertThat(run.resolve("checkpoints/step-000010/parameters.npz")).isRegularFile();
    assertThat(JsonFiles.read(run.resolve("summary.json"))).containsEntry("status", "diverged");
    assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(15);
    assertThat(run.resolve("report.html")).isRegularFile();
  }

  @Test
  void everyLossTermIsLoggedAndPeriodLabelsReachTheLosses() throws IOException {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put(
        "loss",
        List.of(
            Map.of("id", "tiny-cross-entropy"),
            Map.of(
                "id", "tiny-period-loss", "weight", 0.5, "periodWeights", Map.of("decision", 5L)),
            Map.of("id", "tiny-period-loss")));

    ExperimentRunner.Result result =
        runner.run(Specs.resolve(tree), options(temp.resolve("run"), Integer.MAX_VALUE));

    List<String> lines = Files.readAllLines(result.folder().root().resolve("metrics.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "step,loss,loss/tiny-cross-entropy,loss/tiny-period-loss,loss/tiny-period-loss#2,"
                + "learning_rate,grad_norm,wall_time_s");
    String[] row = lines.get(1).split(",");
    float total = Float.parseFloat(row[1]);
    float ce = Float.parseFloat(row[2]);
    float weighted = Float.parseFloat(row[3]);
    float unweighted = Float.parseFloat(row[4]);
    assertThat(total).isCloseTo(ce + 0.5f * weighted + unweighted, within(1e-5f));
    assertThat(unweighted).isCloseTo(ce, within(1e-6f));
    assertThat(weighted).isNotCloseTo(ce, within(1e-6f));
  }

  @Test
  void aLossNamingAPeriodTheTaskDoesNotHaveIsRejectedBeforeAnythingIsWritten() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("loss", List.of(Map.of("id", "tiny-period-loss", "periodWeights", Map.of("go", 2L))));
    Path run = temp.resolve("run");

    assertThatThrownBy(() -> runner.run(Specs.resolve(tree), options(run, Integer.MAX_VALUE)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("loss[0]")
        .hasMessageContaining("loss 'tiny-period-loss' cannot be used here")
        .hasMessageContaining("no period 'go'; the task's periods are [stimulus, decision]");
    assertThat(run).doesNotExist();
  }

  @Test
  void aRunNeverWritesIntoAFolderThatHoldsFiles() throws IOException {
    Path out = Files.createDirectories(temp.resolve("taken"));
    Files.writeString(out.resolve("notes.txt"), "mine");

    assertThatThrownBy(
            () -> runner.run(Specs.resolve(Specs.signTree(5)), options(out, Integer.MAX_VALUE)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already holds files");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
  }

  private static List<String> withoutWallTime(Path csv) throws IOException {
    return Files.readAllLines(csv).stream()
        .map(line -> line.substring(0, line.lastIndexOf(',')))
        .toList();
  }

  private static Map<String, List<Float>> parameters(Path run, int step) throws IOException {
    Map<String, Npz.Array> arrays =
        Npz.read(run.resolve(String.format("checkpoints/step-%06d/parameters.npz", step)));
    Map<String, List<Float>> out = new java.util.TreeMap<>();
    arrays.forEach(
        (k, v) -> {
          float[] f = v.floats();
          Float[] boxed = new Float[f.length];
          for (int i = 0; i < f.length; i++) {
            boxed[i] = f[i];
          }
          out.put(k, Arrays.asList(boxed));
        });
    return out;
  }

  @Test
  void aModelWithAnEncoderLearnsATaskThatOnlyTheInitialConditionSolves() throws IOException {
    ExperimentRunner.Result result =
        runner.run(
            Specs.resolve(Specs.initialSignTree(150, "linear")),
            options(temp.resolve("run"), Integer.MAX_VALUE));

    Map<String, Npz.Array> evaluation =
        Npz.read(result.folder().root().resolve("evaluation/trials.npz"));
    assertThat(evaluation.get("initial_conditions").shape()).containsExactly(20, 2);
    float[] conditions = evaluation.get("initial_conditions").floats();
    float[] outputs = evaluation.get("outputs").floats();
    int correct = 0;
    for (int trial = 0; trial < 20; trial++) {
      // The output at the first step can only come from h0: the input is zero throughout.
      int first = trial * 6 * 2;
      boolean saysPositive = outputs[first + 1] > outputs[first];
      correct += saysPositive == conditions[trial * 2] > 0 ? 1 : 0;
    }
    assertThat(correct).isGreaterThanOrEqualTo(19);
  }

  @Test
  void aModelWithoutAnEncoderIsRefusedBeforeAnythingIsWritten() {
    Path run = temp.resolve("run");

    assertThatThrownBy(
            () ->
                runner.run(
                    Specs.resolve(Specs.initialSignTree(5, "none")),
                    options(run, Integer.MAX_VALUE)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("model")
        .hasMessageContaining(
            "model 'tiny-encoder-rnn' has no encoder, but task 'initial-sign' gives every trial"
                + " an initial condition (2 values)")
        .hasMessageContaining("set encoder: linear on the model");
    assertThat(run).doesNotExist();
  }

  @Test
  void aModelWithoutAnEncoderOptionIsToldToChangeTheModel() {
    Map<String, Object> tree = Specs.initialSignTree(5, "none");
    tree.put("model", Map.of("id", "tiny-rnn"));

    assertThatThrownBy(() -> runner.run(Specs.resolve(tree), options(null, Integer.MAX_VALUE)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("model 'tiny-rnn' has no encoder")
        .hasMessageContaining("use a model with an encoder");
    assertThat(temp.resolve("runs")).doesNotExist();
  }

  @Test
  void anEncoderWithoutInitialConditionsIsRefusedByTheModel() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("model", Map.of("id", "tiny-encoder-rnn", "encoder", "linear"));
    Path run = temp.resolve("run");

    assertThatThrownBy(() -> runner.run(Specs.resolve(tree), options(run, Integer.MAX_VALUE)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("model 'tiny-encoder-rnn' rejected its parameters")
        .hasMessageContaining("needs a task with initial conditions");
    assertThat(run).doesNotExist();
  }

  @Test
  void streamBatchingOfATaskWithInitialConditionsIsRefusedBeforeAnythingIsWritten() {
    Map<String, Object> tree = Specs.initialSignTree(5, "linear");
    @SuppressWarnings("unchecked")
    Map<String, Object> train = (Map<String, Object>) tree.get("train");
    train.put("batching", "stream");
    Path run = temp.resolve("run");

    assertThatThrownBy(() -> runner.run(Specs.resolve(tree), options(run, Integer.MAX_VALUE)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("train.batching")
        .hasMessageContaining("task 'initial-sign' gives every trial an initial condition")
        .hasMessageContaining("start in the middle of a trial")
        .hasMessageContaining("set train.batching: trials");
    assertThat(run).doesNotExist();
  }

  private static void deleteTree(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
