package org.rnnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.core.plugins.ComponentRegistry;
import org.rnnlab.core.plugins.PluginProblem;

/** Where plugins are looked for, and loading them with problems reported. */
public final class Plugins {

  private Plugins() {}

  /**
   * The folders to load: the bundled plugins (system property {@code rnnlab.bundledPlugins}, set by
   * the launcher) plus the user's folder: {@code --plugins}, else {@code $RNNLAB_PLUGINS}, else
   * {@code plugins/} under the installation ({@code rnnlab.home}).
   */
  public static List<Path> folders(Path option) {
    List<Path> folders = new ArrayList<>();
    String bundled = System.getProperty("rnnlab.bundledPlugins");
    if (bundled != null && !bundled.isBlank()) {
      folders.add(Path.of(bundled));
    }
    Path user = option;
    if (user == null && System.getenv("RNNLAB_PLUGINS") != null) {
      user = Path.of(System.getenv("RNNLAB_PLUGINS"));
    }
    if (user == null && System.getProperty("rnnlab.home") != null) {
      user = Path.of(System.getProperty("rnnlab.home"), "plugins");
    }
    if (user != null) {
      if (option != null && !Files.isDirectory(option)) {
        throw new Failures.UsageException("--plugins " + option + " is not a folder");
      }
      folders.add(user);
    }
    return folders;
  }

  /**
   * Loads the plugins of {@link #folders}, printing a warning for each file that was skipped.
   *
   * @throws Failures.UsageException if {@code option} is given and is not a folder
   */
  public static ComponentRegistry load(Path option, PrintWriter err) {
    ComponentRegistry registry = ComponentRegistry.load(folders(option));
    for (PluginProblem p : registry.problems()) {
      err.println("warning: " + p);
    }
    return registry;
  }
}
