package org.rnnlab.plugins.cognitive.ctdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.ChannelLayout;
import org.rnnlab.api.trial.Timing;
import org.rnnlab.api.trial.TrialBuilder;

/**
 * Trial generator shared by the 15 CtDB MultiTask components, following {@code
 * ctd/task_modeling/task_env/multitask.py} ({@code MultiTask.generate_trial}), the defaults of
 * {@code configs/env_task/MultiTask.yaml} and the mask of {@code MultiTaskLoss} in {@code
 * loss_func.py} (snel-repo/ComputationThruDynamicsBenchmark).
 *
 * <p><b>Channels.</b> 20 inputs: {@code fixation}, {@code stim-mod1-cos}, {@code stim-mod1-sin},
 * {@code stim-mod2-cos}, {@code stim-mod2-sin}, then 15 one-hot rule flags in {@link CtdbRule}
 * order. 3 continuous outputs: {@code fixation}, {@code response-cos}, {@code response-sin}. A
 * stimulus at angle θ with strength s writes {@code (s·cos θ, s·sin θ)} to its modality's pair (s =
 * 1 except in the integration tasks); a response toward θ is the target {@code (cos θ, sin θ)}; no
 * response is the target {@code (0, 0)}. The rule flag is 1 for the whole trial.
 *
 * <p><b>Phases.</b> Named as the source names them: {@code context}, {@code stim1}, {@code mem1},
 * {@code stim2}, {@code mem2}, {@code response}; a task has only the phases its type uses (see
 * {@link CtdbRule.Family}). Each length is drawn uniformly in ms on {@code [low, high)} and floored
 * to the step grid, which at dt = 20 ms is exactly the source's {@code randint(low/bs, high/bs)}
 * bins (every bound is a multiple of 20 ms):
 *
 * <ul>
 *   <li>Delay: context [300, 700), stim1 [200, 1500), response [300, 700) ms;
 *   <li>Memory: context [300, 700), stim1 [200, 1600), mem1 [200, 1600), response [300, 700);
 *   <li>React: context [500, 2500), response [300, 1700);
 *   <li>Decision (IntMod*, ContextInt*): context [200, 600), stim1, mem1 and stim2 [200, 1600),
 *       mem2 [100, 300), response [300, 700);
 *   <li>Match (Match2Sample, NonMatch2Sample, MatchCat*): context [200, 600), stim1 [200, 1600),
 *       mem1 [200, 1600), response [300, 700).
 * </ul>
 *
 * <p><b>Trial length: 320 steps vs. the phases used.</b> The source writes every trial into an
 * array of {@code n_timesteps = 320} bins (6400 ms at 20 ms) and leaves the bins after the response
 * zero: no input, no noise, zero targets and loss weight 0 (the mask is 0 after the response's
 * end). The phases themselves end much earlier: at most 142 bins (Delay), 226 (Memory), 208
 * (React), 221 (Match) and 314 (Decision). Parameter {@code trialDuration} reproduces the padding
 * (default 6400 ms, that is 320 steps at dt = 20 ms); 0 ends each trial with its response. Padding
 * is the period {@code padding}. A trial whose phases outlast {@code trialDuration} is not cut.
 *
 * <p><b>Fixation.</b> Input: on until the response starts (Delay, Memory, Decision: its offset is
 * the go signal), or on for the whole trial (React, Match: the onset of the stimulus, or of the
 * test stimulus, is the go signal). Target: 1 before the response and 0 from its first step on,
 * except that the source never sets it in NonMatch2Sample, MatchCatPro and MatchCatAnti (0 all
 * trial); those three components reproduce this by default and offer {@code
 * fixationTargetBeforeResponse} to set it as Match2Sample does.
 *
 * <p><b>Mask</b> (per step, the same for the three outputs): 0 for the first 100 ms (the source's
 * first 5 bins), 1 until the response, 0 for the first 100 ms of the response (5 bins), 5 for the
 * rest of the response, 0 after it (padding). The source sums the masked squared error over time
 * and averages over trials; which reduction applies is the loss's choice, not the task's.
 *
 * <p><b>Noise.</b> N(0, noise²) is added to every input channel (fixation and rule flags included)
 * at every step up to the response's end, after all trial parameters are drawn; for one seed the
 * phase lengths in ms (up to flooring), angles and strengths therefore do not depend on dt. The
 * source's {@code dynamic_noise} (default 0) is added by its training wrapper, not by the task, and
 * is not part of these components.
 *
 * <p><b>Angles.</b> Sample angles come from the grid {@code −π + 2πk/numTargets}, k uniform. In the
 * metadata every angle is reported in [0, 2π). The category of an angle in the MatchCat tasks is
 * the source's sign of the angle in [−π, π): category 0 for [0, π), category 1 for [π, 2π).
 *
 * <p><b>Metadata.</b> {@code task} (source name), {@code ruleIndex}, {@code responseRequired},
 * {@code targetAngle} (the response direction; where no response is required, the angle of the test
 * stimulus that must not be answered), {@code stim1Angle} and, in Decision and Match tasks, {@code
 * stim2Angle}, {@code responseStartStep}, {@code responseEndStep}, plus per family: strengths and
 * {@code chosenStimulus} (Decision), {@code match} and categories (Match).
 */
