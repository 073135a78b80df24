package org.rnnlab.api.component;

import java.util.List;
import java.util.Objects;

/**
 * Declaration of one component parameter: what a script may set, its default and its unit.
 *
 * <p>Build instances with the static factories and refine them with the {@code with…} methods,
 * which return copies:
 *
 * <pre>{@code
 * ParameterSpec.integer("hidden", 128, "units", "Number of recurrent units").withMin(1)
 * }</pre>
 *
 * @param name key used in scripts; camelCase, with the unit in the name where it helps ({@code
 *     tauMs}) or in {@link #unit()}
 * @param type value kind
 * @param defaultValue value used when the script does not set it: {@link Integer}/{@link Long},
 *     {@link Double}, {@link Boolean}, {@link String}, {@code List<Double>}, {@code List<String>}
 *     for {@link ParameterType#STRING_LIST}, {@code Map<String, Double>} for {@link
 *     ParameterType#NUMBER_MAP}; {@code null} only for {@link ParameterType#GROUP}, whose default
 *     is made of its fields' defaults; for {@link ParameterType#FILE} a path as text, the empty
 *     text meaning no file
 * @param unit physical unit such as {@code ms}, or an empty string for dimensionless values
 * @param description one sentence for {@code rnnlab describe}
 * @param min smallest allowed value for numbers (inclusive), or {@code null}
 * @param max largest allowed value for numbers (inclusive), or {@code null}
 * @param choices allowed values for {@link ParameterType#CHOICE}; empty otherwise
 * @param fields sub-parameters for {@link ParameterType#GROUP}; empty otherwise
 */
public record ParameterSpec(
    String name,
    ParameterType type,
    Object defaultValue,
    String unit,
    String description,
    Double min,
    Double max,
    List<String> choices,
    List<ParameterSpec> fields) {

  /**
   * Validates the declaration itself.
   *
   * @throws IllegalArgumentException if the name is blank, a CHOICE has no choices or its default
   *     is not one of them, a GROUP has no fields, or a FILE's default is not text
   */
  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    unit = unit == null ? "" : unit;
    description = description == null ? "" : description;
    choices = List.copyOf(choices == null ? List.of() : choices);
    fields = List.copyOf(fields == null ? List.of() : fields);
    if (name.isBlank()) {
      throw new IllegalArgumentException("parameter name is blank");
    }
    if (type == ParameterType.CHOICE && (choices.isEmpty() || !choices.contains(defaultValue))) {
      throw new IllegalArgumentException(
          "choice parameter '" + name + "' needs choices containing its default " + defaultValue);
    }
    if (type == ParameterType.GROUP && fields.isEmpty()) {
      throw new IllegalArgumentException("group parameter '" + name + "' declares no fields");
    }
    if (type == ParameterType.FILE && !(defaultValue instanceof String)) {
      throw new IllegalArgumentException(
          "file parameter '" + name + "' needs a text default (empty for no file)");
    }
    if (defaultValue instanceof List<?> list) {
      defaultValue = List.copyOf(list);
    }
    if (defaultValue instanceof java.util.Map<?, ?> map) {
      defaultValue = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }
  }

  public static ParameterSpec integer(String name, long defaultValue, String unit, String text) {
    return new ParameterSpec(
        name, ParameterType.INTEGER, defaultValue, unit, text, null, null, null, null);
  }

  public static ParameterSpec number(String name, double defaultValue, String unit, String text) {
    return new ParameterSpec(
        name, ParameterType.NUMBER, defaultValue, unit, text, null, null, null, null);
  }

  public static ParameterSpec bool(String name, boolean defaultValue, String text) {
    return new ParameterSpec(
        name, ParameterType.BOOLEAN, defaultValue, "", text, null, null, null, null);
  }

  public static ParameterSpec string(String name, String defaultValue, String text) {
    return new ParameterSpec(
        name, ParameterType.STRING, defaultValue, "", text, null, null, null, null);
  }

  public static ParameterSpec choice(
      String name, String defaultValue, List<String> choices, String text) {
    return new ParameterSpec(
        name, ParameterType.CHOICE, defaultValue, "", text, null, null, choices, null);
  }

  public static ParameterSpec numbers(
      String name, List<Double> defaultValue, String unit, String text) {
    return new ParameterSpec(
        name, ParameterType.NUMBER_LIST, defaultValue, unit, text, null, null, null, null);
  }

  /**
   * Names chosen by the script, each with a number ({@link ParameterType#NUMBER_MAP}), such as
   * {@code periodWeights: {decision: 5}}; empty by default.
   */
  public static ParameterSpec numberMap(String name, String unit, String text) {
    return new ParameterSpec(
        name,
        ParameterType.NUMBER_MAP,
        java.util.Map.<String, Double>of(),
        unit,
        text,
        null,
        null,
        null,
        null);
  }

  /** A list of texts ({@link ParameterType#STRING_LIST}), such as {@code [input, recurrent]}. */
  public static ParameterSpec strings(String name, List<String> defaultValue, String text) {
    return new ParameterSpec(
        name, ParameterType.STRING_LIST, defaultValue, "", text, null, null, null, null);
  }

  /**
   * A period duration in ms, constant or random (see {@link org.rnnlab.api.trial.Timing}).
   *
   * @param defaultValue the default, stored in its script form
   */
  public static ParameterSpec timing(
      String name, org.rnnlab.api.trial.Timing defaultValue, String text) {
    return new ParameterSpec(
        name, ParameterType.TIMING, defaultValue.toValue(), "ms", text, null, null, null, null);
  }

  /**
   * A path to a file, with no file by default (see {@link ParameterType#FILE}); the component reads
   * it with {@link Parameters#file}, which gives {@code null} when the script names none.
   */
  public static ParameterSpec file(String name, String text) {
    return new ParameterSpec(name, ParameterType.FILE, "", "", text, null, null, null, null);
  }

  public static ParameterSpec group(String name, String text, ParameterSpec... fields) {
    return new ParameterSpec(
        name, ParameterType.GROUP, null, "", text, null, null, null, List.of(fields));
  }

  /** Returns a copy that rejects values below {@code minInclusive}. */
  public ParameterSpec withMin(double minInclusive) {
    return new ParameterSpec(
        name, type, defaultValue, unit, description, minInclusive, max, choices, fields);
  }

  /** Returns a copy that rejects values above {@code maxInclusive}. */
  public ParameterSpec withMax(double maxInclusive) {
    return new ParameterSpec(
        name, type, defaultValue, unit, description, min, maxInclusive, choices, fields);
  }

  /** Returns a copy that rejects values outside {@code [minInclusive, maxInclusive]}. */
  public ParameterSpec withRange(double minInclusive, double maxInclusive) {
    return withMin(minInclusive).withMax(maxInclusive);
  }
}
