package org.rnnlab.plugins.cognitive.yang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.ChannelLayout;
import org.rnnlab.api.trial.RingCoding;
import org.rnnlab.api.trial.TrialBuilder;

/**
 * Trial generator shared by the 20 Yang et al. 2019 task components, following gyyang/multitask's
 * {@code task.py} in its default {@code 'random'} mode and its {@code lsq} loss.
 *
 * <p>Coding. Inputs (85): {@code fixation} (1), ring {@code mod1} (32), ring {@code mod2} (32),
 * one-hot {@code rule} (20, canonical order, on for the whole trial). A stimulus at angle θ with
 * strength s adds {@code s·0.8·exp(−(d/(π/8))²/2)} to its ring (two stimuli on one ring add up).
 * Outputs (33, continuous): {@code fixation} and the {@code response} ring. Every target rests at
 * 0.05; the fixation target is 0.8 while the network must fixate; while it must respond the ring
 * target is {@code 0.05 + 0.8·exp(−(d/(π/8))²/2)} around the response angle (the source adds the
 * bump to the 0.05 baseline).
 *
 * <p>Epochs are named as the source names them: {@code fix1}, {@code stim1}, {@code delay1}, {@code
 * stim2}, {@code delay2}, {@code go1}. The response epoch is always {@code go1}, the last period;
 * {@code responseStartStep} in the metadata is its first step. Every duration is drawn in ms and
 * floored to the step grid per epoch (the source's {@code int(ms/dt)} per epoch).
 *
 * <p>Cost mask (per step): 0 for the first {@code floor(100/dt)} steps, 1 from there to the start
 * of {@code go1}, 0 for the first 100 ms of {@code go1} (the source starts its post-response cost
 * at {@code check_ons = fix_offs + int(100/dt)}), then 5 to the end of the trial. The source also
 * multiplies the fixation output's cost by 2: the per-step {@link Trial#mask()} cannot carry a
 * per-channel factor, so it is given by {@link #outputWeights()} ({@code [2, 1, …, 1]}), which
 * losses that support output weights apply, and recorded in every trial's metadata as {@code
 * fixationOutputWeight}.
 *
 * <p>Input noise: N(0, (σ_x·√(2/α))²) with α = dt/τ, added to every input channel at every step
 * (the source adds it to the whole input array, rule and fixation inputs included). All trial
 * parameters are drawn before the noise, so for one seed the durations (in ms), angles and
 * strengths do not depend on dt.
 */
final class YangTaskEngine implements OpenLoopTask {

  static final int RING = 32;
  static final int RULES = YangRule.values().length;
  static final ChannelLayout INPUTS =
      ChannelLayout.builder()
          .single("fixation")
          .group("mod1", RING)
          .group("mod2", RING)
          .group("rule", RULES)
          .build();
  static final ChannelLayout OUTPUTS =
      ChannelLayout.builder().single("fixation").group("response", RING).build();

  static final float TARGET_REST = 0.05f;
  static final float TARGET_FIXATE = 0.8f;
  static final double BUMP_AMPLITUDE = 0.8;
  static final double BUMP_WIDTH = Math.PI / 8;
  static final double MASK_START_MS = 100;
  static final double CHECK_DELAY_MS = 100;
  static final float MASK_BEFORE_RESPONSE = 1f;
  static final float MASK_AFTER_RESPONSE = 5f;
  static final float FIXATION_OUTPUT_WEIGHT = 2f;
  static final double RESPONSE_MS = 500;
  static final String RESPONSE_PERIOD = "go1";

  /** Coherences of the DM and context-DM tasks. */
  private static final double[] COH_DM = {0.01, 0.02, 0.04, 0.08};

  /** Coherences of the delayed DM tasks. */
  private static final double[] COH_DELAY_DM = {0.08, 0.16, 0.32};

  /** Stimulus angles of the DMC tasks, in units of π; category 1 is below π. */
  private static final double[] DMC_ANGLES = {0.1, 0.3, 0.5, 0.7, 0.9, 1.1, 1.3, 1.5, 1.7, 1.9};

