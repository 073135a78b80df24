package org.rnnlab.plugins.models;

import java.nio.file.Path;
import org.rnnlab.api.component.Parameters;

/**
 * The connectivity constraints a script asked for, read from a model's parameters (see {@link
 * ModelParameters#constraints} for the declarations and {@link MatrixConstraint} for how they act
 * on the weights). A constraint the model does not declare takes its neutral value: no Dale's law,
 * autapses allowed, no masks, every matrix trained.
 *
 * @param dale whether Dale's law applies
 * @param excitatoryFraction the fraction f of excitatory units; the first int(f·H) are excitatory
 * @param autapses whether a unit may connect to itself
 * @param inputConnectivity mask of {@code input.weight}, or null
 * @param recurrentConnectivity mask of {@code recurrent.weight}, or null
 * @param outputConnectivity mask of {@code output.weight}, or null
 * @param fixedInput entries of {@code input.weight} frozen at their initial effective values, or
 *     null
 * @param fixedRecurrent the same for {@code recurrent.weight}
 * @param fixedOutput the same for {@code output.weight}
 * @param trainInput whether {@code input.weight} is trained at all
 * @param trainRecurrent whether {@code recurrent.weight} is trained at all
 * @param trainOutput whether {@code output.weight} is trained at all
 */
record Constraints(
    boolean dale,
    double excitatoryFraction,
    boolean autapses,
    Mask inputConnectivity,
    Mask recurrentConnectivity,
    Mask outputConnectivity,
    Mask fixedInput,
    Mask fixedRecurrent,
    Mask fixedOutput,
    boolean trainInput,
    boolean trainRecurrent,
    boolean trainOutput) {

  /** No constraint at all. */
  static final Constraints NONE =
      new Constraints(false, 0.8, true, null, null, null, null, null, null, true, true, true);

  /**
   * @throws IllegalArgumentException if the excitatory fraction is outside (0, 1]
   */
  Constraints {
    if (!(excitatoryFraction > 0 && excitatoryFraction <= 1)) {
      throw new IllegalArgumentException(
          "excitatoryFraction must lie in (0, 1], got " + excitatoryFraction);
    }
  }

  /**
   * Reads the constraints a model declares, loading the masks its FILE parameters name.
   *
   * @throws IllegalArgumentException naming the parameter and the file if a mask cannot be read or
   *     holds values other than 0 and 1
   */
  static Constraints from(Parameters params) {
    return new Constraints(
        bool(params, "dale", false),
        params.has("excitatoryFraction") ? params.number("excitatoryFraction") : 0.8,
        bool(params, "autapses", true),
        mask(params, "inputConnectivity"),
        mask(params, "recurrentConnectivity"),
        mask(params, "outputConnectivity"),
        mask(params, "fixedInput"),
        mask(params, "fixedRecurrent"),
        mask(params, "fixedOutput"),
        bool(params, "trainInput", true),
        bool(params, "trainRecurrent", true),
        bool(params, "trainOutput", true));
  }

  /** Whether any constraint departs from {@link #NONE}. */
  boolean any() {
    return dale
        || !autapses
        || inputConnectivity != null
        || recurrentConnectivity != null
        || outputConnectivity != null
        || fixedInput != null
        || fixedRecurrent != null
        || fixedOutput != null
        || !trainInput
        || !trainRecurrent
        || !trainOutput;
  }

  private static boolean bool(Parameters params, String name, boolean otherwise) {
    return params.has(name) ? params.bool(name) : otherwise;
  }

  private static Mask mask(Parameters params, String name) {
    if (!params.has(name)) {
      return null;
    }
    Path file = params.file(name);
    return file == null ? null : Mask.read(name, file);
  }
}
