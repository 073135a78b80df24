package org.rnnlab.plugins.dynamics.similarity;

import java.util.Arrays;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.comparison.ComparedRun;
import org.rnnlab.api.comparison.ComparisonContext;

/**
 * The hidden states of both runs on the same evaluation trials, checked to correspond step by step,
 * and names for metrics built from the runs' names.
 *
 * @param first hidden states of the first run, {@code [trial][step][unit]}
 * @param second hidden states of the second run, same trials and steps
 * @param firstName the first run's name reduced to {@code [A-Za-z0-9_]}, for metric keys
 * @param secondName the second run's, distinct from {@code firstName}
 * @param evaluationSeconds wall time spent evaluating the two networks
 */
record PairedStates(
    float[][][] first,
    float[][][] second,
    String firstName,
    String secondName,
    double evaluationSeconds) {

  /**
   * Evaluates both runs on the first {@code trials} trials.
   *
   * @throws IllegalArgumentException if the runs disagree on trial count or lengths, or a trial has
   *     no steps
   */
  static PairedStates of(ComparisonContext context, int trials) {
    long start = System.nanoTime();
    ComparedRun a = context.first();
    ComparedRun b = context.second();
    Evaluation ea = a.evaluate(trials);
    Evaluation eb = b.evaluate(trials);
    double seconds = (System.nanoTime() - start) / 1e9;
    float[][][] ha = ea.hidden();
    float[][][] hb = eb.hidden();
    if (ha.length != hb.length) {
      throw new IllegalArgumentException(
          "the runs gave " + ha.length + " and " + hb.length + " trials; they must be the same");
    }
    for (int i = 0; i < ha.length; i++) {
      if (ha[i].length != hb[i].length || ha[i].length == 0) {
        throw new IllegalArgumentException(
            "trial "
                + i
                + " has "
                + ha[i].length
                + " steps in "
                + a.name()
                + " and "
                + hb[i].length
                + " in "
                + b.name()
                + "; comparisons need the same, non-empty trials");
      }
    }
    String na = sanitise(a.name());
    String nb = sanitise(b.name());
    if (na.equals(nb)) {
      na = na + "_1";
      nb = nb + "_2";
    }
    return new PairedStates(ha, hb, na, nb, seconds);
  }

  /** Number of trials. */
  int trials() {
    return first.length;
  }

  /** Units of the first run's states. */
  int firstUnits() {
    return first[0][0].length;
  }

  /** Units of the second run's states. */
  int secondUnits() {
    return second[0][0].length;
  }

  /** Adds every {@code stride}-th step of trials {@code [from, to)} to {@code scatter}. */
  void addTo(Scatter scatter, int from, int to, int stride) {
    for (int i = from; i < to; i++) {
      for (int t = 0; t < first[i].length; t += stride) {
        scatter.add(first[i][t], second[i][t]);
      }
    }
  }

  /** Trials {@code [0, count)} of the first run. */
  java.util.List<float[][]> firstTrials(int count) {
    return Arrays.asList(first).subList(0, count);
  }

  /** Trials {@code [0, count)} of the second run. */
  java.util.List<float[][]> secondTrials(int count) {
    return Arrays.asList(second).subList(0, count);
  }

  static String sanitise(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_]", "_");
    return s.isEmpty() ? "run" : s;
  }
}
