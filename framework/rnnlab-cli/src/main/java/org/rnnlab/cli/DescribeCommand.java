package org.rnnlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.ParameterType;
import org.rnnlab.core.plugins.ComponentEntry;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.plugins.ComponentRegistry;
import org.rnnlab.core.spec.ParameterBinder;
import org.rnnlab.core.spec.SpecResolver;
import org.rnnlab.core.spec.Suggestions;
import org.rnnlab.core.tasks.TaskMixer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnnlab describe ID}: a component's parameters with defaults, units and descriptions. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Show a component's parameters: name, type, default, unit and description. Also"
            + " 'train', 'evaluation', 'adam', 'sgd' and 'task-mixer' for the core's own settings.")
final class DescribeCommand implements Runnable {

  @Parameters(paramLabel = "ID", description = "A component id, as listed by rnnlab plugins.")
  String id;

  @Mixin Main.PluginOptions pluginOptions = new Main.PluginOptions();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, List<ParameterSpec>> builtIn =
        Map.of(
            "train",
            SpecResolver.TRAIN_PARAMETERS,
            "evaluation",
            SpecResolver.EVALUATION_PARAMETERS,
            "adam",
            SpecResolver.OPTIMIZERS.get("adam"),
            "sgd",
            SpecResolver.OPTIMIZERS.get("sgd"),
            TaskMixer.ID,
            TaskMixer.PARAMETERS);
    if (builtIn.containsKey(id)) {
      if (id.equals(TaskMixer.ID)) {
        out.println(
            id
                + " (built-in task): trains one network on several tasks. Its 'tasks' list holds"
                + " ordinary task entries, e.g. tasks: [ {id: yang-go}, {id: yang-dm1} ]; they must"
                + " share dt and channels. Trials carry the metadata 'task' and 'taskIndex'.");
      } else {
        out.println(id + " (built into rnnlab's training loop)");
      }
      out.println();
      table(out, builtIn.get(id));
      return;
    }
    try (ComponentRegistry registry =
        Plugins.load(pluginOptions.plugins, spec.commandLine().getErr())) {
      ComponentEntry entry =
          registry
              .find(id)
              .orElseThrow(
                  () -> {
                    List<String> all = new ArrayList<>();
                    for (ComponentKind k : ComponentKind.values()) {
                      all.addAll(registry.ids(k));
                    }
                    return new Failures.UsageException(
                        "no component with id '"
                            + id
                            + "'"
                            + Suggestions.didYouMean(id, all)
                            + " (rnnlab plugins lists them all)");
                  });
      Component c = registry.create(entry.kind(), id);
      out.println(id + " — " + entry.kind().noun());
      out.println("  " + c.description());
      out.println("  plugin: " + entry.pluginId() + " " + entry.pluginVersion());
      out.println();
      if (c.parameters().isEmpty()) {
        out.println("It takes no parameters.");
      } else {
        table(out, c.parameters());
      }
    }
  }

  private static void table(PrintWriter out, List<ParameterSpec> specs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PARAMETER", "TYPE", "DEFAULT", "UNIT", "DESCRIPTION"});
    collect(rows, "", specs);
    int[] widths = new int[4];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      out.printf(
          "  %-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %-" + widths[3]
              + "s  %s%n",
          (Object[]) r);
    }
  }

  private static void collect(List<String[]> rows, String prefix, List<ParameterSpec> specs) {
    for (ParameterSpec s : specs) {
      String name = prefix + s.name();
      if (s.type() == ParameterType.GROUP) {
        rows.add(new String[] {name, "group", "", "", s.description()});
        collect(rows, name + ".", s.fields());
        continue;
      }
      String type = s.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      StringBuilder description = new StringBuilder(s.description());
      if (!s.choices().isEmpty()) {
        description.append(" One of ").append(String.join(", ", s.choices())).append('.');
      }
      if (s.min() != null || s.max() != null) {
        description
            .append(" Range ")
            .append(s.min() == null ? "(-inf" : "[" + fmt(s.min()))
            .append(", ")
            .append(s.max() == null ? "inf)" : fmt(s.max()) + "]")
            .append('.');
      }
      Object d = ParameterBinder.defaultValue(s);
      String shown = String.valueOf(d);
      if (s.type() == ParameterType.FILE) {
        description.append(" A file path; a relative one is resolved against the script's folder.");
        shown = shown.isEmpty() ? "none" : shown;
      }
      rows.add(new String[] {name, type, shown, s.unit(), description.toString().trim()});
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
