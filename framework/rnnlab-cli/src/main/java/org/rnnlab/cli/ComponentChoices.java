package org.rnnlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.spec.ComponentSpec;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.plugins.ComponentRegistry;
import org.rnnlab.core.spec.ParameterBinder;
import org.rnnlab.core.spec.Suggestions;
import org.rnnlab.dsl.Overrides;

/** Components chosen on the command line ({@code --analysis ID --set key=value}). */
final class ComponentChoices {

  private ComponentChoices() {}

  /**
   * Each {@code --analysis} id with its parameters: defaults filled in, {@code --set} values
   * checked against the component's declared parameters. With one id, {@code --set key=value} may
   * leave out the id; with several, each assignment starts with the id it is for.
   */
  static List<ComponentSpec> bind(
      ComponentRegistry registry, ComponentKind kind, List<String> ids, List<String> overrides) {
    List<String> valid = registry.ids(kind);
    Map<String, Object> tree = new LinkedHashMap<>();
    for (String id : ids) {
      if (registry.lookup(kind, id).isEmpty()) {
        throw new Failures.UsageException(
            "unknown "
                + kind.noun()
                + " '"
                + id
                + "' for --analysis"
                + Suggestions.didYouMean(id, valid)
                + " Valid: "
                + valid);
      }
      if (tree.put(id, new LinkedHashMap<String, Object>()) != null) {
        throw new Failures.UsageException("--analysis " + id + " is given twice");
      }
    }
    List<String> assignments = new ArrayList<>();
    for (String assignment : overrides) {
      String path =
          assignment.contains("=") ? assignment.substring(0, assignment.indexOf('=')) : "";
      String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
      if (!tree.containsKey(head)) {
        if (ids.size() != 1) {
          throw new Failures.UsageException(
              "--set "
                  + assignment
                  + " does not say which comparison it is for; write --set ID.key=value with ID"
                  + " one of "
                  + ids);
        }
        assignment = ids.get(0) + "." + assignment;
      }
      assignments.add(assignment);
    }
    SpecDocument document =
        Overrides.apply(
            new SpecDocument(
                Overrides.SOURCE, tree, Map.of("", new SourceLocation(Overrides.SOURCE, 0, ""))),
            assignments);
    ParameterBinder binder = new ParameterBinder(document);
    List<ComponentSpec> out = new ArrayList<>();
    Map<String, Object> written = document.tree();
    for (String id : ids) {
      Component component = registry.lookup(kind, id).orElseThrow();
      Object values = written.get(id);
      if (!(values instanceof Map<?, ?>)) {
        throw new SpecException(
            document.locate(id), "--set " + id + "=... must set a parameter, as " + id + ".key");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) values;
      out.add(
          new ComponentSpec(
              id,
              new org.rnnlab.api.component.Parameters(
                  binder.bind(
                      kind.noun() + " '" + id + "'", id, map, component.parameters(), List.of()))));
    }
    return out;
  }

  /** Prints the numeric entries of {@code metrics}, one indented line each. */
  static void printNumbers(java.io.PrintWriter out, Map<?, ?> metrics) {
    metrics.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            out.printf("  %-40s %s%n", k, number(n));
          }
        });
  }

  /** A metric as a person reads it: integers without a fraction, others to 4 significant digits. */
  private static String number(Number n) {
    double v = n.doubleValue();
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
