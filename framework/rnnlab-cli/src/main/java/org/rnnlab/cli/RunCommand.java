package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.core.experiment.ExperimentRunner;
import org.rnnlab.core.plugins.ComponentRegistry;
import org.rnnlab.core.spec.SpecResolver;
import org.rnnlab.core.training.TrainingListener;
import org.rnnlab.dsl.ExperimentReader;
import org.rnnlab.dsl.Overrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnnlab run}: runs an experiment script, or continues a stopped run. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Run an experiment script (.groovy or .yaml) into a new run folder, or continue a"
            + " stopped run with --resume.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "The experiment script (.groovy, .yaml or .yml).")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a value of the script, e.g. --set train.steps=200 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write the run into DIR (new or empty) instead of runs/<experiment>/<id>/.")
  Path outDir;

  @Option(
      names = "--runs",
      paramLabel = "DIR",
      description = "Where new run folders go (default: runs/ in the current folder).")
  Path runsRoot = Path.of("runs");

  @Option(
      names = "--resume",
      paramLabel = "RUN_DIR",
      description = "Continue a stopped run from its latest checkpoint to its last step.")
  Path resume;

  @Option(
      names = "--stop-after",
      paramLabel = "STEPS",
      description =
          "Stop after this training step as if interrupted, leaving a run --resume can continue.")
  Integer stopAfter;

  @Option(names = "--quiet", description = "No progress output (the same as --progress=none).")
  boolean quiet;

  /** How training progress is shown on standard error. */
  enum ProgressMode {
    /** A bar when rnnlab runs in a terminal, lines otherwise. */
    auto,
    /** A progress bar redrawn in place. */
    bar,
    /** A plain line every 30 seconds, for log files and batch jobs. */
    lines,
    /** Nothing. */
    none
  }

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description =
          "How to show training progress: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}:"
              + " a bar in a terminal, a line every 30 s when the output goes to a file).")
  ProgressMode progress = ProgressMode.auto;

  @Mixin Main.PluginOptions pluginOptions = new Main.PluginOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((file == null) == (resume == null)) {
      throw new Failures.UsageException(
          "give either an experiment script (rnnlab run FILE) or --resume RUN_DIR");
    }
    if (resume != null && !overrides.isEmpty()) {
      throw new Failures.UsageException(
          "--set cannot change a run being resumed: it continues with its own spec.yaml");
    }
    if (quiet && progress != ProgressMode.auto && progress != ProgressMode.none) {
      throw new Failures.UsageException(
          "--quiet turns progress off; it cannot be combined with --progress=" + progress);
    }
    if (file != null && !Files.isRegularFile(file)) {
      throw new Failures.UsageException("no experiment script at " + file);
    }
    List<String> commandLine = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    commandLine.add(0, "rnnlab");
    try (ComponentRegistry registry = Plugins.load(pluginOptions.plugins, err)) {
      ExperimentRunner runner = new ExperimentRunner(registry, registry.pluginVersions());
      TrainingListener listener = progressListener(err);
      int stop = stopAfter == null ? Integer.MAX_VALUE : stopAfter;
      ExperimentRunner.Result result;
      if (resume != null) {
        result =
            runner.resume(
                resume,
                new ExperimentRunner.Options(runsRoot, null, stop, listener, null, commandLine));
      } else {
        SpecDocument document = Overrides.apply(ExperimentReader.read(file), overrides);
        ExperimentSpec experiment = new SpecResolver(registry).resolve(document);
        result =
            runner.run(
                experiment,
                new ExperimentRunner.Options(runsRoot, outDir, stop, listener, file, commandLine));
      }
      printSummary(out, result);
      return 0;
    }
  }

  private TrainingListener progressListener(PrintWriter err) {
    ProgressMode mode = quiet ? ProgressMode.none : progress;
    if (mode == ProgressMode.auto) {
      mode = System.console() != null ? ProgressMode.bar : ProgressMode.lines;
    }
    return switch (mode) {
      case bar -> new ConsoleProgress(err);
      case lines -> new LogProgress(err, Duration.ofSeconds(30), System::nanoTime);
      case none, auto -> TrainingListener.NONE;
    };
  }

  private static void printSummary(PrintWriter out, ExperimentRunner.Result result) {
    Map<String, Object> s = result.summary();
    out.println("run folder: " + result.folder().root());
    out.println("status:     " + s.get("status"));
    for (String key : List.of("steps", "final_loss", "ms_per_step", "accuracy")) {
      Object v = s.get(key);
      if (v != null) {
        out.printf("%-11s %s%n", key + ":", v instanceof Double d ? String.format("%.4g", d) : v);
      }
    }
    if (s.containsKey("resume_with")) {
      out.println("continue with: " + s.get("resume_with"));
    }
    out.println("report:     " + result.folder().report());
  }
}
