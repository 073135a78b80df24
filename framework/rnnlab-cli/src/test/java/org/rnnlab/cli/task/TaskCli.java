package org.rnnlab.cli.task;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.rnnlab.cli.Main;

/**
 * Runs the command line in-process with the bundled plugins, as {@code org.rnnlab.cli.Cli} does for
 * the other commands' tests (which this package cannot reach).
 */
final class TaskCli {

  /** What one command did. */
  record Outcome(int exitCode, String out, String err) {}

  static {
    String plugins = System.getProperty("rnnlab.pluginsDir");
    if (plugins == null) {
      plugins = Path.of("../../target/plugins").toAbsolutePath().normalize().toString();
    }
    System.setProperty("rnnlab.bundledPlugins", plugins);
    System.setProperty("java.awt.headless", "true");
  }

  private TaskCli() {}

  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }
}