final class CtdbEngine implements OpenLoopTask {

  static final int FIRST_RULE_CHANNEL = 5;
  static final int FIXATION = 0;
  static final int MOD1_COS = 1;
  static final int MOD1_SIN = 2;
  static final int MOD2_COS = 3;
  static final int MOD2_SIN = 4;
  static final int OUT_FIXATION = 0;
  static final int OUT_COS = 1;
  static final int OUT_SIN = 2;

  static final ChannelLayout INPUTS = inputs();
  static final ChannelLayout OUTPUTS =
      ChannelLayout.builder()
          .single("fixation")
          .single("response-cos")
          .single("response-sin")
          .build();

  /** Unweighted steps at the start of the trial and of the response: the source's 5 bins. */
  static final double GRACE_MS = 100;

  static final float MASK_BEFORE_RESPONSE = 1f;
  static final float MASK_RESPONSE = 5f;

  /** Coherences of the integration tasks. */
  static final double[] COHERENCES = {0.08, 0.16, 0.32};

  static final double MEAN_STRENGTH_LOW = 0.8;
  static final double MEAN_STRENGTH_HIGH = 1.2;

  /** Second-stimulus offset in the integration tasks, degrees, uniform. */
  static final double DECISION_OFFSET_LOW_DEG = 90;

  static final double DECISION_OFFSET_HIGH_DEG = 270;

  /** Non-matching offsets in the match tasks: whole degrees 10…349, as numpy's randint(10, 350). */
  static final int MATCH_OFFSET_LOW_DEG = 10;

  static final int MATCH_OFFSET_HIGH_DEG = 350;

  private final CtdbRule rule;
  private final double dt;
  private final double noise;
  private final int numTargets;
  private final double trialDurationMs;
  private final boolean fixationTarget;
  private final int graceSteps;

  /**
   * @param fixationTargetBeforeResponse set the fixation target before the response even where the
   *     source does not (ignored by the tasks where the source does)
   */
  CtdbEngine(
      CtdbRule rule,
      double dtMs,
      double noise,
      int numTargets,
      double trialDurationMs,
      boolean fixationTargetBeforeResponse) {
    if (!(dtMs > 0)
        || !Double.isFinite(dtMs)
        || !(noise >= 0)
        || numTargets < 1
        || !(trialDurationMs >= 0)) {
      throw new IllegalArgumentException(
          "need dt > 0, noise >= 0, numTargets >= 1 and trialDuration >= 0; got dt "
              + dtMs
              + ", noise "
              + noise
              + ", numTargets "
              + numTargets
              + ", trialDuration "
              + trialDurationMs);
    }
    this.rule = rule;
    this.dt = dtMs;
    this.noise = noise;
    this.numTargets = numTargets;
    this.trialDurationMs = trialDurationMs;
    this.fixationTarget = !rule.sourceOmitsFixationTarget() || fixationTargetBeforeResponse;
    this.graceSteps = (int) Math.floor(GRACE_MS / dtMs * (1 + 1e-9));
  }

