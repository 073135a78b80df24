package org.rnnlab.plugins.cognitive.yang;

import java.util.List;
import org.rnnlab.api.task.Trial;

/**
 * Yang et al. 2019's correctness criterion ({@code get_perf} in gyyang/multitask's {@code
 * network.py}), judged on the last step of a trial only.
 *
 * <ul>
 *   <li>If the trial requires fixation to the end, it is correct iff the fixation output is {@code
 *       > 0.5}.
 *   <li>If it requires a response, it is correct iff the fixation output is {@code ≤ 0.5} and the
 *       population-vector angle of the response ring lies strictly within 0.2π (36°) of the target.
 * </ul>
 *
 * <p>The population vector is the source's {@code popvec}: {@code atan2(Σ r_k sin θ_k / Σ r_k, Σ
 * r_k cos θ_k / Σ r_k)} with {@code θ_k = 2πk/32}. Because it divides by the summed activity, it
 * differs by π from {@link org.rnnlab.api.trial.RingCoding#populationVector} (which does not
 * divide) when that sum is negative; a sum of zero decodes no angle and the trial counts as wrong.
 *
 * <p>Stateless; static methods only.
 */
public final class YangPerformance {

  /** Fixation output above this means "fixating". */
  public static final double FIXATION_THRESHOLD = 0.5;

  /** Largest angular error (exclusive) of a correct response, in radians: 0.2π. */
  public static final double ANGLE_TOLERANCE = 0.2 * Math.PI;

  private YangPerformance() {}

  /**
   * Judges one trial's network output.
   *
   * @param trial a trial of a Yang task (its metadata holds {@code fixate} and {@code targetAngle})
   * @param outputs the network's outputs {@code [steps][33]} for that trial (fixation first, then
   *     the ring); may be longer than the trial (padding), only step {@code trial.steps() - 1} is
   *     read
   * @return whether the trial is correct
   * @throws IllegalArgumentException if the metadata lacks {@code fixate}/{@code targetAngle} or
   *     the outputs are shorter than the trial
   */
  public static boolean isCorrect(Trial trial, float[][] outputs) {
    Object fixate = trial.metadata().get("fixate");
    Object angle = trial.metadata().get("targetAngle");
    if (!(fixate instanceof Boolean) || !(angle instanceof Number)) {
      throw new IllegalArgumentException(
          "not a Yang trial: its metadata needs 'fixate' (boolean) and 'targetAngle' (number), got "
              + trial.metadata().keySet());
    }
    if (outputs.length < trial.steps()) {
      throw new IllegalArgumentException(
          "outputs have " + outputs.length + " steps, the trial " + trial.steps());
    }
    return isCorrect(outputs[trial.steps() - 1], (Boolean) fixate, ((Number) angle).doubleValue());
  }

  /**
   * Judges the output of the last step.
   *
   * @param lastOutput {@code [1 + ring]}: the fixation output, then the response ring
   * @param fixate whether the trial requires fixation to the end
   * @param targetAngle the response angle in radians (ignored when {@code fixate})
   * @return whether the output is correct
   */
  public static boolean isCorrect(float[] lastOutput, boolean fixate, double targetAngle) {
    if (lastOutput.length < 2) {
      throw new IllegalArgumentException(
          "need a fixation output and a ring, got " + lastOutput.length);
    }
    boolean fixating = lastOutput[0] > FIXATION_THRESHOLD;
    if (fixate) {
      return fixating;
    }
    if (fixating) {
      return false;
    }
    double decoded = populationVector(lastOutput, 1, lastOutput.length - 1);
    return !Double.isNaN(decoded) && angularDistance(decoded, targetAngle) < ANGLE_TOLERANCE;
  }

  /**
   * The fraction of correct trials.
   *
   * @param trials trials of a Yang task
   * @param outputs the network's outputs per trial, in the same order
   * @return the fraction in [0, 1]; NaN for no trials
   */
  public static double fractionCorrect(List<Trial> trials, List<float[][]> outputs) {
    if (trials.size() != outputs.size()) {
      throw new IllegalArgumentException(
          trials.size() + " trials but " + outputs.size() + " outputs");
    }
    int correct = 0;
    for (int i = 0; i < trials.size(); i++) {
      if (isCorrect(trials.get(i), outputs.get(i))) {
        correct++;
      }
    }
    return trials.isEmpty() ? Double.NaN : (double) correct / trials.size();
  }

  /**
   * The source's {@code popvec} of a ring: the angle in {@code [0, 2π)}, NaN if the summed activity
   * is zero.
   *
   * @param ring activities of units with preferred directions {@code 2πk/n}
   */
  public static double populationVector(float[] ring) {
    return populationVector(ring, 0, ring.length);
  }

  private static double populationVector(float[] values, int from, int n) {
    double sum = 0;
    double cos = 0;
    double sin = 0;
    for (int k = 0; k < n; k++) {
      double pref = 2 * Math.PI * k / n;
      double r = values[from + k];
      sum += r;
      cos += r * Math.cos(pref);
      sin += r * Math.sin(pref);
    }
    if (sum == 0) {
      return Double.NaN;
    }
    double a = Math.atan2(sin / sum, cos / sum);
    return a < 0 ? a + 2 * Math.PI : a;
  }

  /** The absolute angular distance in {@code [0, π]}. */
  private static double angularDistance(double a, double b) {
    double d = Math.abs(a - b) % (2 * Math.PI);
    return Math.min(d, 2 * Math.PI - d);
  }
}
