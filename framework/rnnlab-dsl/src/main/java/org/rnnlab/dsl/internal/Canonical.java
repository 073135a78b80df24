package org.rnnlab.dsl.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules both front ends share so that one experiment gives one tree: scalar types, key order
 * and which keys may appear in a path.
 */
final class Canonical {

  /** Top-level keys in the order the canonical tree lists them; unknown keys follow as written. */
  static final List<String> TOP_LEVEL_ORDER =
      List.of("name", "seed", "task", "model", "loss", "train", "evaluation", "analyses");

  /** Keys of {@code train} listed first; the others follow as written. */
  static final List<String> TRAIN_ORDER = List.of("optimizer", "steps", "batch", "sequenceLength");

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Canonical() {}

  /** Returns a copy of {@code tree} with top-level and {@code train} keys in canonical order. */
  static Map<String, Object> order(Map<String, Object> tree) {
    Map<String, Object> out = firstKeys(tree, TOP_LEVEL_ORDER);
    if (out.get("train") instanceof Map<?, ?> train) {
      @SuppressWarnings("unchecked")
      Map<String, Object> trainMap = (Map<String, Object>) train;
      out.put("train", firstKeys(trainMap, TRAIN_ORDER));
    }
    return out;
  }

  /** Returns a copy of {@code map} with {@code first} keys (those present) leading, in order. */
  static Map<String, Object> firstKeys(Map<String, Object> map, List<String> first) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : first) {
      if (map.containsKey(key)) {
        out.put(key, map.get(key));
      }
    }
    map.forEach(out::putIfAbsent);
    return out;
  }

  /**
   * Why {@code key} cannot be used as a map key, or null if it can. Paths join keys with dots and
   * index lists with brackets, so those characters would make a path ambiguous.
   */
  static String keyProblem(String key) {
    if (key.isBlank()) {
      return "an empty key is not allowed";
    }
    if (key.contains(".") || key.contains("[") || key.contains("]")) {
      return "key '" + key + "' may not contain '.', '[' or ']' (they separate parts of a path)";
    }
    return null;
  }

  /**
   * Converts a Java number to the canonical {@link Long} or {@link Double}.
   *
   * @return the converted number, or null if a whole number does not fit in a {@code long}
   */
  static Number number(Number n) {
    if (n instanceof Long) {
      return n;
    }
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof BigInteger big) {
      return big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0 ? null : big.longValue();
    }
    if (n instanceof Float f) {
      // Through the decimal text, so 0.1f becomes 0.1 rather than 0.10000000149011612.
      return Double.valueOf(f.toString());
    }
    if (n instanceof BigDecimal || n instanceof Double) {
      return n.doubleValue();
    }
    // AtomicInteger, AtomicLong, LongAdder and other whole-number holders.
    return n.longValue();
  }

  /** Describes a value for an error message, e.g. {@code the number 42} or {@code a list}. */
  static String describe(Object value) {
    if (value == null) {
      return "an empty value";
    }
    if (value instanceof Map) {
      return "a map";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof String s) {
      return "the text '" + s + "'";
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    if (value instanceof Boolean) {
      return "the value " + value;
    }
    return "a " + value.getClass().getSimpleName();
  }
}
