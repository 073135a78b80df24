package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnnlab.api.spec.ComponentSpec;
import org.rnnlab.core.experiment.RunAnalyzer;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.plugins.ComponentRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnnlab analyze}: runs analyses on a finished run after the fact, or on one checkpoint of
 * any run (a long run still training) into a folder of its own.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Run analyses on a finished run, as if its script had listed them (same network, same"
            + " evaluation trials), into RUN/analysis/<id>/; or, with --checkpoint and --out, on one"
            + " checkpoint of any run, finished or still training, into DIR/<id>/.")
final class AnalyzeCommand implements Callable<Integer> {

  @CommandLine.Parameters(index = "0", paramLabel = "RUN", description = "The run folder.")
  Path run;

  @Option(
      names = "--analysis",
      required = true,
      paramLabel = "ID",
      description = "An analysis to run (repeatable), e.g. latents, fixed-points.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "An analysis parameter, e.g. --set fixed-points.inits=256 (or --set inits=256 with one"
              + " --analysis; repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--checkpoint",
      paramLabel = "NAME",
      description =
          "A checkpoint folder of the run, e.g. step-012000: analyse its parameters (the run may"
              + " still be training); needs --out.")
  String checkpoint;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the --checkpoint analyses go (new or empty); the run is only read.")
  Path outDir;

  @Mixin Main.PluginOptions pluginOptions = new Main.PluginOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> commandLine = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    commandLine.add(0, "rnnlab");
    if ((checkpoint == null) != (outDir == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--checkpoint and --out go together: --checkpoint names the run's checkpoint to analyse,"
              + " --out the new folder its analyses go to");
    }
    try (ComponentRegistry registry = Plugins.load(pluginOptions.plugins, err)) {
      List<ComponentSpec> analyses =
          ComponentChoices.bind(registry, ComponentKind.ANALYSIS, ids, overrides);
      if (checkpoint != null) {
        Map<String, Object> results =
            new RunAnalyzer(registry)
                .analyzeCheckpoint(
                    run, checkpoint, outDir, analyses, commandLine, registry.pluginVersions());
        print(out, analyses, results, outDir);
        return 0;
      }
      Map<String, Object> results = new RunAnalyzer(registry).analyze(run, analyses, commandLine);
      print(out, analyses, results, run.resolve("analysis"));
      out.println("report: " + run.resolve("report.html"));
      return 0;
    }
  }

  /** Each analysis's folder under {@code parent} and its numbers. */
  private static void print(
      PrintWriter out, List<ComponentSpec> analyses, Map<String, Object> results, Path parent) {
    for (ComponentSpec a : analyses) {
      out.println(a.id() + ": " + parent.resolve(a.id()));
      if (results.get(a.id()) instanceof Map<?, ?> m) {
        ComponentChoices.printNumbers(out, m);
      }
    }
  }
}