  private final YangRule rule;
  private final double dt;
  private final double inputNoiseStd;

  YangTaskEngine(YangRule rule, double dtMs, double tauMs, double sigmaX) {
    if (!(dtMs > 0) || !(tauMs > 0) || !(sigmaX >= 0)) {
      throw new IllegalArgumentException(
          "need dt > 0, tau > 0 and sigmaX >= 0, got dt "
              + dtMs
              + ", tau "
              + tauMs
              + ", sigmaX "
              + sigmaX);
    }
    this.rule = rule;
    this.dt = dtMs;
    double alpha = dtMs / tauMs;
    this.inputNoiseStd = sigmaX * Math.sqrt(2 / alpha);
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

  /** Yang's fixation ×2 on the cost: {@code [2, 1, …, 1]} over the 33 outputs. */
  @Override
  public float[] outputWeights() {
    float[] w = new float[OUTPUTS.size()];
    Arrays.fill(w, 1f);
    w[OUTPUTS.index("fixation")] = FIXATION_OUTPUT_WEIGHT;
    return w;
  }

  /** The standard deviation of the input noise, σ_x·√(2/α). */
  double inputNoiseStd() {
    return inputNoiseStd;
  }

  // ------------------------------------------------------------------ one trial

  /**
   * A stimulus on one ring from the start of {@code on} to the start of {@code off} (or the end).
   */
  private record Stimulus(int modality, double angle, double strength, String on, String off) {}

  /** Everything random about one trial, drawn before any array is filled. */
  private static final class Plan {
    final Map<String, Double> periodsMs = new LinkedHashMap<>();
    final List<Stimulus> stimuli = new ArrayList<>();
    final Map<String, Object> facts = new LinkedHashMap<>();

    /** Whether the fixation input stays on during the response epoch (RT, DMS and DMC tasks). */
    boolean fixationInputThroughout;

    /** Whether the network must respond (false: keep fixating to the end). */
    boolean respond = true;

    double responseAngle;

    void period(String name, double ms) {
      periodsMs.put(name, ms);
    }
  }

  @Override
  public Trial newTrial(RandomGenerator random) {
    Plan plan = plan(random);
    TrialBuilder b = new TrialBuilder(dt, INPUTS, OUTPUTS, TargetKind.CONTINUOUS);
    plan.periodsMs.forEach(b::period);
    int steps = b.steps();
    Period response = b.period(RESPONSE_PERIOD);
    int go = response.startStep();

    // inputs
    float[][] x = b.inputs();
    int fixIn = INPUTS.index("fixation");
    int fixInEnd = plan.fixationInputThroughout ? steps : go;
    for (int t = 0; t < fixInEnd; t++) {
      x[t][fixIn] = 1f;
    }
    for (Stimulus s : plan.stimuli) {
      float[] bump = RingCoding.gaussianBump(s.angle(), RING, BUMP_AMPLITUDE, BUMP_WIDTH);
      int[] ch = INPUTS.indices("mod" + s.modality());
      int from = b.period(s.on()).startStep();
      int to = s.off() == null ? steps : b.period(s.off()).startStep();
      for (int t = from; t < to; t++) {
        for (int k = 0; k < RING; k++) {
          x[t][ch[k]] += (float) (s.strength() * bump[k]);
        }
      }
    }
    int ruleChannel = INPUTS.indices("rule")[rule.index()];
    for (int t = 0; t < steps; t++) {
      x[t][ruleChannel] = 1f;
    }

    // targets
    float[][] y = b.targets();
    for (float[] row : y) {
      Arrays.fill(row, TARGET_REST);
    }
    int fixOut = OUTPUTS.index("fixation");
    int fixOutEnd = plan.respond ? go : steps;
    for (int t = 0; t < fixOutEnd; t++) {
      y[t][fixOut] = TARGET_FIXATE;
    }
    if (plan.respond) {
      float[] bump = RingCoding.gaussianBump(plan.responseAngle, RING, BUMP_AMPLITUDE, BUMP_WIDTH);
      int[] ch = OUTPUTS.indices("response");
      for (int t = go; t < steps; t++) {
        for (int k = 0; k < RING; k++) {
          y[t][ch[k]] = TARGET_REST + bump[k];
        }
      }
    }

    // cost mask
    float[] mask = b.maskArray();
    int maskStart = gridSteps(MASK_START_MS);
    int check = Math.min(steps, go + gridSteps(CHECK_DELAY_MS));
    Arrays.fill(mask, 0f);
    for (int t = check; t < steps; t++) {
      mask[t] = MASK_AFTER_RESPONSE;
    }
    for (int t = maskStart; t < go; t++) {
      mask[t] = MASK_BEFORE_RESPONSE;
    }

    // metadata
    b.metadata("rule", rule.name);
    b.metadata("sourceRule", rule.sourceName);
    b.metadata("ruleIndex", rule.index());
    b.metadata("fixate", !plan.respond);
    b.metadata("targetAngle", plan.respond ? plan.responseAngle : -1.0);
    b.metadata("responseStartStep", go);
    plan.facts.forEach(b::metadata);
    b.metadata("fixationOutputWeight", (double) FIXATION_OUTPUT_WEIGHT);

    // input noise, drawn last so that the trial's parameters do not depend on dt
    if (inputNoiseStd > 0) {
      for (float[] row : x) {
        for (int c = 0; c < row.length; c++) {
          row[c] += (float) (inputNoiseStd * random.nextGaussian());
        }
      }
    }
    return b.build();
  }

  /** {@code floor(ms/dt)} with the same slack as {@link TrialBuilder}. */
  private int gridSteps(double ms) {
    return (int) Math.floor(ms / dt * (1 + 1e-9));
  }

  private Plan plan(RandomGenerator r) {
    Plan p = new Plan();
    switch (rule.family) {
      case GO -> planGo(p, r);
      case REACTION_GO -> planReactionGo(p, r);
      case DELAY_GO -> planDelayGo(p, r);
      case DM -> planDm(p, r, false);
      case DELAY_DM -> planDm(p, r, true);
      case CONTEXT_DM -> planContextDm(p, r, false);
      case CONTEXT_DELAY_DM -> planContextDm(p, r, true);
      case MATCH_SAMPLE -> planMatch(p, r, false);
      case MATCH_CATEGORY -> planMatch(p, r, true);
      default -> throw new IllegalStateException("unknown family " + rule.family);
    }
    return p;
  }

  /** fdgo/fdanti: fix1 U(300,700), stim1 U(500,1500) with the stimulus on to the end, go1 500. */
  private void planGo(Plan p, RandomGenerator r) {
    double angle = uniform(r, 0, 2 * Math.PI);
    int modality = 1 + r.nextInt(2);
    p.period("fix1", uniform(r, 300, 700));
    p.period("stim1", uniform(r, 500, 1500));
    p.period(RESPONSE_PERIOD, RESPONSE_MS);
    p.stimuli.add(new Stimulus(modality, angle, 1, "stim1", null));
    singleStimulusResponse(p, angle, modality);
  }

  /** reactgo/reactanti: fix1 U(500,2500), then the stimulus (the go cue) and go1 500. */
  private void planReactionGo(Plan p, RandomGenerator r) {
    double angle = uniform(r, 0, 2 * Math.PI);
    int modality = 1 + r.nextInt(2);
    p.period("fix1", uniform(r, 500, 2500));
    p.period(RESPONSE_PERIOD, RESPONSE_MS);
    p.stimuli.add(new Stimulus(modality, angle, 1, RESPONSE_PERIOD, null));
    p.fixationInputThroughout = true;
    singleStimulusResponse(p, angle, modality);
  }

  /** delaygo/delayanti: fix1 {300,500,700}, stim1 {200,400,600}, delay1 {200,…,1600}, go1 500. */
  private void planDelayGo(Plan p, RandomGenerator r) {
    double angle = uniform(r, 0, 2 * Math.PI);
    int modality = 1 + r.nextInt(2);
    p.period("fix1", choice(r, 300, 500, 700));
    p.period("stim1", choice(r, 200, 400, 600));
    p.period("delay1", choice(r, 200, 400, 800, 1600));
    p.period(RESPONSE_PERIOD, RESPONSE_MS);
    p.stimuli.add(new Stimulus(modality, angle, 1, "stim1", "delay1"));
    singleStimulusResponse(p, angle, modality);
  }

  private void singleStimulusResponse(Plan p, double angle, int modality) {
    p.responseAngle = rule.anti ? (angle + Math.PI) % (2 * Math.PI) : angle;
    p.facts.put("stimAngle", angle);
    p.facts.put("stimModality", modality);
  }

  /** Two stimulus angles 90°–270° apart, as the DM tasks draw them. */
  private static double[] dmAngles(RandomGenerator r) {
    double distance = uniform(r, 0.5 * Math.PI, 1.5 * Math.PI) * sign(r);
    double first = uniform(r, 0, 2 * Math.PI);
    double second = mod2Pi(first + distance);
    return new double[] {first, second};
  }

  /** The source's {@code contextdm_genstim}: mean U(0.8,1.2) ± a coherence from {@code cohs}. */
  private static double[] strengths(RandomGenerator r, double[] cohs) {
    double mean = uniform(r, 0.8, 1.2);
    double coh = choice(r, cohs);
    double sign = sign(r);
    return new double[] {mean + coh * sign, mean - coh * sign};
  }

  /** Timing of the DM tasks (delayed or not); the response epoch is go1. */
  private static void dmTiming(Plan p, RandomGenerator r, boolean delayed) {
    if (delayed) {
      p.period("fix1", choice(r, 200, 400, 600));
      p.period("stim1", choice(r, 200, 400, 600));
      p.period("delay1", choice(r, 200, 400, 800, 1600));
      p.period("stim2", choice(r, 200, 400, 600));
      p.period("delay2", uniform(r, 100, 300));
    } else {
      p.period("fix1", uniform(r, 100, 400));
      p.period("stim1", choice(r, 400, 800, 1600));
    }
    p.period(RESPONSE_PERIOD, RESPONSE_MS);
  }

  /** The epochs of stimulus 1 and 2: together in stim1, or stim1 then stim2. */
  private static String[][] dmWindows(boolean delayed) {
    return delayed
        ? new String[][] {{"stim1", "delay1"}, {"stim2", "delay2"}}
        : new String[][] {{"stim1", RESPONSE_PERIOD}, {"stim1", RESPONSE_PERIOD}};
  }

  /** dm1/dm2 and delaydm1/delaydm2: choose the stronger of two stimuli on one ring. */
  private void planDm(Plan p, RandomGenerator r, boolean delayed) {
    double[] angles = dmAngles(r);
    double[] s = strengths(r, delayed ? COH_DELAY_DM : COH_DM);
    dmTiming(p, r, delayed);
    String[][] w = dmWindows(delayed);
    p.stimuli.add(new Stimulus(rule.modality, angles[0], s[0], w[0][0], w[0][1]));
    p.stimuli.add(new Stimulus(rule.modality, angles[1], s[1], w[1][0], w[1][1]));
    p.responseAngle = s[0] > s[1] ? angles[0] : angles[1];
    p.facts.put("modality", rule.modality);
    p.facts.put("stim1Angle", angles[0]);
    p.facts.put("stim2Angle", angles[1]);
    p.facts.put("stim1Strength", s[0]);
    p.facts.put("stim2Strength", s[1]);
  }

  /**
   * contextdm1/2, multidm and their delayed versions: both stimuli appear on both rings. The
   * context tasks draw each ring's strengths independently and answer by the attended ring; the
   * multisensory tasks split each stimulus's strength between the rings and answer by the sum.
   */
  private void planContextDm(Plan p, RandomGenerator r, boolean delayed) {
    double[] angles = dmAngles(r);
    double[] cohs = delayed ? COH_DELAY_DM : COH_DM;
    double[] mod1;
    double[] mod2;
    if (rule.attend != 0) {
      mod1 = strengths(r, cohs);
      mod2 = strengths(r, cohs);
    } else {
      double[] total = strengths(r, cohs);
      double split1 = total[0] * uniform(r, 0.2, 0.8) * sign(r);
      double split2 = total[1] * uniform(r, 0.2, 0.8) * sign(r);
      mod1 = new double[] {total[0] + split1 / 2, total[1] + split2 / 2};
      mod2 = new double[] {total[0] - split1 / 2, total[1] - split2 / 2};
    }
    dmTiming(p, r, delayed);
    String[][] w = dmWindows(delayed);
    for (int i = 0; i < 2; i++) {
      p.stimuli.add(new Stimulus(1, angles[i], mod1[i], w[i][0], w[i][1]));
      p.stimuli.add(new Stimulus(2, angles[i], mod2[i], w[i][0], w[i][1]));
    }
    double first;
    double second;
    switch (rule.attend) {
      case 1 -> {
        first = mod1[0];
        second = mod1[1];
      }
      case 2 -> {
        first = mod2[0];
        second = mod2[1];
      }
      default -> {
        first = mod1[0] + mod2[0];
        second = mod1[1] + mod2[1];
      }
    }
    p.responseAngle = first > second ? angles[0] : angles[1];
    p.facts.put("attend", rule.attend);
    p.facts.put("stim1Angle", angles[0]);
    p.facts.put("stim2Angle", angles[1]);
    p.facts.put("stim1Mod1Strength", mod1[0]);
    p.facts.put("stim2Mod1Strength", mod1[1]);
    p.facts.put("stim1Mod2Strength", mod2[0]);
    p.facts.put("stim2Mod2Strength", mod2[1]);
  }

  /**
   * dmsgo/dmsnogo and dmcgo/dmcnogo: sample, delay, then the test stimulus stays on through go1
   * (500 ms for DMS, 200/400/600 ms for DMC). Respond to the test's location on a match (DMS, DMC)
   * or a non-match (DNMS, DNMC), else keep fixating; the fixation input stays on throughout.
   */
  private void planMatch(Plan p, RandomGenerator r, boolean category) {
    int modality1 = 1 + r.nextInt(2);
    int modality2 = 1 + r.nextInt(2);
    double sample;
    double test;
    boolean match;
    if (category) {
      sample = choice(r, DMC_ANGLES) * Math.PI;
      test = choice(r, DMC_ANGLES) * Math.PI;
      match = (sample < Math.PI) == (test < Math.PI);
    } else {
      match = r.nextBoolean();
      double distance = uniform(r, Math.PI / 9, 17 * Math.PI / 9) * sign(r);
      sample = uniform(r, 0, 2 * Math.PI);
      test = match ? sample : mod2Pi(sample + distance);
    }
    p.period("fix1", choice(r, 200, 400, 600));
    p.period("stim1", choice(r, 200, 400, 600));
    p.period("delay1", choice(r, 200, 400, 800, 1600));
    p.period(RESPONSE_PERIOD, category ? choice(r, 200, 400, 600) : RESPONSE_MS);
    p.stimuli.add(new Stimulus(modality1, sample, 1, "stim1", "delay1"));
    p.stimuli.add(new Stimulus(modality2, test, 1, RESPONSE_PERIOD, null));
    p.fixationInputThroughout = true;
    p.respond = match != rule.matchNoGo;
    p.responseAngle = test;
    p.facts.put("stim1Angle", sample);
    p.facts.put("stim2Angle", test);
    p.facts.put("stim1Modality", modality1);
    p.facts.put("stim2Modality", modality2);
    p.facts.put("match", match);
  }

  // ------------------------------------------------------------------ draws

  /** Uniform on [low, high), as numpy's {@code uniform}. */
  private static double uniform(RandomGenerator r, double low, double high) {
    return low + (high - low) * r.nextDouble();
  }

  private static double choice(RandomGenerator r, double... values) {
    return values[r.nextInt(values.length)];
  }

  private static double sign(RandomGenerator r) {
    return r.nextBoolean() ? 1 : -1;
  }

  private static double mod2Pi(double angle) {
    double a = angle % (2 * Math.PI);
    return a < 0 ? a + 2 * Math.PI : a;
  }
}
