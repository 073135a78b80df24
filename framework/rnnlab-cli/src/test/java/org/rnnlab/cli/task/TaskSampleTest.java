package org.rnnlab.cli.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.cli.Cli;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.io.Npz;

class TaskSampleTest {

  private static final String PDM = "perceptual-decision-making";

  @TempDir Path temp;

  /** 100 ms fixation + 1000 ms stimulus + 0 ms delay + 100 ms decision at 20 ms: 60 steps. */
  private Cli.Outcome sample(Path out, int trials, long seed, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "task",
                "sample",
                PDM,
                "--set",
                "dt=20",
                "--set",
                "timing.stimulus=1000",
                "--trials",
                Integer.toString(trials),
                "--seed",
                Long.toString(seed),
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void writesPaddedArraysAndASidecarWithNamesAndDt() throws IOException {
    Path npz = temp.resolve("trials.npz");

    Cli.Outcome o = sample(npz, 4, 0);

    assertThat(o.exitCode()).as(o.err()).isZero();
    Map<String, Npz.Array> arrays = Npz.read(npz);
    assertThat(arrays.keySet())
        .containsExactly(
            "inputs",
            "class_targets",
            "mask",
            "lengths",
            "period_start",
            "period_end",
            "meta_groundTruth",
            "meta_coherence",
            "meta_stimulusAngle");
    assertShape(arrays.get("inputs"), "<f4", 4, 60, 3);
    assertShape(arrays.get("class_targets"), "<i8", 4, 60);
    assertShape(arrays.get("mask"), "<f4", 4, 60);
    assertShape(arrays.get("lengths"), "<i4", 4);
    assertShape(arrays.get("period_start"), "<i4", 4, 4);
    assertShape(arrays.get("period_end"), "<i4", 4, 4);
    assertShape(arrays.get("meta_coherence"), "<f8", 4);
    assertThat(arrays.get("lengths").floats()).containsOnly(60f);
    // fixation [0, 5), stimulus [5, 55), delay [55, 55), decision [55, 60) in every trial
    assertThat(arrays.get("period_start").floats()).startsWith(0f, 5f, 55f, 55f);
    assertThat(arrays.get("period_end").floats()).startsWith(5f, 55f, 55f, 60f);

    Map<String, Object> json = JsonFiles.read(temp.resolve("trials.json"));
    assertThat(json)
        .containsEntry("task", PDM)
        .containsEntry("dt_ms", 20.0)
        .containsEntry("seed", 0)
        .containsEntry("period_names", List.of("fixation", "stimulus", "delay", "decision"))
        .containsEntry("input_channels", List.of("fixation", "stimulus-1", "stimulus-2"))
        .containsEntry("output_channels", List.of("fixate", "choice-1", "choice-2"))
        .containsEntry("target_kind", "class_index");
    assertThat((List<?>) json.get("trials")).hasSize(4);
    assertThat(temp).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void theSameSeedGivesIdenticalFilesAndAnotherSeedOtherTrials() throws IOException {
    Path a = temp.resolve("a.npz");
    Path b = temp.resolve("b.npz");
    Path c = temp.resolve("c.npz");

    assertThat(sample(a, 5, 42).exitCode()).isZero();
    assertThat(sample(b, 5, 42).exitCode()).isZero();
    assertThat(sample(c, 5, 43).exitCode()).isZero();

    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    assertThat(Files.readString(temp.resolve("b.json")))
        .isEqualTo(Files.readString(temp.resolve("a.json")));
    assertThat(Npz.read(c).get("inputs").floats()).isNotEqualTo(Npz.read(a).get("inputs").floats());
  }

  @Test
  void anExistingFileIsLeftAloneWithoutForce() throws IOException {
    Path npz = temp.resolve("trials.npz");
    Files.writeString(npz, "someone's data");

    Cli.Outcome refused = sample(npz, 2, 0);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).startsWith("error: ").contains("already exists", "--force");
    assertThat(Files.readString(npz)).isEqualTo("someone's data");
    assertThat(temp.resolve("trials.json")).doesNotExist();
    assertThat(temp).isDirectoryNotContaining("glob:**.tmp");

    Cli.Outcome forced = sample(npz, 2, 0, "--force");

    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Npz.read(npz).get("inputs").shape()).containsExactly(2, 60, 3);
  }

  @Test
  void anExistingSidecarAlsoStopsTheExport() throws IOException {
    Path npz = temp.resolve("trials.npz");
    Files.writeString(temp.resolve("trials.json"), "{}");

    Cli.Outcome o = sample(npz, 2, 0);

    assertThat(o.exitCode()).isEqualTo(1);
    assertThat(o.err()).contains("trials.json", "already exists");
    assertThat(npz).doesNotExist();
    assertThat(Files.readString(temp.resolve("trials.json"))).isEqualTo("{}");
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsWritten() {
    Path npz = temp.resolve("t.npz");

    Cli.Outcome closedLoop =
        Cli.run("task", "sample", "point-mass", "--trials", "2", "--out", npz.toString());
    Cli.Outcome noTrials = sample(npz, 0, 0);
    Cli.Outcome notNpz =
        Cli.run("task", "sample", PDM, "--trials", "2", "--out", temp.resolve("t.csv").toString());

    assertThat(closedLoop.exitCode()).isEqualTo(2);
    assertThat(closedLoop.err()).contains("task sample needs an open-loop task");
    assertThat(noTrials.exitCode()).isEqualTo(2);
    assertThat(notNpz.exitCode()).isEqualTo(2);
    assertThat(notNpz.err()).contains(".npz");
    assertThat(temp).isEmptyDirectory();
  }

  private static void assertShape(Npz.Array array, String dtype, long... shape) {
    assertThat(array.dtype()).isEqualTo(dtype);
    assertThat(array.shape()).containsExactly(shape);
  }
}
