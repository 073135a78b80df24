package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.core.io.JsonFiles;

/**
 * {@code rnnlab compare} and {@code rnnlab analyze} on finished runs: the small flip-flop GRU of
 * the ctdb-3bff-comparison experiment, shrunk to test size, trained with two seeds.
 */
class CompareAndAnalyzeTest {

  @TempDir static Path temp;

  private static Path gruSeed0;
  private static Path gruSeed1;

  private static final String[] TINY = {
    "--set", "train.steps=20",
    "--set", "model.hidden=12",
    "--set", "task.steps=40",
    "--set", "evaluation.trials=20",
    "--set", "analyses[0].trials=20",
    "--quiet"
  };

  private static Cli.Outcome train(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("run", Cli.experiment("ctdb-3bff-comparison/gru-small.groovy").toString()));
    args.addAll(List.of(TINY));
    args.addAll(List.of("--out", out.toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @BeforeAll
  static void trainTwoGrus() {
    gruSeed0 = temp.resolve("gru-0");
    gruSeed1 = temp.resolve("gru-1");
    Cli.Outcome first = train(gruSeed0);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(train(gruSeed1, "--set", "seed=1").exitCode()).isZero();
  }

  @Test
  void compareWritesOneFolderWithTheRunsTheComparisonAndItsMetrics() throws IOException {
    Path out = temp.resolve("cmp");
    Cli.Outcome o =
        Cli.run(
            "compare",
            gruSeed0.toString(),
            gruSeed1.toString(),
            "--analysis",
            "state-r2",
            "--set",
            "trials=20",
            "--out",
            out.toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains("comparison folder: " + out).contains("state-r2:");
    Map<String, Object> record = JsonFiles.read(out.resolve("comparison.json"));
    assertThat(record.get("runs").toString()).contains(gruSeed0.toString(), gruSeed1.toString());
    assertThat(record).containsKeys("evaluation_trials", "comparisons", "provenance", "finished");
    assertThat(out.resolve("state-r2/metrics.json")).exists();
    Map<String, Object> summary = JsonFiles.read(out.resolve("summary.json"));
    assertThat(summary.get("status")).isEqualTo("completed");
    assertThat((Map<?, ?>) summary.get("state-r2")).isNotEmpty();
  }

  @Test
  void aRunComparedWithItselfMapsItsStatesPerfectly() throws IOException {
    Path out = temp.resolve("self");
    Cli.Outcome o =
        Cli.run(
            "compare",
            gruSeed0.toString(),
            gruSeed0.toString(),
            "--analysis",
            "state-r2",
            "--set",
            "trials=20",
            "--out",
            out.toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    Map<?, ?> metrics = (Map<?, ?>) JsonFiles.read(out.resolve("summary.json")).get("state-r2");
    List<Double> r2 =
        metrics.entrySet().stream()
            .filter(e -> e.getKey().toString().startsWith("state_r2_"))
            .map(e -> ((Number) e.getValue()).doubleValue())
            .toList();
    assertThat(r2).hasSize(2).allSatisfy(v -> assertThat(v).isGreaterThan(0.999));
  }

  @Test
  void aFolderThatIsNotARunIsRefusedByName() throws IOException {
    Path notARun = Files.createDirectories(temp.resolve("not-a-run"));
    Cli.Outcome o =
        Cli.run("compare", gruSeed0.toString(), notARun.toString(), "--analysis", "state-r2");

    assertThat(o.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(o.err()).contains(notARun.toString()).contains("no spec.yaml");
  }

  @Test
  void anUnfinishedRunIsRefusedWithHowToFinishIt() {
    Path stopped = temp.resolve("stopped");
    assertThat(train(stopped, "--stop-after", "10").exitCode()).isZero();

    Cli.Outcome o =
        Cli.run("compare", gruSeed0.toString(), stopped.toString(), "--analysis", "state-r2");

    assertThat(o.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(o.err()).contains("status stopped").contains("rnnlab run --resume " + stopped);
  }

  @Test
  void runsOfTasksWithDifferentChannelsCannotBeCompared() {
    Path pdm = temp.resolve("pdm");
    Cli.Outcome trained =
        Cli.run(
            "run",
            Cli.experiment("perceptual-decision-making/pdm.groovy").toString(),
            "--set",
            "train.steps=5",
            "--set",
            "model.hidden=8",
            "--set",
            "evaluation.trials=10",
            "--set",
            "analyses[0].trials=10",
            "--quiet",
            "--out",
            pdm.toString());
    assertThat(trained.exitCode()).as(trained.err()).isZero();

    Cli.Outcome o =
        Cli.run("compare", gruSeed0.toString(), pdm.toString(), "--analysis", "state-r2");

    assertThat(o.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(o.err()).contains("tasks differ").contains("inputs");
  }

  @Test
  void anUnknownComparisonOrParameterIsABadInputThatListsTheValidOnes() {
    Cli.Outcome unknown =
        Cli.run("compare", gruSeed0.toString(), gruSeed1.toString(), "--analysis", "state-r3");
    assertThat(unknown.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("unknown comparison 'state-r3'").contains("state-r2");

    Cli.Outcome parameter =
        Cli.run(
            "compare",
            gruSeed0.toString(),
            gruSeed1.toString(),
            "--analysis",
            "state-r2",
            "--set",
            "trails=20");
    assertThat(parameter.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(parameter.err()).contains("trails").contains("trials");
  }

  @Test
  void compareNeverWritesIntoAFolderThatHoldsFiles() throws IOException {
    Path out = Files.createDirectories(temp.resolve("occupied"));
    Path keep = Files.writeString(out.resolve("notes.txt"), "mine");

    Cli.Outcome o =
        Cli.run(
            "compare",
            gruSeed0.toString(),
            gruSeed1.toString(),
            "--analysis",
            "state-r2",
            "--out",
            out.toString());

    assertThat(o.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(o.err()).contains("already holds files");
    assertThat(Files.list(out).toList()).containsExactly(keep);
    assertThat(Files.readString(keep)).isEqualTo("mine");
  }

  @Test
  void analyzeAddsAnAnalysisToAFinishedRunAndRefusesToReplaceIt() throws IOException {
    Path run = temp.resolve("gru-analyzed");
    assertThat(train(run).exitCode()).isZero();
    String summaryBefore = Files.readString(run.resolve("summary.json"));

    Cli.Outcome first =
        Cli.run("analyze", run.toString(), "--analysis", "latents", "--set", "trials=20");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(run.resolve("analysis/latents/metrics.json")).exists();
    assertThat(Files.readString(run.resolve("summary.json"))).isEqualTo(summaryBefore);
    assertThat(JsonFiles.read(run.resolve("provenance.json"))).containsKey("post_hoc_analyses");
    assertThat(Files.readString(run.resolve("report.html"))).contains("latents");

    String metrics = Files.readString(run.resolve("analysis/latents/metrics.json"));
    Cli.Outcome again =
        Cli.run("analyze", run.toString(), "--analysis", "latents", "--set", "trials=20");

    assertThat(again.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(again.err()).contains("already holds this analysis's outputs");
    assertThat(Files.readString(run.resolve("analysis/latents/metrics.json"))).isEqualTo(metrics);
  }

  /** Every file of a folder with its bytes, to show that a command only read it. */
  private static Map<Path, String> snapshot(Path dir) throws IOException {
    Map<Path, String> files = new java.util.TreeMap<>();
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p), java.util.Arrays.toString(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  @Test
  void analyzeLooksAtOneCheckpointOfAnUnfinishedRunWithoutWritingIntoIt() throws IOException {
    Path stopped = temp.resolve("stopped-at-10");
    assertThat(train(stopped, "--stop-after", "10").exitCode()).isZero();
    Map<Path, String> before = snapshot(stopped);
    Path out = temp.resolve("at-step-10");

    Cli.Outcome o =
        Cli.run(
            "analyze",
            stopped.toString(),
            "--checkpoint",
            "step-000010",
            "--out",
            out.toString(),
            "--analysis",
            "output-error",
            "--set",
            "trials=20");

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(out.resolve("output-error/metrics.json")).exists();
    Map<String, Object> record = JsonFiles.read(out.resolve("analysis.json"));
    assertThat(record).containsEntry("checkpoint", "step-000010").containsKey("provenance");
    assertThat(((Number) record.get("step")).intValue()).isEqualTo(10);
    assertThat(((Map<?, ?>) record.get("metrics")).get("output-error").toString()).contains("mse");
    assertThat(snapshot(stopped)).as("the run's folder").isEqualTo(before);
  }

  @Test
  void aNetworkKeptWithoutItsOptimiserStateCanStillBeAnalysed() throws IOException {
    Path published = temp.resolve("published");
    assertThat(train(published).exitCode()).isZero();
    try (var checkpoints = Files.list(published.resolve("checkpoints"))) {
      for (Path checkpoint : checkpoints.toList()) {
        Files.delete(checkpoint.resolve("optimizer.npz"));
      }
    }

    Cli.Outcome atCheckpoint =
        Cli.run(
            "analyze",
            published.toString(),
            "--checkpoint",
            "step-000020",
            "--out",
            temp.resolve("published-at-20").toString(),
            "--analysis",
            "output-error",
            "--set",
            "trials=20");
    Cli.Outcome inPlace =
        Cli.run("analyze", published.toString(), "--analysis", "latents", "--set", "trials=20");

    assertThat(atCheckpoint.exitCode()).as(atCheckpoint.err()).isZero();
    assertThat(inPlace.exitCode()).as(inPlace.err()).isZero();
  }

  @Test
  void aCheckpointAnalysisNamesTheCheckpointsThereAreAndNeedsANewOutFolder() throws IOException {
    Cli.Outcome unknown =
        Cli.run(
            "analyze",
            gruSeed0.toString(),
            "--checkpoint",
            "step-999999",
            "--out",
            temp.resolve("nowhere").toString(),
            "--analysis",
            "output-error");
    assertThat(unknown.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("no checkpoint 'step-999999'").contains("step-000020");

    Cli.Outcome withoutOut =
        Cli.run(
            "analyze", gruSeed0.toString(), "--checkpoint", "step-000020", "--analysis", "latents");
    assertThat(withoutOut.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(withoutOut.err()).contains("--checkpoint and --out go together");

    Path occupied = Files.createDirectories(temp.resolve("occupied"));
    Files.writeString(occupied.resolve("notes.txt"), "mine");
    Cli.Outcome full =
        Cli.run(
            "analyze",
            gruSeed0.toString(),
            "--checkpoint",
            "step-000020",
            "--out",
            occupied.toString(),
            "--analysis",
            "output-error");
    assertThat(full.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(full.err()).contains("already holds files");
    assertThat(Files.readString(occupied.resolve("notes.txt"))).isEqualTo("mine");
  }
}
