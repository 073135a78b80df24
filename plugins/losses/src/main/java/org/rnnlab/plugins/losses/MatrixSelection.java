package org.rnnlab.plugins.losses;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rnnlab.api.component.ParameterSpec;

/**
 * Which of a model's parameters a weight regulariser penalises, following rnnlab's parameter naming
 * ({@code <role>.<name>}): an entry without a dot is a role and selects every parameter whose name
 * starts with {@code <role>.weight} ({@code input} → {@code input.weight}; {@code recurrent} →
 * {@code recurrent.weight} and a gated cell's {@code recurrent.weight_ih}, …); an entry with a dot
 * is one parameter's exact name (e.g. {@code recurrent.bias}). Every entry must select at least one
 * parameter.
 */
final class MatrixSelection {

  /** Parameter name. */
  static final String MATRICES = "matrices";

  /** The roles of rnnlab's models, the default selection. */
  static final List<String> ROLES = List.of("input", "recurrent", "output");

  private MatrixSelection() {}

  static ParameterSpec spec() {
    return ParameterSpec.strings(
        MATRICES,
        ROLES,
        "Roles (input, recurrent, output: their <role>.weight* matrices) or exact parameter names"
            + " such as recurrent.bias");
  }

  /**
   * The selected names, in the model's order.
   *
   * @throws IllegalArgumentException naming the entry that selects nothing and the model's
   *     parameters
   */
  static List<String> select(String loss, List<String> entries, Collection<String> parameters) {
    Set<String> selected = new LinkedHashSet<>();
    for (String entry : entries) {
      List<String> matches = new ArrayList<>();
      for (String name : parameters) {
        boolean hit = entry.contains(".") ? name.equals(entry) : name.startsWith(entry + ".weight");
        if (hit) {
          matches.add(name);
        }
      }
      if (matches.isEmpty()) {
        throw new IllegalArgumentException(
            loss
                + ": matrices entry '"
                + entry
                + "' matches no parameter of the model"
                + (entry.contains(".")
                    ? ""
                    : " (a role selects the parameters named " + entry + ".weight*)")
                + "; the model's parameters are "
                + List.copyOf(parameters)
                + "; give a role such as "
                + String.join(", ", ROLES)
                + " or an exact parameter name");
      }
      selected.addAll(matches);
    }
    List<String> ordered = new ArrayList<>();
    for (String name : parameters) {
      if (selected.contains(name)) {
        ordered.add(name);
      }
    }
    return ordered;
  }
}
