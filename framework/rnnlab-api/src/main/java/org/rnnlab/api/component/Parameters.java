package org.rnnlab.api.component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The validated, default-filled parameter values of one component in one run.
 *
 * <p>The core builds instances only after checking every value against the component's {@link
 * ParameterSpec}s, so a getter fails only when a component asks for a name it did not declare or
 * with the wrong type: a programming error in the component, not a user error. Instances are
 * immutable and safe to share between threads.
 */
public final class Parameters {

  private final Map<String, Object> values;

  /**
   * Wraps already-validated values.
   *
   * @param values name to value: Long, Double, Boolean, String (FILE parameters too), {@code
   *     List<Double>}, {@code List<String>}, {@code Map<String, Double>} for number maps, or a
   *     nested {@code Map<String, Object>} for groups
   */
  public Parameters(Map<String, ?> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Every value, in declaration order; groups appear as nested maps. */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * @throws NoSuchElementException if the parameter was not declared
   * @throws ClassCastException if it is not a whole number
   */
  public long integer(String name) {
    Object v = require(name);
    return ((Number) v).longValue();
  }

  /** Convenience for sizes: {@link #integer} narrowed to int. */
  public int count(String name) {
    return Math.toIntExact(integer(name));
  }

  /**
   * @throws NoSuchElementException if the parameter was not declared
   */
  public double number(String name) {
    return ((Number) require(name)).doubleValue();
  }

  public boolean bool(String name) {
    return (Boolean) require(name);
  }

  public String string(String name) {
    return (String) require(name);
  }

  /** A NUMBER_LIST parameter as a fresh array. */
  public double[] numbers(String name) {
    List<?> list = (List<?>) require(name);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) list.get(i)).doubleValue();
    }
    return out;
  }

  /**
   * A NUMBER_MAP parameter: the names in the order the script wrote them, each with its number.
   *
   * @return an unmodifiable map
   */
  public Map<String, Double> numberMap(String name) {
    Map<?, ?> map = (Map<?, ?>) require(name);
    Map<String, Double> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), ((Number) v).doubleValue()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * A STRING_LIST parameter.
   *
   * @return an unmodifiable list
   */
  public List<String> strings(String name) {
    List<?> list = (List<?>) require(name);
    return list.stream().map(String::valueOf).toList();
  }

  /**
   * A TIMING parameter.
   *
   * @throws IllegalArgumentException if the stored value is not a timing (a component error)
   */
  public org.rnnlab.api.trial.Timing timing(String name) {
    return org.rnnlab.api.trial.Timing.fromValue(require(name));
  }

  /**
   * A FILE parameter: the absolute path the core resolved and checked, or {@code null} if the
   * script names no file (the empty text).
   *
   * @throws NoSuchElementException if the parameter was not declared
   */
  public java.nio.file.Path file(String name) {
    String path = (String) require(name);
    return path.isEmpty() ? null : java.nio.file.Path.of(path);
  }

  /** A GROUP parameter's fields. */
  @SuppressWarnings("unchecked")
  public Parameters group(String name) {
    return new Parameters((Map<String, Object>) require(name));
  }

  private Object require(String name) {
    if (!values.containsKey(name)) {
      throw new NoSuchElementException(
          "parameter '" + name + "' was not declared; declared: " + values.keySet());
    }
    return values.get(name);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
