package org.rnnlab.cli.task;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.core.plugins.ComponentRegistry;
import org.rnnlab.core.plugins.PluginProblem;
import picocli.CommandLine.Option;

/**
 * The {@code --plugins} option and plugin loading for the {@code task} commands, with the same
 * rules as every other rnnlab command: the bundled plugins (system property {@code
 * rnnlab.bundledPlugins}) plus {@code --plugins DIR}, else {@code $RNNLAB_PLUGINS}, else {@code
 * plugins/} under the installation ({@code rnnlab.home}).
 *
 * <p>This repeats {@code org.rnnlab.cli.Plugins} and {@code Main.PluginOptions}, which are
 * package-private to {@code org.rnnlab.cli}; when they become public, this class should delegate to
 * them.
 */
final class PluginFolders {

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description =
          "Folder of plugin jars/zips to load besides the bundled plugins (default:"
              + " $RNNLAB_PLUGINS, else the installation's plugins/ folder).")
  Path plugins;

  /**
   * Loads the plugins, printing a warning for each file that was skipped.
   *
   * @throws SpecException if {@code --plugins} is not a folder
   */
  ComponentRegistry load(PrintWriter err) {
    ComponentRegistry registry = ComponentRegistry.load(folders());
    for (PluginProblem p : registry.problems()) {
      err.println("warning: " + p);
    }
    return registry;
  }

  private List<Path> folders() {
    List<Path> folders = new ArrayList<>();
    String bundled = System.getProperty("rnnlab.bundledPlugins");
    if (bundled != null && !bundled.isBlank()) {
      folders.add(Path.of(bundled));
    }
    Path user = plugins;
    if (user == null && System.getenv("RNNLAB_PLUGINS") != null) {
      user = Path.of(System.getenv("RNNLAB_PLUGINS"));
    }
    if (user == null && System.getProperty("rnnlab.home") != null) {
      user = Path.of(System.getProperty("rnnlab.home"), "plugins");
    }
    if (user != null) {
      if (plugins != null && !Files.isDirectory(plugins)) {
        throw new SpecException(null, "--plugins " + plugins + " is not a folder");
      }
      folders.add(user);
    }
    return folders;
  }
}
