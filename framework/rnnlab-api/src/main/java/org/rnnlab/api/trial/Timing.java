package org.rnnlab.api.trial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How long a trial period lasts, in milliseconds: a constant or a distribution sampled once per
 * trial, with NeuroGym's five forms. {@link TrialBuilder} floors every sample to the time step.
 *
 * <p>In scripts a timing is written as a number (constant), a list of numbers (uniform choice), or
 * a one-key map: {@code {uniform: [300, 700]}}, {@code {choice: [300, 500]}}, {@code
 * {truncatedExponential: [600, 300, 3000]}} (mean, min, max), {@code {until: 2000}} (the period
 * ends at that absolute time in the trial), {@code {constant: 500}}.
 */
public sealed interface Timing {

  /**
   * Draws a duration.
   *
   * @param random the task's stream
   * @param periodStartMs when the period starts in the trial (used by {@link Until})
   * @return a duration in ms, not yet floored to the time step, never negative
   */
  double sampleMs(RandomGenerator random, double periodStartMs);

  /** The expected duration in ms, for documentation and trial-length estimates. */
  double meanMs();

  /** The script form of this timing, as written to {@code spec.yaml}. */
  Object toValue();

  /** Always the same duration. */
  record Constant(double ms) implements Timing {
    public Constant {
      check(ms >= 0 && Double.isFinite(ms), "a duration must be finite and >= 0 ms, got " + ms);
    }

    @Override
    public double sampleMs(RandomGenerator random, double periodStartMs) {
      return ms;
    }

    @Override
    public double meanMs() {
      return ms;
    }

    @Override
    public Object toValue() {
      return ms;
    }
  }

  /** Uniform on {@code [lowMs, highMs)}, as numpy's {@code uniform}. */
  record Uniform(double lowMs, double highMs) implements Timing {
    public Uniform {
      check(
          lowMs >= 0 && highMs >= lowMs && Double.isFinite(highMs),
          "uniform needs 0 <= low <= high, got [" + lowMs + ", " + highMs + "]");
    }

    @Override
    public double sampleMs(RandomGenerator random, double periodStartMs) {
      return lowMs + (highMs - lowMs) * random.nextDouble();
    }

    @Override
    public double meanMs() {
      return (lowMs + highMs) / 2;
    }

    @Override
    public Object toValue() {
      return Map.of("uniform", List.of(lowMs, highMs));
    }
  }

  /** One of the listed durations, each equally likely. */
  record Choice(List<Double> ms) implements Timing {
    public Choice {
      ms = List.copyOf(ms);
      check(!ms.isEmpty(), "choice needs at least one duration");
      for (double d : ms) {
        check(d >= 0 && Double.isFinite(d), "choice durations must be finite and >= 0, got " + ms);
      }
    }

    @Override
    public double sampleMs(RandomGenerator random, double periodStartMs) {
      return ms.get(random.nextInt(ms.size()));
    }

    @Override
    public double meanMs() {
      return ms.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Override
    public Object toValue() {
      return Map.of("choice", ms);
    }
  }

  /**
   * An exponential with mean {@code meanMs}, redrawn until it falls in {@code [minMs, maxMs)}
   * (NeuroGym's {@code TruncExp}); {@code maxMs} itself when {@code minMs >= maxMs}.
   */
  record TruncatedExponential(double meanMs, double minMs, double maxMs) implements Timing {
    public TruncatedExponential {
      check(
          meanMs > 0 && minMs >= 0 && maxMs >= 0 && Double.isFinite(maxMs),
          "truncatedExponential needs mean > 0 and finite min, max >= 0, got ["
              + meanMs
              + ", "
              + minMs
              + ", "
              + maxMs
              + "]");
    }

    @Override
    public double sampleMs(RandomGenerator random, double periodStartMs) {
      if (minMs >= maxMs) {
        return maxMs;
      }
      while (true) {
        double v = -meanMs * Math.log(1 - random.nextDouble());
        if (v >= minMs && v < maxMs) {
          return v;
        }
      }
    }

