package org.rnnlab.core.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …" for unknown ids and keys, by edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidates closest to {@code wrong}, best first: those within an edit distance of about a
   * third of the word's length, or containing it; at most three.
   */
  public static List<String> closest(String wrong, Collection<String> candidates) {
    String w = wrong.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, w.length() / 3);
    return candidates.stream()
        .filter(
            c -> {
              String l = c.toLowerCase(Locale.ROOT);
              return distance(w, l) <= limit || (w.length() >= 3 && l.contains(w));
            })
        .sorted(
            Comparator.comparingInt((String c) -> distance(w, c.toLowerCase(Locale.ROOT)))
                .thenComparing(c -> c))
        .limit(3)
        .toList();
  }

  /** Appends "; did you mean 'x'?" when there is a close candidate, else nothing. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    List<String> near = closest(wrong, candidates);
    if (near.isEmpty()) {
      return "";
    }
    return "; did you mean "
        + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList())
        + "?";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
