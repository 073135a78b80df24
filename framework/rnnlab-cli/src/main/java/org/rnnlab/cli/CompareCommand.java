package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnnlab.api.spec.ComponentSpec;
import org.rnnlab.core.comparison.ComparisonRunner;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.plugins.ComponentRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnnlab compare}: compares two finished runs on the same evaluation trials. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Compare two finished runs on the same evaluation trials (the first run's), e.g. state R²,"
            + " CCA or DSA, into a new folder.")
final class CompareCommand implements Callable<Integer> {

  @CommandLine.Parameters(index = "0", paramLabel = "RUN_A", description = "The first run folder.")
  Path first;

  @CommandLine.Parameters(index = "1", paramLabel = "RUN_B", description = "The second run folder.")
  Path second;

  @Option(
      names = "--analysis",
      required = true,
      paramLabel = "ID",
      description = "A comparison to run (repeatable), e.g. state-r2, cca, dsa.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A comparison parameter, e.g. --set dsa.rank=20 (or --set rank=20 with one --analysis;"
              + " repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write into DIR (new or empty) instead of runs/comparisons/<a>-vs-<b>/<time>/.")
  Path outDir;

  @Option(
      names = "--runs",
      paramLabel = "DIR",
      description = "Where new comparison folders go, under comparisons/ (default: runs/).")
  Path runsRoot = Path.of("runs");

  @Mixin Main.PluginOptions pluginOptions = new Main.PluginOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> commandLine = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    commandLine.add(0, "rnnlab");
    try (ComponentRegistry registry = Plugins.load(pluginOptions.plugins, err)) {
      List<ComponentSpec> comparisons =
          ComponentChoices.bind(registry, ComponentKind.COMPARISON, ids, overrides);
      ComparisonRunner runner = new ComparisonRunner(registry, registry.pluginVersions());
      ComparisonRunner.Result result =
          runner.compare(
              first,
              second,
              new ComparisonRunner.Request(
                  comparisons, outDir, runsRoot.resolve("comparisons"), commandLine));
      out.println("comparison folder: " + result.folder());
      for (ComponentSpec c : comparisons) {
        Object metrics = result.summary().get(c.id());
        if (metrics instanceof Map<?, ?> m) {
          out.println(c.id() + ":");
          ComponentChoices.printNumbers(out, m);
        }
      }
      return 0;
    }
  }
}