    @Override
    public double meanMs() {
      if (minMs >= maxMs) {
        return maxMs;
      }
      double a = Math.exp(-minMs / meanMs);
      double b = Math.exp(-maxMs / meanMs);
      double numerator = (minMs + meanMs) * a - (maxMs + meanMs) * b;
      return numerator / (a - b);
    }

    @Override
    public Object toValue() {
      return Map.of("truncatedExponential", List.of(meanMs, minMs, maxMs));
    }
  }

  /** The period lasts until the absolute trial time {@code endMs} (0 if it started later). */
  record Until(double endMs) implements Timing {
    public Until {
      check(endMs >= 0 && Double.isFinite(endMs), "until needs a time >= 0 ms, got " + endMs);
    }

    @Override
    public double sampleMs(RandomGenerator random, double periodStartMs) {
      return Math.max(0, endMs - periodStartMs);
    }

    @Override
    public double meanMs() {
      return endMs;
    }

    @Override
    public Object toValue() {
      return Map.of("until", endMs);
    }
  }

  static Timing constant(double ms) {
    return new Constant(ms);
  }

  static Timing uniform(double lowMs, double highMs) {
    return new Uniform(lowMs, highMs);
  }

  static Timing choice(double... ms) {
    return new Choice(java.util.Arrays.stream(ms).boxed().toList());
  }

  static Timing truncatedExponential(double meanMs, double minMs, double maxMs) {
    return new TruncatedExponential(meanMs, minMs, maxMs);
  }

  static Timing until(double endMs) {
    return new Until(endMs);
  }

  /**
   * Reads the script form (see the class comment).
   *
   * @throws IllegalArgumentException with a message for the user if the value has none of the forms
   */
  static Timing fromValue(Object value) {
    if (value instanceof Number n) {
      return constant(n.doubleValue());
    }
    if (value instanceof List<?> list) {
      return new Choice(numbers(list, "a list of durations"));
    }
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<?, ?> e = map.entrySet().iterator().next();
      String kind = String.valueOf(e.getKey());
      Object arg = e.getValue();
      switch (kind) {
        case "constant":
          if (arg instanceof Number n) {
            return constant(n.doubleValue());
          }
          break;
        case "until":
          if (arg instanceof Number n) {
            return until(n.doubleValue());
          }
          break;
        case "uniform":
          if (arg instanceof List<?> l && l.size() == 2) {
            List<Double> v = numbers(l, "uniform: [low, high]");
            return uniform(v.get(0), v.get(1));
          }
          break;
        case "choice":
          if (arg instanceof List<?> l) {
            return new Choice(numbers(l, "choice: [d1, d2, ...]"));
          }
          break;
        case "truncatedExponential":
          if (arg instanceof List<?> l && l.size() == 3) {
            List<Double> v = numbers(l, "truncatedExponential: [mean, min, max]");
            return truncatedExponential(v.get(0), v.get(1), v.get(2));
          }
          break;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "a timing is a duration in ms (500), a list to choose from ([300, 500]), or one of"
            + " {uniform: [low, high]}, {choice: [...]}, {truncatedExponential: [mean, min, max]},"
            + " {until: time}, {constant: ms}; got "
            + value);
  }

  /** Script forms of several timings, keyed by period name, in order. */
  static Map<String, Object> toValues(Map<String, Timing> timings) {
    Map<String, Object> out = new LinkedHashMap<>();
    timings.forEach((k, v) -> out.put(k, v.toValue()));
    return out;
  }

  private static List<Double> numbers(List<?> list, String form) {
    for (Object o : list) {
      if (!(o instanceof Number)) {
        throw new IllegalArgumentException("expected " + form + " with numbers, got " + list);
      }
    }
    return list.stream().map(o -> ((Number) o).doubleValue()).toList();
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
