package org.rnnlab.core.spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.ParameterType;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.tasks.TaskMixer;

/**
 * Finds the files a resolved experiment names through FILE parameters (connectivity masks and the
 * like), so that the run can record what it read.
 *
 * <p>Stateless and thread-safe.
 */
public final class FileParameters {

  private FileParameters() {}

  /**
   * Every file named by a FILE parameter of the experiment's components — the task (the tasks of a
   * {@code task-mixer} and every task's wrappers included), the model, the losses and the analyses
   * — keyed by the value's path in the spec ({@code model.recurrentConnectivity}), in spec order.
   * Parameters set to no file are left out.
   *
   * @param spec a spec resolved by {@link SpecResolver}, whose FILE values are absolute paths
   * @param catalog the catalog the spec was resolved with, for the declarations
   */
  public static Map<String, Path> of(ExperimentSpec spec, ComponentCatalog catalog) {
    Map<String, Path> out = new LinkedHashMap<>();
    Map<String, Object> tree = spec.tree();
    task(catalog, "task", tree.get("task"), out);
    component(catalog, ComponentKind.MODEL, "model", tree.get("model"), out);
    list(catalog, ComponentKind.LOSS, "loss", tree.get("loss"), out);
    list(catalog, ComponentKind.ANALYSIS, "analyses", tree.get("analyses"), out);
    return out;
  }

  private static void task(
      ComponentCatalog catalog, String path, Object value, Map<String, Path> out) {
    if (value instanceof Map<?, ?> map && TaskMixer.ID.equals(map.get("id"))) {
      list(
          catalog, ComponentKind.TASK, path + "." + TaskMixer.TASKS, map.get(TaskMixer.TASKS), out);
      return;
    }
    component(catalog, ComponentKind.TASK, path, value, out);
    if (value instanceof Map<?, ?> map) {
      list(
          catalog,
          ComponentKind.WRAPPER,
          path + "." + SpecResolver.WRAPPERS,
          map.get(SpecResolver.WRAPPERS),
          out);
    }
  }

  private static void list(
      ComponentCatalog catalog,
      ComponentKind kind,
      String path,
      Object value,
      Map<String, Path> out) {
    if (!(value instanceof List<?> entries)) {
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      String at = path + "[" + i + "]";
      if (kind == ComponentKind.TASK) {
        task(catalog, at, entries.get(i), out);
      } else {
        component(catalog, kind, at, entries.get(i), out);
      }
    }
  }

  private static void component(
      ComponentCatalog catalog,
      ComponentKind kind,
      String path,
      Object value,
      Map<String, Path> out) {
    if (!(value instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) {
      return;
    }
    catalog.lookup(kind, id).ifPresent(c -> files(path, map, c.parameters(), out));
  }

  private static void files(
      String path, Map<?, ?> values, List<ParameterSpec> specs, Map<String, Path> out) {
    for (ParameterSpec spec : specs) {
      Object value = values.get(spec.name());
      String at = ParameterBinder.join(path, spec.name());
      if (spec.type() == ParameterType.FILE && value instanceof String s && !s.isEmpty()) {
        out.put(at, Path.of(s));
      } else if (spec.type() == ParameterType.GROUP && value instanceof Map<?, ?> group) {
        files(at, group, spec.fields(), out);
      }
    }
  }
}
