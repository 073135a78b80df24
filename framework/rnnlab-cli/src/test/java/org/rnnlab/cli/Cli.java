package org.rnnlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process, as a user would type it, and captures what it prints. */
public final class Cli {

  /** What one command did. */
  public record Outcome(int exitCode, String out, String err) {}

  /** The repository root (tests run in framework/rnnlab-cli). */
  public static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  static {
    String plugins = System.getProperty("rnnlab.pluginsDir");
    if (plugins == null) {
      plugins = ROOT.resolve("target/plugins").toString();
    }
    System.setProperty("rnnlab.bundledPlugins", plugins);
    System.setProperty("java.awt.headless", "true");
  }

  private Cli() {}

  public static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  public static Path experiment(String relative) {
    return ROOT.resolve("experiments").resolve(relative);
  }
}
