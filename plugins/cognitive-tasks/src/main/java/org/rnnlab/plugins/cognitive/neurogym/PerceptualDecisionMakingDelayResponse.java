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
 * NeuroGym's {@code PerceptualDecisionMakingDelayResponse} ({@code
 * neurogym/envs/native/perceptualdecisionmaking.py}, after Inagaki et al. 2019): report which of
 * two noisy stimuli was stronger after a delay of random length.
 *
 * <p>Periods, in order: {@code fixation} (default 0 ms), {@code stimulus} (1150 ms), {@code delay}
 * (one of 300, 500, 700, 900, 1200, 2000, 3200, 4000 ms), {@code decision} (1500 ms); {@code dt}
 * 100 ms. Per trial, drawn uniformly in this order: the ground truth {@code g ∈ {1, 2}} and the
 * coherence {@code c} from {@code cohs × stimScale}.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision} (its offset is the go
 * cue); during the stimulus {@code stimulus-g} is {@code (1 + c/100)/2} and the other channel
 * {@code (1 − c/100)/2}, each plus N(0, sigma/sqrt(dt)); 0 elsewhere.
 *
 * <p>Targets (classes {@code fixate, choice-1, choice-2}): {@code g} in the decision period, 0
 * elsewhere. Mask 1 on every step. Metadata: {@code groundTruth}, {@code coherence} (%, scaled).
 *
 * <p>Condition: as NeuroGym's {@code new_trial(ground_truth=…)}, the ground truth can be given
 * ({@code groundTruth}, 1 or 2) instead of drawn, and the coherence is still drawn; without it the
 * trials are the same as ever. Wrappers such as side-bias use this.
 *
 * <p>Differences from the source: none in the trials.
 */
@Extension
public final class PerceptualDecisionMakingDelayResponse implements Task {

  /** The id scripts use. */
  public static final String ID = "perceptual-decision-making-delay-response";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's perceptual decision making with a delayed response: report the stronger of"
        + " two noisy stimuli after a random delay";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 0, "Fixation before the stimulus"),
            period("stimulus", 1150, "Stimulus"),
            period(
                "delay",
                Timing.choice(300, 500, 700, 900, 1200, 2000, 3200, 4000),
                "Delay before the decision"),
            period("decision", 1500, "Decision period; the stronger stimulus is the target")),
        ParameterSpec.numbers(
                "cohs",
                List.of(0.0, 6.4, 12.8, 25.6, 51.2),
                "%",
                "Coherences before scaling, drawn uniformly per trial")
            .withMin(0),
        ParameterSpec.number(
                "stimScale", 1.0, "", "Factor on the coherences; sets the task's difficulty")
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
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    double[] cohs = NeuroGymSupport.nonNegative(ID, "cohs", params.numbers("cohs"));
    double scale = params.number("stimScale");
    for (int i = 0; i < cohs.length; i++) {
      cohs[i] *= scale;
    }
    double noise = params.number("sigma") / Math.sqrt(dt);
    ChannelLayout in = ChannelLayout.builder().single("fixation").group("stimulus", 2).build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").group("choice", 2).build();
    return NeuroGymSupport.instance(
        ID,
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        2,
        (random, given) -> {
          int groundTruth = given != null ? given : 1 + random.nextInt(2);
          double coherence = cohs[random.nextInt(cohs.length)];
          float[] stimulus = new float[2];
          stimulus[groundTruth - 1] = (float) ((1 + coherence / 100) / 2);
          stimulus[2 - groundTruth] = (float) ((1 - coherence / 100) / 2);

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "stimulus", "delay");
          b.setInput(stimulus, "stimulus", "stimulus");
          b.addNoise(noise, random, "stimulus", "stimulus");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("coherence", coherence);
          return b.build();
        });
  }
}
