package org.rnnlab.plugins.losses;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rnnlab.api.component.ParameterSpec;

/**
 * Which of a model's parameters a weight regulariser penalises, following rnnlab's parameter naming
 * ({@code <role>.<name>}, weight matrices named {@code weight…} in their last part):
 *
 * <ul>
 *   <li>{@code all} (the default): every weight matrix of the model, i.e. every parameter whose
 *       last dot-separated part starts with {@code weight} ({@code input.weight}, {@code
 *       recurrent.weight_hh}, {@code vectorfield.layer1.weight}, …; no biases, no initial state);
 *   <li>an entry without a dot is a role: the weight matrices whose name starts with {@code
 *       <role>.} ({@code recurrent} → {@code recurrent.weight} and a gated cell's {@code
 *       recurrent.weight_*}; {@code vectorfield} → {@code vectorfield.layer1.weight}, …);
 *   <li>an entry with a dot is one parameter's exact name (e.g. {@code recurrent.bias}).
 * </ul>
 *
 * <p>Every entry must select at least one parameter; a parameter selected twice counts once.
 */
final class MatrixSelection {

  /** Parameter name. */
  static final String MATRICES = "matrices";

  /** The entry selecting every weight matrix. */
  static final String ALL = "all";

  private MatrixSelection() {}

  static ParameterSpec spec() {
    return ParameterSpec.strings(
        MATRICES,
        List.of(ALL),
        "'all' weight matrices, roles (input, recurrent, output: that role's weight matrices) or"
            + " exact parameter names such as recurrent.bias");
  }

  /** Whether a parameter is a weight matrix: its last name part starts with {@code weight}. */
  static boolean isWeight(String name) {
    return name.substring(name.lastIndexOf('.') + 1).startsWith("weight");
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
        boolean hit;
        if (entry.equals(ALL)) {
          hit = isWeight(name);
        } else if (entry.contains(".")) {
          hit = name.equals(entry);
        } else {
          hit = name.startsWith(entry + ".") && isWeight(name);
        }
        if (hit) {
          matches.add(name);
        }
      }
      if (matches.isEmpty()) {
        throw new IllegalArgumentException(
            loss
                + ": matrices entry '"
                + entry
                + "' matches no parameter of the model; its parameters are "
                + List.copyOf(parameters)
                + "; give 'all', a role (input, recurrent, output: the weight matrices named"
                + " <role>.weight…) or an exact parameter name");
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
