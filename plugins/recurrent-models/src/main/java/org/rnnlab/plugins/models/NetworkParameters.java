package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The trainable parameters of one network, by name, in creation order — and the one place through
 * which the network's computations read them.
 *
 * <p><b>Names.</b> Every parameter is named {@code <role>.<name>}: the role is {@code input},
 * {@code recurrent}, {@code output}, {@code initial} or a model-specific one such as {@code
 * vectorfield}; the weight matrices are {@code input.weight}, {@code recurrent.weight} and {@code
 * output.weight}, biases end in {@code .bias}, the learned initial state is {@code initial.state}.
 * Regularisers and checkpoints rely on these names.
 *
 * <p><b>Effective weights.</b> Forward passes, steps and readouts never use a parameter array
 * directly: they ask {@link #effective} for the array the dynamics use. That is the parameter
 * itself unless a {@link MatrixConstraint} was registered for it ({@link #constrain}): Dale's law,
 * connectivity masks, no autapses and frozen entries live there and nowhere else, so that every
 * model and every code path (sequence forward, one-step update, readout, {@code
 * effectiveParameters}) sees the same constrained matrices. Each network reads every matrix once
 * per {@code forward} call (and once per {@code step}), so a constraint costs a few operations per
 * sequence, not per time step.
 *
 * <p>Not thread-safe; the arrays are owned by the manager given to the constructor.
 */
final class NetworkParameters {

  /** {@code role.name}, lower-case role, then one or more dot-separated parts. */
  static final Pattern NAME = Pattern.compile("[a-z]+(\\.[A-Za-z0-9_]+)+");

  private final NDManager manager;
  private final Map<String, NDArray> named = new LinkedHashMap<>();
  private final Map<String, NDArray> view = Collections.unmodifiableMap(named);
  private final Map<String, MatrixConstraint> constraints = new LinkedHashMap<>();

  /**
   * @param manager owns the parameters for the whole run
   */
  NetworkParameters(NDManager manager) {
    this.manager = manager;
  }

  /**
   * Creates a trainable parameter from row-major values.
   *
   * @throws IllegalArgumentException if the name breaks the naming convention or is taken, or the
   *     values do not fill the shape
   */
  NDArray add(String name, float[] values, long... shape) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("parameter name '" + name + "' is not <role>.<name>");
    }
    if (named.containsKey(name)) {
      throw new IllegalArgumentException("parameter '" + name + "' is declared twice");
    }
    NDArray array = manager.create(values, new Shape(shape));
    array.setRequiresGradient(true);
    named.put(name, array);
    return array;
  }

  /** Whether the network has this parameter (optional biases, the learned initial state). */
  boolean has(String name) {
    return named.containsKey(name);
  }

  /**
   * Registers how the named parameter becomes the matrix the dynamics use. Call it once the
   * parameter holds its initial values (the constraint copies what frozen entries need).
   *
   * @throws IllegalArgumentException if there is no such parameter or it is constrained already
   */
  void constrain(String name, MatrixConstraint constraint) {
    if (!named.containsKey(name)) {
      throw new IllegalArgumentException("no parameter '" + name + "'; have " + named.keySet());
    }
    if (constraints.putIfAbsent(name, constraint) != null) {
      throw new IllegalArgumentException("parameter '" + name + "' is constrained twice");
    }
  }

  /** The parameter array itself, to adjust initial values before constraints are registered. */
  NDArray raw(String name) {
    NDArray array = named.get(name);
    if (array == null) {
      throw new IllegalArgumentException("no parameter '" + name + "'; have " + named.keySet());
    }
    return array;
  }

  /**
   * The array the dynamics use for the named parameter: the parameter itself, or its constraint
   * applied to it (see the class comment), with every array created attached to {@code scratch},
   * the manager of the computation that asks (usually one training step's), so that nothing
   * accumulates on the network's own manager.
   *
   * @param scratch the manager of the calling computation
   * @throws IllegalArgumentException if there is no such parameter
   */
  NDArray effective(String name, NDManager scratch) {
    NDArray array = raw(name);
    MatrixConstraint constraint = constraints.get(name);
    return constraint == null ? array : constraint.apply(array, scratch);
  }

  /**
   * Every parameter's effective array, by name in creation order (see {@link #effective}).
   *
   * @param scratch owns the arrays computed here
   */
  Map<String, NDArray> effectiveView(NDManager scratch) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (String name : named.keySet()) {
      out.put(name, effective(name, scratch));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The parameters by name, in creation order; unmodifiable, backed by this object. */
  Map<String, NDArray> view() {
    return view;
  }
}
