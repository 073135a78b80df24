package org.rnnlab.cli.task;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code task show} and {@code task sample} share: the task, its settings and the seed. */
final class TaskSelection {

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "An open-loop task id, as listed by rnnlab plugins.")
  String id;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Set one of the task's parameters, as in a script's task: map, e.g. --set dt=20 or"
              + " --set timing.stimulus=500 (repeatable; rnnlab describe ID lists them).")
  List<String> settings = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "0",
      description =
          "Seed, a whole number >= 0 (default: ${DEFAULT-VALUE}); the same seed always gives"
              + " exactly the same trials.")
  long seed;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;
}
