package org.rnnlab.plugins.pdm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.Timing;

/**
 * The configured {@link PerceptualDecisionMaking} task: draws trials from the run's generator.
 *
 * <p>Per trial, in NeuroGym's order: the ground truth, the coherence, then each period's duration
 * (a constant draws nothing, so fixed timings give the same trials as before distributions were
 * allowed), then the stimulus noise. Each duration is floored to dt as it is drawn; an {@code
 * until} period ends at its time counted from the trial's start on the floored periods before it.
 *
 * <p>Immutable and thread-safe (all randomness comes from the generator passed to {@link
 * #newTrial}).
 */
final class PerceptualDecisionMakingTrials implements OpenLoopTask {

  static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");

  /**
   * Relative slack when flooring durations to dt, so that 0.3 ms at dt 0.1 ms is 3 steps, not the 2
   * that binary floating point would give. Exact for every integer-ms setting.
   */
  private static final double FLOOR_SLACK = 1e-9;

  private final double dtMs;
  private final Timing[] timings;
  private final double[] cohs;
  private final double noiseStd;
  private final int dimRing;
  private final boolean fixationUntilDecision;
  private final List<String> inputChannels;
  private final List<String> outputChannels;

  PerceptualDecisionMakingTrials(
      double dtMs,
      Timing[] timings,
      double[] cohs,
      double sigma,
      int dimRing,
      boolean fixationUntilDecision) {
    if (!(dtMs > 0) || !Double.isFinite(dtMs)) {
      throw new IllegalArgumentException("perceptual-decision-making needs dt > 0 ms, got " + dtMs);
    }
    if (cohs.length == 0) {
      throw new IllegalArgumentException("perceptual-decision-making needs at least one coherence");
    }
    for (double c : cohs) {
      if (!(c >= 0) || !Double.isFinite(c)) {
        throw new IllegalArgumentException(
            "perceptual-decision-making coherences are finite and >= 0 %, got "
                + Arrays.toString(cohs));
      }
    }
    if (!(sigma >= 0) || dimRing < 2) {
      throw new IllegalArgumentException(
          "perceptual-decision-making needs sigma >= 0 and dimRing >= 2, got "
              + sigma
              + " and "
              + dimRing);
    }
    this.dtMs = dtMs;
    this.timings = timings.clone();
    double shortestDecisionMs = shortestMs(timings[PERIODS.indexOf("decision")]);
    if (steps(shortestDecisionMs) == 0) {
      throw new IllegalArgumentException(
          "timing.decision can be "
              + shortestDecisionMs
              + " ms, shorter than dt = "
              + dtMs
              + " ms, so the decision period would have no step and the network would never"
              + " choose");
    }
    this.cohs = cohs.clone();
    this.noiseStd = sigma / Math.sqrt(dtMs);
    this.dimRing = dimRing;
    this.fixationUntilDecision = fixationUntilDecision;
    List<String> in = new ArrayList<>(List.of("fixation"));
    List<String> out = new ArrayList<>(List.of("fixate"));
    for (int k = 1; k <= dimRing; k++) {
      in.add("stimulus-" + k);
      out.add("choice-" + k);
    }
    this.inputChannels = List.copyOf(in);
    this.outputChannels = List.copyOf(out);
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  @Override
  public List<String> inputChannels() {
    return inputChannels;
  }

  @Override
  public List<String> outputChannels() {
    return outputChannels;
  }

  @Override
  public TargetKind targetKind() {
    return TargetKind.CLASS_INDEX;
  }

  @Override
  public Trial newTrial(RandomGenerator random) {
    return newTrial(random, Map.of());
  }

  /** The ground truth can be given (NeuroGym's {@code new_trial(ground_truth=...)}). */
  @Override
  public Set<String> conditions() {
    return Set.of(GROUND_TRUTH);
  }

  /**
   * @throws IllegalArgumentException if a condition other than {@code groundTruth} is given, or the
   *     ground truth is not a choice 1..dimRing
   */
  @Override
  public Trial newTrial(RandomGenerator random, Map<String, Object> conditions) {
    for (String key : conditions.keySet()) {
      if (!key.equals(GROUND_TRUTH)) {
        throw new IllegalArgumentException(
            "perceptual-decision-making can be given only its groundTruth, not '" + key + "'");
      }
    }
    int groundTruth;
    if (conditions.get(GROUND_TRUTH) instanceof Number given) {
      groundTruth = given.intValue();
      if (groundTruth < 1 || groundTruth > dimRing) {
        throw new IllegalArgumentException(
            "groundTruth must be a choice 1.." + dimRing + ", got " + given);
      }
    } else {
      groundTruth = 1 + random.nextInt(dimRing);
    }
    double coherence = cohs[random.nextInt(cohs.length)];
    double stimulusAngle = angle(groundTruth);

    List<Period> periods = new ArrayList<>(PERIODS.size());
    int start = 0;
    for (int i = 0; i < PERIODS.size(); i++) {
      int length = steps(timings[i].sampleMs(random, start * dtMs));
      periods.add(new Period(PERIODS.get(i), start, start + length));
      start += length;
    }
    int steps = start;
    float[][] inputs = new float[steps][1 + dimRing];
    int[] classTargets = new int[steps];
    float[] mask = new float[steps];
    Arrays.fill(mask, 1f);

    Period fixation = periods.get(0);
    int fixationEnd = fixationUntilDecision ? periods.get(3).startStep() : fixation.endStep();
    for (int t = fixation.startStep(); t < fixationEnd; t++) {
      inputs[t][0] = 1f;
    }
    double[] mean = new double[dimRing];
    for (int k = 1; k <= dimRing; k++) {
      mean[k - 1] = Math.cos(angle(k) - stimulusAngle) * coherence / 200 + 0.5;
    }
    Period stimulus = periods.get(1);
    for (int t = stimulus.startStep(); t < stimulus.endStep(); t++) {
      for (int k = 1; k <= dimRing; k++) {
        inputs[t][k] = (float) (mean[k - 1] + noiseStd * random.nextGaussian());
      }
    }
    Period decision = periods.get(3);
    for (int t = decision.startStep(); t < decision.endStep(); t++) {
      classTargets[t] = groundTruth;
    }

    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("groundTruth", groundTruth);
    metadata.put("coherence", coherence);
    metadata.put("stimulusAngle", stimulusAngle);
    return new Trial(inputs, null, classTargets, mask, periods, metadata);
  }

  /** A duration floored to whole time steps. */
  private int steps(double ms) {
    return Math.toIntExact((long) Math.floor(ms / dtMs * (1 + FLOOR_SLACK)));
  }

  /**
   * The shortest duration a timing can give; for {@code until}, which depends on when the period
   * starts, its end time (the longest it can be), so that only the other forms are checked.
   */
  private static double shortestMs(Timing timing) {
    if (timing instanceof Timing.Constant c) {
      return c.ms();
    } else if (timing instanceof Timing.Uniform u) {
      return u.lowMs();
    } else if (timing instanceof Timing.Choice c) {
      return c.ms().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    } else if (timing instanceof Timing.TruncatedExponential e) {
      return e.minMs();
    }
    return ((Timing.Until) timing).endMs();
  }

  /** θ of choice {@code k} (1-based): 2π(k−1)/dimRing. */
  private double angle(int k) {
    return 2 * Math.PI * (k - 1) / dimRing;
  }
}