  private static ChannelLayout inputs() {
    ChannelLayout.Builder b =
        ChannelLayout.builder()
            .single("fixation")
            .single("stim-mod1-cos")
            .single("stim-mod1-sin")
            .single("stim-mod2-cos")
            .single("stim-mod2-sin");
    for (CtdbRule r : CtdbRule.values()) {
      b.single("rule-" + r.id.substring("ctdb-".length()));
    }
    return b.build();
  }

  /** The phases of a task type with their source length distributions, in order. */
  static Map<String, Timing> phases(CtdbRule.Family family) {
    return switch (family) {
      case DELAY ->
          ordered(
              "context", Timing.uniform(300, 700),
              "stim1", Timing.uniform(200, 1500),
              "response", Timing.uniform(300, 700));
      case MEMORY ->
          ordered(
              "context", Timing.uniform(300, 700),
              "stim1", Timing.uniform(200, 1600),
              "mem1", Timing.uniform(200, 1600),
              "response", Timing.uniform(300, 700));
      case REACT ->
          ordered(
              "context", Timing.uniform(500, 2500),
              "response", Timing.uniform(300, 1700));
      case DECISION ->
          ordered(
              "context", Timing.uniform(200, 600),
              "stim1", Timing.uniform(200, 1600),
              "mem1", Timing.uniform(200, 1600),
              "stim2", Timing.uniform(200, 1600),
              "mem2", Timing.uniform(100, 300),
              "response", Timing.uniform(300, 700));
      case MATCH ->
          ordered(
              "context", Timing.uniform(200, 600),
              "stim1", Timing.uniform(200, 1600),
              "mem1", Timing.uniform(200, 1600),
              "response", Timing.uniform(300, 700));
    };
  }

