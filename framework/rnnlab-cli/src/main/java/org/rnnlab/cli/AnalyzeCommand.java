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

/** {@code rnnlab analyze}: runs analyses on a finished run after the fact. */
@Command(
    name = "analyze",
    description =
        "Run analyses on a finished run, as if its script had listed them (same network, same"
            + " evaluation trials), into RUN/analysis/<id>/.")
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

  @Mixin Main.PluginOptions pluginOptions = new Main.PluginOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> commandLine = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    commandLine.add(0, "rnnlab");
    try (ComponentRegistry registry = Plugins.load(pluginOptions.plugins, err)) {
      List<ComponentSpec> analyses =
          ComponentChoices.bind(registry, ComponentKind.ANALYSIS, ids, overrides);
      Map<String, Object> results = new RunAnalyzer(registry).analyze(run, analyses, commandLine);
      for (ComponentSpec a : analyses) {
        out.println(a.id() + ": " + run.resolve("analysis").resolve(a.id()));
        if (results.get(a.id()) instanceof Map<?, ?> m) {
          ComponentChoices.printNumbers(out, m);
        }
      }
      out.println("report: " + run.resolve("report.html"));
      return 0;
    }
  }
}
