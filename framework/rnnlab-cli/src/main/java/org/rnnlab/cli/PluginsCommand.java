package org.rnnlab.cli;

import java.io.PrintWriter;
import java.util.List;
import org.rnnlab.core.plugins.ComponentEntry;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.plugins.ComponentRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rnnlab plugins}: every component by extension point, with its plugin and version. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "List every task, model, loss and analysis, with the plugin that provides it.")
final class PluginsCommand implements Runnable {

  @Mixin Main.PluginOptions pluginOptions = new Main.PluginOptions();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    try (ComponentRegistry registry =
        Plugins.load(pluginOptions.plugins, spec.commandLine().getErr())) {
      for (ComponentKind kind : ComponentKind.values()) {
        List<ComponentEntry> entries = registry.entries(kind);
        out.println(capitalise(kind.plural()) + " (" + entries.size() + ")");
        int width = entries.stream().mapToInt(e -> e.id().length()).max().orElse(0);
        int pluginWidth =
            entries.stream()
                .mapToInt(e -> e.pluginId().length() + 1 + e.pluginVersion().length())
                .max()
                .orElse(0);
        for (ComponentEntry e : entries) {
          out.printf(
              "  %-" + width + "s  %-" + pluginWidth + "s  %s%n",
              e.id(),
              e.pluginId() + " " + e.pluginVersion(),
              e.description());
        }
        out.println();
      }
      out.println("rnnlab describe ID shows a component's parameters.");
    }
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
