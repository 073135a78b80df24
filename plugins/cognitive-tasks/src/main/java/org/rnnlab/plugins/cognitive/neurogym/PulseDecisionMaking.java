package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.trial.ChannelLayout;
import org.rnnlab.api.trial.Timing;
import org.rnnlab.api.trial.TrialBuilder;

/**
 * NeuroGym's {@code PulseDecisionMaking} ({@code neurogym/envs/native/perceptualdecisionmaking.py},
 * after Scott et al. 2015): two streams of brief pulses, one per side, in six bins; choose the side
 * with more pulses.
 *
 * <p>Periods, in order: {@code fixation} (default 500 ms), then for each bin {@code i = 0..5} a
 * pulse slot {@code cue<i>} (10 ms) and the rest of the bin {@code bin<i>} (240 ms), then {@code
 * decision} (500 ms); {@code dt} 10 ms. Per trial: the two pulse probabilities {@code pPulse}
 * (default 0.3 and 0.7) are swapped between the sides with probability 1/2, then side 1's six
 * pulses and side 2's six pulses are drawn, each present with its side's probability.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code stimulus-1} and
 * {@code stimulus-2} are 1 during {@code cue<i>} when that side has a pulse in bin {@code i}, 0
 * otherwise. No noise (the source adds none).
 *
 * <p>Targets (classes {@code fixate, choice-1, choice-2}): in the decision period the side with
 * more pulses, 0 elsewhere; on a tie, as in the source, a uniform draw in [−0.1, 0.1) added to side
 * 2's count decides (one side at random). Mask 1 on every step. Metadata: {@code groundTruth} (1 or
 * 2), {@code count1}, {@code count2} (pulses per side), {@code pulses1}, {@code pulses2} (the pulse
 * pattern per side as a string of 0 and 1, bin 0 first), {@code pPulse1} (side 1's pulse
 * probability).
 *
 * <p>Deliberate difference: the number of bins is fixed at the source's default of 6, so that every
 * pulse slot and bin has its own {@code timing} entry as in the source.
 */
@Extension
public final class PulseDecisionMaking implements Task {

  /** The id scripts use. */
  public static final String ID = "pulse-decision-making";

  /** Number of bins (the source's {@code n_bin} default). */
  public static final int BINS = 6;

  /** Period names, in trial order. */
  public static final List<String> PERIODS = periods();

  private static List<String> periods() {
    List<String> names = new ArrayList<>();
    names.add("fixation");
    for (int i = 0; i < BINS; i++) {
      names.add("cue" + i);
      names.add("bin" + i);
    }
    names.add("decision");
    return List.copyOf(names);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's pulse-based decision task: count brief pulses on two sides over six bins"
        + " and choose the side with more";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> periods = new ArrayList<>();
    periods.add(period("fixation", 500, "Fixation before the first bin"));
    for (int i = 0; i < BINS; i++) {
      periods.add(period("cue" + i, 10, "Pulse slot of bin " + i));
      periods.add(period("bin" + i, 240, "Rest of bin " + i + ", without pulses"));
    }
    periods.add(
        period("decision", 500, "Decision period; the side with more pulses is the target"));
    return List.of(
        NeuroGymSupport.dt(10),
        NeuroGymSupport.timing(periods.toArray(ParameterSpec[]::new)),
        ParameterSpec.numbers(
                "pPulse",
                List.of(0.3, 0.7),
                "",
                "Pulse probabilities of the two sides, swapped between sides at random per trial")
            .withRange(0, 1));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, {@code pPulse} does not hold two
   *     probabilities, or the decision period can be shorter than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    double[] pPulse = params.numbers("pPulse");
    boolean valid = pPulse.length == 2;
    for (double p : pPulse) {
      valid &= p >= 0 && p <= 1;
    }
    if (!valid) {
      throw new IllegalArgumentException(
          ID + " needs two pulse probabilities in [0, 1], got " + Arrays.toString(pPulse));
    }
    ChannelLayout in = ChannelLayout.builder().single("fixation").group("stimulus", 2).build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").group("choice", 2).build();
    String[] beforeDecision = PERIODS.subList(0, PERIODS.size() - 1).toArray(String[]::new);
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          boolean swap = random.nextDouble() < 0.5;
          double p1 = swap ? pPulse[1] : pPulse[0];
          double p2 = swap ? pPulse[0] : pPulse[1];
          boolean[] pulses1 = new boolean[BINS];
          boolean[] pulses2 = new boolean[BINS];
          for (int i = 0; i < BINS; i++) {
            pulses1[i] = random.nextDouble() < p1;
          }
          for (int i = 0; i < BINS; i++) {
            pulses2[i] = random.nextDouble() < p2;
          }
          int count1 = count(pulses1);
          int count2 = count(pulses2);
          double jitter = -0.1 + 0.2 * random.nextDouble();
          int groundTruth = count1 < count2 + jitter ? 2 : 1;

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", beforeDecision);
          for (int i = 0; i < BINS; i++) {
            if (pulses1[i]) {
              b.setInput(1f, "stimulus-1", "cue" + i);
            }
            if (pulses2[i]) {
              b.setInput(1f, "stimulus-2", "cue" + i);
            }
          }
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("count1", count1);
          b.metadata("count2", count2);
          b.metadata("pulses1", pattern(pulses1));
          b.metadata("pulses2", pattern(pulses2));
          b.metadata("pPulse1", p1);
          return b.build();
        });
  }

  private static int count(boolean[] pulses) {
    int n = 0;
    for (boolean p : pulses) {
      n += p ? 1 : 0;
    }
    return n;
  }

  private static String pattern(boolean[] pulses) {
    StringBuilder s = new StringBuilder(pulses.length);
    for (boolean p : pulses) {
      s.append(p ? '1' : '0');
    }
    return s.toString();
  }
}