  private static Map<String, Timing> ordered(Object... nameTiming) {
    Map<String, Timing> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameTiming.length; i += 2) {
      m.put((String) nameTiming[i], (Timing) nameTiming[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public double dtMs() {
    return dt;
  }

  @Override
  public List<String> inputChannels() {
    return INPUTS.names();
  }

  @Override
  public List<String> outputChannels() {
    return OUTPUTS.names();
  }

  @Override
  public TargetKind targetKind() {
    return TargetKind.CONTINUOUS;
  }

  CtdbRule rule() {
    return rule;
  }

  @Override
  public Trial newTrial(RandomGenerator random) {
    TrialBuilder b = new TrialBuilder(dt, INPUTS, OUTPUTS, TargetKind.CONTINUOUS);
    Map<String, Timing> phases = phases(rule.family);
    for (Map.Entry<String, Timing> e : phases.entrySet()) {
      b.period(e.getKey(), e.getValue(), random);
    }
    double padMs = b.floorToDt(trialDurationMs) - b.endMs("response");
    if (trialDurationMs > 0 && padMs > 0) {
      b.period("padding", padMs);
    }
    Period response = b.period("response");
    int respStart = response.startStep();
    int respEnd = response.endStep();

    Stimuli s = drawStimuli(random);

    float[][] in = b.inputs();
    float[][] out = b.targets();
    float[] mask = b.maskArray();
    int steps = in.length;

    // Fixation input, rule flag and fixation target.
    int fixationInputEnd = rule.fixationInputThroughout() ? respEnd : respStart;
    for (int t = 0; t < respEnd; t++) {
      in[t][rule.ruleChannel()] = 1f;
      if (t < fixationInputEnd) {
        in[t][FIXATION] = 1f;
      }
      if (fixationTarget && t < respStart) {
        out[t][OUT_FIXATION] = 1f;
      }
    }
    // Stimuli.
    for (StimulusSegment seg : s.segments) {
      Period p = b.period(seg.period);
      int end = seg.throughResponse ? respEnd : p.endStep();
      for (int t = p.startStep(); t < end; t++) {
        in[t][seg.cosChannel] = seg.cos;
        in[t][seg.cosChannel + 1] = seg.sin;
      }
    }
    // Response target.
    if (s.responseRequired) {
      for (int t = respStart; t < respEnd; t++) {
        out[t][OUT_COS] = s.targetCos;
        out[t][OUT_SIN] = s.targetSin;
      }
    }
    // Mask.
    for (int t = 0; t < steps; t++) {
      float w;
      if (t < graceSteps || t >= respEnd) {
        w = 0f;
      } else if (t < respStart) {
        w = MASK_BEFORE_RESPONSE;
      } else if (t < respStart + graceSteps) {
        w = 0f;
      } else {
        w = MASK_RESPONSE;
      }
      mask[t] = w;
    }
    // Input noise, after every trial parameter is drawn; none in the padding.
    for (int t = 0; t < respEnd; t++) {
      for (int c = 0; c < in[t].length; c++) {
        in[t][c] += (float) (noise * random.nextGaussian());
      }
    }

    b.metadata("task", rule.sourceName);
    b.metadata("ruleIndex", rule.ordinal());
    b.metadata("responseRequired", s.responseRequired);
    b.metadata("targetAngle", wrap(s.targetAngle));
    b.metadata("stim1Angle", wrap(s.stim1Angle));
    if (!Double.isNaN(s.stim2Angle)) {
      b.metadata("stim2Angle", wrap(s.stim2Angle));
    }
    s.extra.forEach(b::metadata);
    b.metadata("responseStartStep", respStart);
    b.metadata("responseEndStep", respEnd);
    return b.build();
  }

  // ------------------------------------------------------------------ trial parameters

  /** One stimulus written to one modality during one phase. */
  private record StimulusSegment(
      String period, int cosChannel, float cos, float sin, boolean throughResponse) {}

  /** Everything random about a trial except its phase lengths and its noise. */
  private static final class Stimuli {
    final List<StimulusSegment> segments = new ArrayList<>();
    final Map<String, Object> extra = new java.util.LinkedHashMap<>();
    boolean responseRequired = true;
    double targetAngle;
    float targetCos;
    float targetSin;
    double stim1Angle;
    double stim2Angle = Double.NaN;

    void stimulus(String period, int cosChannel, double strength, double angle) {
      stimulus(period, cosChannel, strength, angle, false);
    }

    void stimulus(
        String period, int cosChannel, double strength, double angle, boolean throughResponse) {
      segments.add(
          new StimulusSegment(
              period,
              cosChannel,
              (float) (strength * Math.cos(angle)),
              (float) (strength * Math.sin(angle)),
              throughResponse));
    }

    /** Response toward {@code angle}, or its opposite (the source's sign flip) when anti. */
    void respond(double angle, boolean anti) {
      double sign = anti ? -1 : 1;
      targetCos = (float) (sign * Math.cos(angle));
      targetSin = (float) (sign * Math.sin(angle));
      targetAngle = anti ? angle + Math.PI : angle;
    }
  }

  private double gridAngle(RandomGenerator random) {
    return -Math.PI + 2 * Math.PI * random.nextInt(numTargets) / numTargets;
  }

  private Stimuli drawStimuli(RandomGenerator random) {
    Stimuli s = new Stimuli();
    switch (rule.family) {
      case DELAY, MEMORY, REACT -> {
        double angle = gridAngle(random);
        s.stim1Angle = angle;
        switch (rule.family) {
          case DELAY -> s.stimulus("stim1", MOD1_COS, 1, angle, true);
          case MEMORY -> s.stimulus("stim1", MOD1_COS, 1, angle);
          default -> s.stimulus("response", MOD1_COS, 1, angle);
        }
        s.respond(angle, rule.anti);
      }
      case DECISION -> drawDecision(random, s);
      case MATCH -> drawMatch(random, s);
      default -> throw new IllegalStateException(rule.family.toString());
    }
    return s;
  }

  private void drawDecision(RandomGenerator random, Stimuli s) {
    double meanA =
        MEAN_STRENGTH_LOW + (MEAN_STRENGTH_HIGH - MEAN_STRENGTH_LOW) * random.nextDouble();
    double meanB =
        MEAN_STRENGTH_LOW + (MEAN_STRENGTH_HIGH - MEAN_STRENGTH_LOW) * random.nextDouble();
    double signA = random.nextBoolean() ? 1 : -1;
    double signB = random.nextBoolean() ? 1 : -1;
    double cohA = COHERENCES[random.nextInt(COHERENCES.length)];
    double cohB = COHERENCES[random.nextInt(COHERENCES.length)];
    double angle1 = gridAngle(random);
    double offsetDeg =
        DECISION_OFFSET_LOW_DEG
            + (DECISION_OFFSET_HIGH_DEG - DECISION_OFFSET_LOW_DEG) * random.nextDouble();
    double angle2 = floorMod(angle1 + Math.toRadians(offsetDeg));

    double a1 = meanA + cohA * signA;
    double a2 = meanA - cohA * signA;
    double b1 = meanB + cohB * signB;
    double b2 = meanB - cohB * signB;
    s.stim1Angle = angle1;
    s.stim2Angle = angle2;
    boolean second;
    switch (rule) {
      case INT_MOD1, INT_MOD2 -> {
        int channel = rule == CtdbRule.INT_MOD1 ? MOD1_COS : MOD2_COS;
        String mod = rule == CtdbRule.INT_MOD1 ? "mod1" : "mod2";
        s.stimulus("stim1", channel, a1, angle1);
        s.stimulus("stim2", channel, a2, angle2);
        s.extra.put(mod + "Strength1", a1);
        s.extra.put(mod + "Strength2", a2);
        s.extra.put(mod + "Coherence", cohA * signA);
        second = !(a1 > a2);
      }
      default -> {
        s.stimulus("stim1", MOD1_COS, a1, angle1);
        s.stimulus("stim2", MOD1_COS, a2, angle2);
        s.stimulus("stim1", MOD2_COS, b1, angle1);
        s.stimulus("stim2", MOD2_COS, b2, angle2);
        s.extra.put("mod1Strength1", a1);
        s.extra.put("mod1Strength2", a2);
        s.extra.put("mod2Strength1", b1);
        s.extra.put("mod2Strength2", b2);
        s.extra.put("mod1Coherence", cohA * signA);
        s.extra.put("mod2Coherence", cohB * signB);
        // numpy's argmax: the first stimulus wins ties.
        second =
            switch (rule) {
              case CONTEXT_INT_MOD1 -> a2 > a1;
              case CONTEXT_INT_MOD2 -> b2 > b1;
              default -> (a2 + b2) > (a1 + b1);
            };
      }
    }
    s.extra.put("chosenStimulus", second ? 2 : 1);
    s.respond(second ? angle2 : angle1, false);
  }

  private void drawMatch(RandomGenerator random, Stimuli s) {
    double sample = gridAngle(random);
    double test;
    boolean respond;
    switch (rule) {
      case MATCH_TO_SAMPLE -> {
        boolean match = random.nextBoolean();
        test = match ? sample : floorMod(sample + Math.toRadians(matchOffsetDeg(random)));
        respond = match;
        s.extra.put("match", match);
      }
      case NON_MATCH_TO_SAMPLE -> {
        boolean opposite = random.nextBoolean();
        test =
            opposite
                ? floorMod(sample + Math.PI)
                : floorMod(sample + Math.PI + Math.toRadians(matchOffsetDeg(random)));
        respond = opposite;
        s.extra.put("match", opposite);
      }
      default -> {
        test = gridAngle(random);
        int sampleCat = sample < 0 ? 1 : 0;
        int testCat = test < 0 ? 1 : 0;
        boolean same = sampleCat == testCat;
        respond = rule == CtdbRule.MATCH_CAT_PRO ? same : !same;
        s.extra.put("match", same);
        s.extra.put("sampleCategory", sampleCat);
        s.extra.put("testCategory", testCat);
      }
    }
    s.stim1Angle = sample;
    s.stim2Angle = test;
    s.stimulus("stim1", MOD1_COS, 1, sample);
    s.stimulus("response", MOD1_COS, 1, test);
    s.responseRequired = respond;
    if (respond) {
      s.respond(test, false);
    } else {
      s.targetAngle = test;
    }
  }

  private static int matchOffsetDeg(RandomGenerator random) {
    return MATCH_OFFSET_LOW_DEG + random.nextInt(MATCH_OFFSET_HIGH_DEG - MATCH_OFFSET_LOW_DEG);
  }

  /** numpy's {@code mod(a, 2π)}: in [0, 2π). */
  static double floorMod(double a) {
    double m = a % (2 * Math.PI);
    if (m < 0) {
      m += 2 * Math.PI;
    }
    return m >= 2 * Math.PI ? 0 : m;
  }

  /** An angle reported in [0, 2π). */
  static double wrap(double a) {
    return floorMod(a);
  }
}
