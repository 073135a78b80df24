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
 * NeuroGym's {@code AntiReach} ({@code neurogym/envs/native/antireach.py}, after Munoz &amp;
 * Everling 2004): a stimulus appears on a ring; reach (or look) to the opposite location, or with
 * {@code anti: false} towards it.
 *
 * <p>Periods, in order: {@code fixation} (default 500 ms), {@code stimulus} (500 ms), {@code delay}
 * (0 ms), {@code decision} (500 ms); {@code dt} 100 ms. Per trial the answer {@code g ∈ 1..dimRing}
 * is drawn uniformly; the stimulus angle is {@code θ_g + π} (anti) or {@code θ_g} (pro), with
 * {@code θ_k = 2π(k−1)/dimRing}.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code stimulus-k} is
 * {@code cos(θ_k − stimulus angle)} (in [−1, 1], no offset) during the stimulus, 0 elsewhere. No
 * noise (the source adds none).
 *
 * <p>Targets (classes {@code fixate, choice-1 … choice-dimRing}): {@code g} in the decision period,
 * 0 elsewhere. Mask 1 on every step. Metadata: {@code groundTruth}, {@code anti}, {@code
 * stimulusAngle}, {@code responseAngle} (rad).
 *
 * <p>Condition: as NeuroGym's {@code new_trial(ground_truth=…)}, the ground truth can be given
 * ({@code groundTruth}, {@code 1..dimRing}) instead of drawn, and the stimulus is then placed for
 * it; without it the trials are the same as ever. Wrappers such as side-bias use this.
 *
 * <p>Differences from the source: none in the trials.
 */
@Extension
public final class AntiReach implements Task {

  /** The id scripts use. */
  public static final String ID = "anti-reach";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's anti-reach task: respond at the ring location opposite the stimulus (or at"
        + " it, with anti false)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 500, "Fixation before the stimulus"),
            period("stimulus", 500, "Stimulus on the ring"),
            period("delay", 0, "Delay before the decision"),
            period("decision", 500, "Decision period; the response location is the target")),
        ParameterSpec.bool(
            "anti", true, "Whether to respond opposite the stimulus (true) or towards it"),
        ParameterSpec.integer("dimRing", 32, "", "Number of ring locations and of choices")
            .withMin(2));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive or the decision period can be shorter
   *     than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    boolean anti = params.bool("anti");
    int dimRing = params.count("dimRing");
    ChannelLayout in =
        ChannelLayout.builder().single("fixation").group("stimulus", dimRing).build();
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
          double response = NeuroGymSupport.ringAngle(groundTruth - 1, dimRing);
          double stimulus = anti ? (response + Math.PI) % (2 * Math.PI) : response;

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "stimulus", "delay");
          b.setInput(NeuroGymSupport.cosine(stimulus, dimRing, 1, 0), "stimulus", "stimulus");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("anti", anti);
          b.metadata("stimulusAngle", stimulus);
          b.metadata("responseAngle", response);
          return b.build();
        });
  }
}
