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
 * NeuroGym's {@code MultiSensoryIntegration} ({@code neurogym/envs/native/multisensory.py}): two
 * modalities point to the same direction, each with part of the evidence; integrate both.
 *
 * <p>Periods, in order: {@code fixation} (default 300 ms), {@code stimulus} (750 ms), {@code
 * decision} (100 ms); {@code dt} 100 ms. Per trial, in this order: the ground truth {@code g ∈
 * 1..dimRing} and the total coherence {@code c} (from {@code cohs}) uniformly, and the proportion
 * {@code p} uniform in [0, 1); modality 1 gets coherence {@code c·p}, modality 2 {@code c·(1−p)}.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code modality1-k} and
 * {@code modality2-k} are {@code cos(θ_k − θ_g)·c_m/200 + 0.5} during the stimulus ({@code θ_k =
 * 2π(k−1)/dimRing}), 0 elsewhere. As in the source, noise N(0, sigma/sqrt(dt)) is added to every
 * channel, fixation included, during the stimulus.
 *
 * <p>Targets (classes {@code fixate, choice-1 … choice-dimRing}): {@code g} in the decision period,
 * 0 elsewhere. Mask 1 on every step. Metadata: {@code groundTruth}, {@code coherence} ({@code c},
 * %), {@code proportion} ({@code p}), {@code coherence1}, {@code coherence2} (%).
 *
 * <p>Condition: as NeuroGym's {@code new_trial(ground_truth=…)}, the ground truth can be given
 * ({@code groundTruth}, {@code 1..dimRing}) instead of drawn, and both modalities then point to it;
 * without it the trials are the same as ever. Wrappers such as side-bias use this.
 *
 * <p>Differences from the source: none in the trials (the source's ground truth is 0-based and
 * mapped to the choice actions 1..dimRing; here it is the class index directly). The source notes
 * that it is unfinished and that both modalities always point the same way; this is kept.
 */
@Extension
public final class MultiSensoryIntegration implements Task {

  /** The id scripts use. */
  public static final String ID = "multisensory-integration";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "stimulus", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's multisensory integration task: report the direction two modalities share,"
        + " each carrying part of the evidence";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 300, "Fixation before the stimulus"),
            period("stimulus", 750, "Both modalities shown"),
            period("decision", 100, "Decision period; the direction is the target")),
        ParameterSpec.numbers(
                "cohs",
                List.of(5.0, 15.0, 50.0),
                "%",
                "Total coherences, drawn per trial and split between the modalities")
            .withMin(0),
        NeuroGymSupport.sigma(),
        NeuroGymSupport.dimRing("Number of directions per modality and of choices"));
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
    ChannelLayout in =
        ChannelLayout.builder()
            .single("fixation")
            .group("modality1", dimRing)
            .group("modality2", dimRing)
            .build();
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
          double coherence = cohs[random.nextInt(cohs.length)];
          double proportion = random.nextDouble();
          double coh1 = coherence * proportion;
          double coh2 = coherence * (1 - proportion);
          double theta = NeuroGymSupport.ringAngle(groundTruth - 1, dimRing);

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "stimulus");
          b.setInput(
              NeuroGymSupport.cosine(theta, dimRing, coh1 / 200, 0.5), "modality1", "stimulus");
          b.setInput(
              NeuroGymSupport.cosine(theta, dimRing, coh2 / 200, 0.5), "modality2", "stimulus");
          b.addNoise(noise, random, "fixation", "stimulus");
          b.addNoise(noise, random, "modality1", "stimulus");
          b.addNoise(noise, random, "modality2", "stimulus");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("coherence", coherence);
          b.metadata("proportion", proportion);
          b.metadata("coherence1", coh1);
          b.metadata("coherence2", coh2);
          return b.build();
        });
  }
}
