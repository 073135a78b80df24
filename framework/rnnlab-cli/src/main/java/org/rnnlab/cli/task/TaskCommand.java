package org.rnnlab.cli.task;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnnlab task}: look at an open-loop task's trials before training on them, with {@code
 * show} (a figure) and {@code sample} (arrays for numpy).
 *
 * <p>Both subcommands configure the task exactly as a script's {@code task:} map would (same
 * validation, same messages, exit code 2 for bad input) and draw trials from the task stream of a
 * seed, so that the same seed always gives the same trials. Registered in {@code
 * org.rnnlab.cli.Main}; picocli creates it.
 */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    versionProvider = org.rnnlab.cli.Main.Version.class,
    description = "Look at an open-loop task's trials: draw them (show) or export them (sample).",
    subcommands = {TaskShowCommand.class, TaskSampleCommand.class})
public final class TaskCommand implements Runnable {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli calls this. */
  public TaskCommand() {}

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
