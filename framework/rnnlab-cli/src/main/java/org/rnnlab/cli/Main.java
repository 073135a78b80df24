package org.rnnlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code rnnlab} command.
 *
 * <p>Exit codes: 0 success; 1 the run failed (training diverged, an analysis failed, a file could
 * not be written); 2 the input was wrong (unknown command or option, a bad experiment script, an
 * unknown component).
 */
@Command(
    name = "rnnlab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Train recurrent networks on neuroscience tasks and analyse what they learned.",
    footer = {
      "",
      "Plugins add commands of their own, such as rnnlab spatial score; rnnlab plugins lists them"
          + " under Tools, rnnlab <command words> --help shows their options."
    },
    subcommands = {
      RunCommand.class,
      AnalyzeCommand.class,
      CompareCommand.class,
      PluginsCommand.class,
      DescribeCommand.class,
      org.rnnlab.cli.task.TaskCommand.class
    })
public final class Main implements Runnable {

  /** Exit code for a failed run. */
  static final int RUN_FAILED = 1;

  /** Exit code for wrong input. */
  static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    java.util.Set<String> builtIn = cli.getSubcommands().keySet();
    if (ToolCommand.isToolCall(args, builtIn)) {
      return ToolCommand.execute(args, builtIn, out, err);
    }
    return cli.execute(args);
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    try {
      configureThreads(System.getenv("RNNLAB_THREADS"));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      System.exit(BAD_INPUT);
    }
    System.exit(execute(args, out, err));
  }

  /**
   * Sets PyTorch's intra-op and inter-op thread counts before the engine starts, unless the user
   * set DJL's properties directly. rnnlab's recurrent loops are dominated by per-operation overhead
   * on small matrices, where one thread is faster and far steadier than two (see
   * docs/performance.md); a fixed count also keeps results identical across machines with different
   * core counts.
   *
   * @param requested the {@code RNNLAB_THREADS} value, or null for 1
   */
  static void configureThreads(String requested) {
    String threads = requested == null || requested.isBlank() ? "1" : requested.trim();
    if (!threads.matches("[1-9][0-9]*")) {
      throw new IllegalArgumentException(
          "RNNLAB_THREADS must be a positive whole number, got '" + requested + "'");
    }
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", threads);
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }

  /** Options every command that loads plugins shares; use it as a picocli {@code @Mixin}. */
  public static final class PluginOptions {
    @Option(
        names = "--plugins",
        paramLabel = "DIR",
        description =
            "Folder of plugin jars/zips to load besides the bundled plugins (default:"
                + " $RNNLAB_PLUGINS, else the installation's plugins/ folder).")
    public java.nio.file.Path plugins;
  }

  /** rnnlab's version for {@code --version}, on the main command and on every subcommand. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"rnnlab " + org.rnnlab.core.runs.Provenance.rnnlabVersion()};
    }
  }
}
