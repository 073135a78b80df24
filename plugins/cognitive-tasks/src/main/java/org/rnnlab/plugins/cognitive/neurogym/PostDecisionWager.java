package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.List;
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
 * NeuroGym's {@code PostDecisionWager} ({@code neurogym/envs/native/postdecisionwager.py}, after
 * Kiani and Shadlen 2009): a noisy two-direction motion stimulus, a delay and a decision; on half
 * of the trials a sure-target cue appears during the delay, offering a smaller safe reward.
 *
 * <p>Periods, in order: {@code fixation} (default 100 ms), {@code stimulus} (truncated exponential,
 * mean 180, in [100, 900) ms), {@code preSure} (uniform in [500, 750) ms), {@code delay} (the rest
 * of the delay), {@code decision} (100 ms); {@code dt} 100 ms. The whole delay from the stimulus
 * offset to the decision is drawn from {@code timing.delay} (truncated exponential, mean 1350, in
 * [1200, 1800) ms); {@code preSure} is its first part, before the sure cue can appear, and is cut
 * to the whole delay if longer. Per trial, drawn uniformly in this order: wager or not (1/2 each),
 * the ground truth {@code g ∈ {1, 2}}, the coherence from {@code cohs} (default 0, 3.2, 6.4, 12.8,
 * 25.6, 51.2 %); then the timings fixation, stimulus, delay, pre-sure, decision.
 *
 * <p>Inputs:
 *
 * <ul>
 *   <li>{@code fixation}: 1 in every period except {@code decision};
 *   <li>{@code stimulus-k} (k = 1, 2): during the stimulus {@code cos(θ_k − θ_g)·c/200 + 0.5} with
 *       {@code θ_k = π(k−1)};
 *   <li>{@code sure}: 1 in {@code delay} and {@code decision} on wager trials, 0 otherwise;
 *   <li>during the stimulus, every channel (fixation and sure too, as in the source) gets noise
 *       {@code N(0, sigma/sqrt(dt))}.
 * </ul>
 *
 * <p>Targets (classes {@code fixate, choice-1, choice-2, sure}): {@code g} in the decision period,
 * 0 elsewhere; the sure option is never the target, as in the source's ground truth. Mask 1 on
 * every step. Metadata: {@code groundTruth} ({@code g}), {@code wager} (boolean), {@code coherence}
 * (%).
 *
 * <p>Condition: as NeuroGym's {@code new_trial(ground_truth=…)}, the ground truth can be given
 * ({@code groundTruth}, 1 or 2, never the sure option) instead of drawn, and wager and coherence
 * are still drawn; without it the trials are the same as ever. Wrappers such as side-bias use this.
 *
 * <p>Deliberate differences: the source adds a {@code pre_sure} period on wager trials only,
 * overlapping its delay; here {@code preSure} is drawn on every trial and splits the delay into two
 * periods, so periods do not overlap and every trial has the same periods (the inputs and targets
 * are the same). The source's {@code dim_ring} is not a parameter: its observation and action
 * spaces only work with two directions. Rewards, including the sure reward (0.7 of a correct one),
 * are not modelled (supervised).
 */
@Extension
public final class PostDecisionWager implements Task {

  /** The id scripts use. */
  public static final String ID = "post-decision-wager";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "stimulus", "preSure", "delay", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's post-decision wagering task (Kiani & Shadlen 2009): report the motion"
        + " direction after a delay; on half the trials a sure target is offered";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 100, "Fixation before the stimulus"),
            period("stimulus", Timing.truncatedExponential(180, 100, 900), "Noisy motion stimulus"),
            period(
                "preSure",
                Timing.uniform(500, 750),
                "Start of the delay, before the sure cue can appear"),
            period(
                "delay",
                Timing.truncatedExponential(1350, 1200, 1800),
                "Whole delay from the stimulus offset to the decision, pre-sure part included"),
            period("decision", 100, "Decision period; the direction is the target")),
        ParameterSpec.numbers(
                "cohs",
                List.of(0.0, 3.2, 6.4, 12.8, 25.6, 51.2),
                "%",
                "Motion coherences, one drawn per trial")
            .withMin(0),
        NeuroGymSupport.sigma());
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, {@code cohs} is empty or negative, or
   *     the decision period can be shorter than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Parameters group = params.group("timing");
    Timing fixation = group.timing("fixation");
    Timing stimulus = group.timing("stimulus");
    Timing preSure = group.timing("preSure");
    Timing delay = group.timing("delay");
    Timing decision = group.timing("decision");
    NeuroGymSupport.requireResponseStep(
        ID, NeuroGymSupport.timings(params, "decision"), "decision", dt);
    double[] cohs = NeuroGymSupport.nonNegative(ID, "cohs", params.numbers("cohs"));
    double noise = params.number("sigma") / Math.sqrt(dt);
    ChannelLayout in =
        ChannelLayout.builder().single("fixation").group("stimulus", 2).single("sure").build();
    ChannelLayout out =
        ChannelLayout.builder().single("fixate").group("choice", 2).single("sure").build();
    return NeuroGymSupport.instance(
        ID,
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        2,
        (random, given) -> {
          boolean wager = random.nextBoolean();
          int groundTruth = given != null ? given : 1 + random.nextInt(2);
          double coh = cohs[random.nextInt(cohs.length)];

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.period("fixation", fixation, random);
          b.period("stimulus", stimulus, random);
          double start = b.endMs("stimulus");
          double delayMs = b.floorToDt(delay.sampleMs(random, start));
          double preSureMs = Math.min(delayMs, b.floorToDt(preSure.sampleMs(random, start)));
          b.period("preSure", preSureMs);
          b.period("delay", delayMs - preSureMs);
          b.period("decision", decision, random);

          b.setInput(1f, "fixation", "fixation", "stimulus", "preSure", "delay");
          b.setInput(
              NeuroGymSupport.cosine(
                  NeuroGymSupport.ringAngle(groundTruth - 1, 2), 2, coh / 200, 0.5),
              "stimulus",
              "stimulus");
          if (wager) {
            b.setInput(1f, "sure", "delay", "decision");
          }
          b.addNoise(noise, random, "fixation", "stimulus");
          b.addNoise(noise, random, "stimulus", "stimulus");
          b.addNoise(noise, random, "sure", "stimulus");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("wager", wager);
          b.metadata("coherence", coh);
          return b.build();
        });
  }
}
