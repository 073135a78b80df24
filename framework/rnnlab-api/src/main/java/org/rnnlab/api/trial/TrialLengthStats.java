package org.rnnlab.api.trial;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.OpenLoopTask;

/**
 * Statistics of trial length in steps, for choosing a sequence length (NeuroGym's {@code
 * trial_length_stats}, added after its issue #170).
 *
 * @param trials how many trials were drawn
 * @param mean mean length in steps
 * @param std standard deviation in steps
 * @param percentile95 95th percentile in steps (nearest rank)
 * @param max longest trial in steps
 * @param dtMs the task's time step, to convert to ms
 */
public record TrialLengthStats(
    int trials, double mean, double std, int percentile95, int max, double dtMs) {

  /**
   * Draws {@code trials} trials and measures their lengths.
   *
   * @throws IllegalArgumentException if {@code trials < 1}
   */
  public static TrialLengthStats of(OpenLoopTask task, int trials, RandomGenerator random) {
    if (trials < 1) {
      throw new IllegalArgumentException("need at least one trial, got " + trials);
    }
    int[] lengths = new int[trials];
    double sum = 0;
    for (int i = 0; i < trials; i++) {
      lengths[i] = task.newTrial(random).steps();
      sum += lengths[i];
    }
    double mean = sum / trials;
    double squares = 0;
    for (int l : lengths) {
      squares += (l - mean) * (l - mean);
    }
    Arrays.sort(lengths);
    int rank = (int) Math.ceil(0.95 * trials) - 1;
    return new TrialLengthStats(
        trials,
        mean,
        Math.sqrt(squares / trials),
        lengths[Math.max(0, rank)],
        lengths[trials - 1],
        task.dtMs());
  }
}
