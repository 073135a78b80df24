package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.io.Npz;
import org.rnnlab.core.plugins.ComponentRegistry;
import org.rnnlab.core.spec.SpecResolver;
import org.rnnlab.dsl.ExperimentReader;
import org.rnnlab.dsl.Overrides;

/** The perceptual-decision-making experiment end to end, at test size. */
class RunTest {

  @TempDir Path temp;

  private static final String[] SMALL = {
    "--set",
    "train.steps=60",
    "--set",
    "model.hidden=32",
    "--set",
    "evaluation.trials=40",
    "--set",
    "analyses[0].trials=40",
    "--set",
    "train.checkpointEvery=20"
  };

  private Cli.Outcome runPdm(Path out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", Cli.experiment("perceptual-decision-making/pdm.groovy").toString()));
    args.addAll(List.of(SMALL));
    args.addAll(List.of("--out", out.toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--progress")) {
      args.add("--quiet");
    }
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void theGroovyAndYamlScriptsResolveToTheSameSpec() throws IOException {
    try (ComponentRegistry registry =
        ComponentRegistry.load(List.of(Path.of(System.getProperty("rnnlab.bundledPlugins"))))) {
      SpecResolver resolver = new SpecResolver(registry);
      ExperimentSpec groovy =
          resolver.resolve(
              ExperimentReader.read(Cli.experiment("perceptual-decision-making/pdm.groovy")));
      ExperimentSpec yaml =
          resolver.resolve(
              ExperimentReader.read(Cli.experiment("perceptual-decision-making/pdm.yaml")));

      assertThat(groovy.tree()).isEqualTo(yaml.tree());
      assertThat(groovy.training().steps()).isEqualTo(2000);
      assertThat(groovy.task().parameters().number("dt")).isEqualTo(20.0);
    }
  }

  @Test
  void aRunWritesTheWholeRunFolderAndAReport() throws IOException {
    Path out = temp.resolve("pdm");
    Cli.Outcome o = runPdm(out);

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains("run folder: " + out).contains("accuracy:");
    for (String f :
        List.of(
            "spec.yaml",
            "provenance.json",
            "metrics.csv",
            "summary.json",
            "loss-curve.png",
            "report.html",
            "checkpoints/step-000060/parameters.npz",
            "evaluation/trials.npz",
            "evaluation/trials.json",
            "analysis/decision-accuracy/metrics.json",
            "analysis/decision-accuracy/psychometric.png")) {
      assertThat(out.resolve(f)).as(f).isRegularFile();
    }
    Map<String, Object> summary = JsonFiles.read(out.resolve("summary.json"));
    assertThat(summary).containsKeys("accuracy", "final_loss", "steps", "ms_per_step");
    assertThat(Files.readString(out.resolve("spec.yaml")))
        .contains("id: perceptual-decision-making")
        .contains("fixation: 100.0")
        .contains("sigma: 1.0");
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("loss-curve.png")
        .contains("psychometric.png");
    Map<String, Npz.Array> evaluation = Npz.read(out.resolve("evaluation/trials.npz"));
    assertThat(evaluation.get("hidden").shape()).containsExactly(40, 60, 32);
  }

  @Test
  void theRunsSpecYamlIsItselfAnExperimentThatResolvesToTheSameSpec() throws IOException {
    Path out = temp.resolve("pdm");
    assertThat(runPdm(out).exitCode()).isZero();

    try (ComponentRegistry registry =
        ComponentRegistry.load(List.of(Path.of(System.getProperty("rnnlab.bundledPlugins"))))) {
      SpecResolver resolver = new SpecResolver(registry);
      List<String> sets = new java.util.ArrayList<>();
      for (int i = 0; i + 1 < SMALL.length; i += 2) {
        if (SMALL[i].equals("--set")) {
          sets.add(SMALL[i + 1]);
        }
      }
      ExperimentSpec original =
          resolver.resolve(
              Overrides.apply(
                  ExperimentReader.read(Cli.experiment("perceptual-decision-making/pdm.groovy")),
                  sets));
      ExperimentSpec again = resolver.resolve(ExperimentReader.read(out.resolve("spec.yaml")));

      assertThat(again.tree()).isEqualTo(original.tree());
    }
  }

  @Test
  void wrappersChangeTheTrialsAndAreRecordedInTheSpec() throws IOException {
    Path script = temp.resolve("biased.yaml");
    Files.writeString(
        script,
        """
        name: biased
        task:
          id: perceptual-decision-making
          dt: 20
          timing: { stimulus: 300 }
          wrappers:
            - { id: side-bias, probs: [1.0, 0.0, 0.0, 1.0], blockTrials: 10 }
            - { id: input-noise, std: 0.05 }
        model: { id: leaky-rnn, hidden: 16 }
        loss: [ { id: cross-entropy } ]
        train: { steps: 5 }
        evaluation: { trials: 30 }
        """);
    Path out = temp.resolve("biased");

    Cli.Outcome o = Cli.run("run", script.toString(), "--quiet", "--out", out.toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(Files.readString(out.resolve("spec.yaml")))
        .contains("id: side-bias")
        .contains("std: 0.05");
    Map<String, Npz.Array> trials = Npz.read(out.resolve("evaluation/trials.npz"));
    float[] block = trials.get("meta_block").floats();
    float[] truth = trials.get("meta_groundTruth").floats();
    for (int i = 0; i < block.length; i++) {
      // Each block always has the same answer: block 0 choice 1, block 1 choice 2.
      assertThat(truth[i]).isEqualTo(block[i] + 1);
    }
  }

  @Test
  void anUnknownWrapperIsNamedWithTheAvailableOnes() throws IOException {
    Path script = temp.resolve("w.yaml");
    Files.writeString(
        script,
        """
        task: { id: perceptual-decision-making, wrappers: [ { id: side-bais } ] }
        model: { id: leaky-rnn }
        loss: [ { id: cross-entropy } ]
        """);

    Cli.Outcome o = Cli.run("run", script.toString(), "--quiet", "--runs", temp.toString());

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("unknown wrapper 'side-bais'").contains("'side-bias'");
  }

  @Test
  void theSameScriptTwiceGivesIdenticalMetrics() throws IOException {
    Path a = temp.resolve("a");
    Path b = temp.resolve("b");
    assertThat(runPdm(a).exitCode()).isZero();
    assertThat(runPdm(b).exitCode()).isZero();

    assertThat(withoutWallTime(a.resolve("metrics.csv")))
        .isEqualTo(withoutWallTime(b.resolve("metrics.csv")));
    assertThat(Files.readString(a.resolve("analysis/decision-accuracy/metrics.json")))
        .isEqualTo(Files.readString(b.resolve("analysis/decision-accuracy/metrics.json")));
  }

  @Test
  void aStoppedRunResumesToTheSameFinalWeights() throws IOException {
    Path whole = temp.resolve("whole");
    Path stopped = temp.resolve("stopped");
    assertThat(runPdm(whole).exitCode()).isZero();
    Cli.Outcome first = runPdm(stopped, "--stop-after", "30");
    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("status:     stopped").contains("--resume " + stopped);

    Cli.Outcome resumed = Cli.run("run", "--resume", stopped.toString(), "--quiet");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(floats(stopped)).isEqualTo(floats(whole));
    assertThat(withoutWallTime(stopped.resolve("metrics.csv")))
        .isEqualTo(withoutWallTime(whole.resolve("metrics.csv")));
  }

  @Test
  void progressCanBeWrittenAsPlainLinesForALogFile() {
    Cli.Outcome o = runPdm(temp.resolve("logged"), "--progress", "lines");

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.err())
        .contains("train starts: 60 steps")
        .containsPattern("train step 60/60 \\(100.0%\\)  mean loss [0-9.e-]+ over [0-9]+ steps")
        .doesNotContain("\r");
  }

  @Test
  void quietCannotBeCombinedWithAProgressDisplay() {
    Cli.Outcome o = runPdm(temp.resolve("both"), "--quiet", "--progress", "bar");

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("--quiet").contains("--progress=bar");
    assertThat(temp.resolve("both")).doesNotExist();
  }

  @Test
  void aRunRefusesAFolderThatHoldsFilesAndLeavesThemAlone() throws IOException {
    Path out = Files.createDirectories(temp.resolve("mine"));
    Files.writeString(out.resolve("thesis.tex"), "precious");

    Cli.Outcome o = runPdm(out);

    assertThat(o.exitCode()).isEqualTo(1);
    assertThat(o.err()).contains("already holds files");
    assertThat(Files.readString(out.resolve("thesis.tex"))).isEqualTo("precious");
  }

  @Test
  void theClosedLoopPointMassLearnsThroughItsDynamics() throws IOException {
    Path script = temp.resolve("reach.yaml");
    Files.writeString(
        script,
        """
        name: point-mass-reach
        seed: 3
        task: { id: point-mass }
        model: { id: leaky-rnn, hidden: 32, tau: 40, activation: tanh }
        loss: [ { id: mse } ]
        train: { optimizer: { id: adam, lr: 0.01 }, steps: 150, batch: 16 }
        evaluation: { trials: 20 }
        """);
    Path out = temp.resolve("reach");

    Cli.Outcome o = Cli.run("run", script.toString(), "--quiet", "--out", out.toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    List<Double> losses = column(out.resolve("metrics.csv"), 1);
    double first = mean(losses.subList(0, 10));
    double last = mean(losses.subList(losses.size() - 10, losses.size()));
    assertThat(last).isLessThan(first * 0.5);
    assertThat(out.resolve("evaluation/episodes.npz")).isRegularFile();
  }

  /**
   * At 5 rad/s (0.5 rad per step) an agent that never moves costs 1 per reach step on average and
   * one that steps straight to the target 0.28; the cost is 1 − cos(position − target).
   */
  @Test
  void theClosedLoopReachLearnsToStepItsOwnPositionTowardsTheTarget() throws IOException {
    Path script = temp.resolve("reach-1d.yaml");
    Files.writeString(
        script,
        """
        name: reach-1d
        seed: 3
        task: { id: reaching-1d-closed-loop, speed: 5 }
        model: { id: leaky-rnn, hidden: 32, tau: 100 }
        loss: [ { id: mse } ]
        train: { optimizer: { id: adam, lr: 0.01 }, steps: 300, batch: 16 }
        evaluation: { trials: 20 }
        """);
    Path out = temp.resolve("reach-1d");

    Cli.Outcome o = Cli.run("run", script.toString(), "--quiet", "--out", out.toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    List<Double> losses = column(out.resolve("metrics.csv"), 1);
    double last = mean(losses.subList(losses.size() - 20, losses.size()));
    assertThat(last).as("mean cost of the last 20 batches").isLessThan(0.4);
    assertThat(out.resolve("evaluation/episodes.npz")).isRegularFile();
  }

  /** A loss that resolves something in its check (class names) gets that check before training. */
  @Test
  void crossEntropyClassWeightsByOutputNameTrain() throws IOException {
    Path script = temp.resolve("weighted.yaml");
    Files.writeString(
        script,
        """
        name: weighted
        seed: 1
        task: { id: perceptual-decision-making }
        model: { id: leaky-rnn, hidden: 16, tau: 100 }
        loss: [ { id: cross-entropy, classWeights: { choice-1: 3, choice-2: 3 } } ]
        train: { optimizer: { id: adam, lr: 0.01 }, steps: 5, batch: 4 }
        """);
    Path out = temp.resolve("weighted");

    Cli.Outcome o = Cli.run("run", script.toString(), "--quiet", "--out", out.toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(column(out.resolve("metrics.csv"), 1)).hasSize(5).allMatch(Double::isFinite);
  }

  @Test
  void gradientsStayFiniteOverSeveralHundredStepsOfTheLeakyRnn() throws IOException {
    Path out = temp.resolve("long");
    Cli.Outcome o =
        Cli.run(
            "run",
            Cli.experiment("perceptual-decision-making/pdm.yaml").toString(),
            "--set",
            "train.steps=400",
            "--set",
            "model.hidden=128",
            "--set",
            "evaluation.trials=100",
            "--set",
            "analyses[0].trials=100",
            "--quiet",
            "--out",
            out.toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    List<Double> gradNorms = column(out.resolve("metrics.csv"), 4);
    assertThat(gradNorms).hasSize(400).allSatisfy(g -> assertThat(g).isFinite());
    Map<String, Object> summary = JsonFiles.read(out.resolve("summary.json"));
    // The reproduction's size is where a Java number passed to an array operation under autograd
    // gives NaN gradients within a dozen steps (stack notes). 400 steps also get well above
    // chance (0.5).
    assertThat(((Number) summary.get("accuracy")).doubleValue()).isGreaterThan(0.7);
  }

  private static List<String> withoutWallTime(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(d -> d).average().orElseThrow();
  }

  private static List<Double> column(Path csv, int index) throws IOException {
    return Files.readAllLines(csv).stream()
        .skip(1)
        .map(l -> Double.parseDouble(l.split(",")[index]))
        .toList();
  }

  private static Map<String, List<Float>> floats(Path run) throws IOException {
    Map<String, List<Float>> out = new java.util.TreeMap<>();
    Npz.read(run.resolve("checkpoints/step-000060/parameters.npz"))
        .forEach(
            (k, v) -> {
              List<Float> values = new java.util.ArrayList<>();
              for (float f : v.floats()) {
                values.add(f);
              }
              out.put(k, values);
            });
    return out;
  }
}
