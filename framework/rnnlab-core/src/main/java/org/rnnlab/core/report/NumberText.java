package org.rnnlab.core.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;

/**
 * Formats numbers for people: six significant digits, plain notation between 10⁻⁴ and 10⁶ and
 * scientific outside ({@code 1.5e-7}), no digit grouping, the same in every locale. Used for the
 * report's tables and the figures' tick labels, so a number reads the same in both.
 */
final class NumberText {

  private NumberText() {}

  /** Formats {@code n}; integer types are shown exactly, whatever their size. */
  static String format(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return n.toString();
    }
    if (n instanceof BigInteger) {
      return n.toString();
    }
    return decimal(n.doubleValue());
  }

  /** Formats {@code d}; NaN and infinities as {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  private static String decimal(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0"; // also for -0.0
    }
    double magnitude = Math.abs(d);
    if (magnitude >= 1e-4 && magnitude < 1e6) {
      return new BigDecimal(Double.toString(d))
          .round(new MathContext(6))
          .stripTrailingZeros()
          .toPlainString();
    }
    String s = String.format(Locale.ROOT, "%.5e", d); // e.g. 1.23400e-07
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
    return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
  }
}
