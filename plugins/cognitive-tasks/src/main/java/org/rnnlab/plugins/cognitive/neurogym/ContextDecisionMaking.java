package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

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
 * NeuroGym's {@code ContextDecisionMaking} ({@code neurogym/envs/native/contextdecisionmaking.py},
 * after Mante et al. 2013): two noisy stimulus modalities (say motion and colour) are shown at
 * once; only the modality the context names decides the choice.
 *
 * <p>Periods, in order: {@code fixation} (default 300 ms), {@code stimulus} (750 ms), {@code delay}
 * (truncated exponential, mean 600, in [300, 3000) ms), {@code decision} (100 ms); {@code dt} 100
 * ms. Per trial, drawn uniformly in this order: the ground truth {@code g ∈ 1..dimRing}, the other
 * modality's direction {@code o ∈ 1..dimRing} (it may equal {@code g}), the context (the relevant
 * modality, 1 or 2; fixed to {@code contextModality} unless {@code explicitContext}), and one
 * coherence per modality from {@code cohs}. The relevant modality points to {@code g}, the other to
 * {@code o}.
 *
 * <p>Inputs ({@code 1 + 2·dimRing [+ 2]} channels):
 *
 * <ul>
 *   <li>{@code fixation}: 1 through fixation, stimulus and delay, 0 in the decision period ({@code
 *       fixationCue: until-decision}, the default); its offset is Mante's go cue;
 *   <li>{@code modality1-k}, {@code modality2-k}: during the stimulus {@code cos(θ_k − θ_d)·c/200 +
 *       0.5 + N(0, sigma/sqrt(dt))} with {@code θ_k = 2π(k−1)/dimRing}, {@code d} the modality's
 *       direction and {@code c} its coherence (%); 0 elsewhere;
 *   <li>{@code context-1}, {@code context-2} (only with {@code explicitContext}): the relevant
 *       modality's channel is 1 for the whole trial, as in the source.
 * </ul>
 *
 * <p>Targets (classes {@code fixate, choice-1 … choice-dimRing}): {@code g} in the decision period,
 * 0 elsewhere. Mask 1 on every step. Metadata: {@code groundTruth}, {@code context} (relevant
 * modality, 1 or 2), {@code direction1}, {@code direction2} (the choice each modality points to),
 * {@code coherence1}, {@code coherence2} (%).
 *
 * <p>Condition: as NeuroGym's {@code new_trial(ground_truth=…)}, the ground truth can be given
 * ({@code groundTruth}, {@code 1..dimRing}) instead of drawn, and the relevant modality then points
 * to it; without it the trials are the same as ever. Wrappers such as side-bias use this.
 *
 * <p>Deliberate difference: in the source the fixation input is 1 during the fixation period only,
 * so with a random delay the network cannot know when to answer (NeuroGym issue #279). Here it
 * stays on until the decision period, as in Mante et al.; {@code fixationCue: fixation-period}
 * restores the source's behaviour. The source's {@code impl_context_modality} (0 or 1) is {@code
 * contextModality} (1 or 2) here.
 */
@Extension
public final class ContextDecisionMaking implements Task {

  /** The id scripts use. */
  public static final String ID = "context-decision-making";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");

  /** {@code fixationCue}: fixation input on until the decision period (Mante's go cue). */
  public static final String UNTIL_DECISION = "until-decision";

  /** {@code fixationCue}: fixation input on during the fixation period only (the source). */
  public static final String FIXATION_PERIOD = "fixation-period";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's context-dependent decision-making task (Mante 2013): report the direction"
        + " of the modality the context names, ignoring the other";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 300, "Fixation before the stimulus"),
            period(
                "stimulus",
                750,
                "Both modalities shown, each with its own direction and coherence"),
            period(
                "delay",
                Timing.truncatedExponential(600, 300, 3000),
                "Delay between the stimulus and the decision"),
            period("decision", 100, "Decision period; the choice is the target")),
        ParameterSpec.numbers(
                "cohs", List.of(5.0, 15.0, 50.0), "%", "Coherences, drawn per modality per trial")
            .withMin(0),
        NeuroGymSupport.sigma(),
        NeuroGymSupport.dimRing("Number of directions per modality and of choices"),
        ParameterSpec.bool(
            "explicitContext",
            false,
            "Whether the relevant modality is drawn per trial and signalled on two context inputs"
                + " (NeuroGym use_expl_context)"),
        ParameterSpec.integer(
                "contextModality",
                1,
                "",
                "The relevant modality when the context is implicit (NeuroGym"
                    + " impl_context_modality + 1)")
            .withRange(1, 2),
        ParameterSpec.choice(
            "fixationCue",
            UNTIL_DECISION,
            List.of(UNTIL_DECISION, FIXATION_PERIOD),
            "When the fixation input is on: '"
                + UNTIL_DECISION
                + "' (Mante 2013: its offset is the go cue) or '"
                + FIXATION_PERIOD
                + "' (NeuroGym's source, issue #279)"));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, {@code cohs} is empty or negative, or
   *     the decision period can be shorter than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    double[] cohs = NeuroGymSupport.nonNegative(ID, "cohs", params.numbers("cohs"));
    double noise = params.number("sigma") / Math.sqrt(dt);
    int dimRing = params.count("dimRing");
    boolean explicit = params.bool("explicitContext");
    int fixedContext = params.count("contextModality");
    boolean goCue = params.string("fixationCue").equals(UNTIL_DECISION);

    ChannelLayout.Builder inBuilder =
        ChannelLayout.builder()
            .single("fixation")
            .group("modality1", dimRing)
            .group("modality2", dimRing);
    if (explicit) {
      inBuilder.group("context", 2);
    }
    ChannelLayout in = inBuilder.build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").group("choice", dimRing).build();
    return NeuroGymSupport.instance(
        ID,
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        dimRing,
        (random, given) -> {
          int groundTruth = given != null ? given : 1 + random.nextInt(dimRing);
          int other = 1 + random.nextInt(dimRing);
          int context = explicit ? 1 + random.nextInt(2) : fixedContext;
          double coh1 = cohs[random.nextInt(cohs.length)];
          double coh2 = cohs[random.nextInt(cohs.length)];
          int direction1 = context == 1 ? groundTruth : other;
          int direction2 = context == 1 ? other : groundTruth;

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          if (goCue) {
            b.setInput(1f, "fixation", "fixation", "stimulus", "delay");
          } else {
            b.setInput(1f, "fixation", "fixation");
          }
          b.setInput(
              NeuroGymSupport.cosine(
                  NeuroGymSupport.ringAngle(direction1 - 1, dimRing), dimRing, coh1 / 200, 0.5),
              "modality1",
              "stimulus");
          b.setInput(
              NeuroGymSupport.cosine(
                  NeuroGymSupport.ringAngle(direction2 - 1, dimRing), dimRing, coh2 / 200, 0.5),
              "modality2",
              "stimulus");
          b.addNoise(noise, random, "modality1", "stimulus");
          b.addNoise(noise, random, "modality2", "stimulus");
          if (explicit) {
            b.setInput(1f, "context-" + context);
          }
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("context", context);
          b.metadata("direction1", direction1);
          b.metadata("direction2", direction2);
          b.metadata("coherence1", coh1);
          b.metadata("coherence2", coh2);
          return b.build();
        });
  }
}
