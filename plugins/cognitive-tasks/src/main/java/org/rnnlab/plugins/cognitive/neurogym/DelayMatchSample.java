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
 * NeuroGym's {@code DelayMatchSample} ({@code neurogym/envs/native/delaymatchsample.py}, after
 * Miller et al. 1996): a sample direction, a delay, a test direction; report whether the test
 * matches the sample.
 *
 * <p>Periods, in order: {@code fixation} (default 300 ms), {@code sample} (500 ms), {@code delay}
 * (1000 ms), {@code test} (500 ms), {@code decision} (900 ms); {@code dt} 100 ms. Per trial, drawn
 * uniformly in this order: match or non-match (1/2 each), and the sample angle among the {@code
 * dimRing} ring angles {@code 2πk/dimRing}. The test angle is the sample angle on match trials and
 * the sample angle + π on non-match trials.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code stimulus-k}
 * ({@code dimRing} channels) is {@code cos(θ_k − θ)·0.5 + 0.5 + N(0, sigma/sqrt(dt))} during the
 * sample ({@code θ} = sample angle) and the test ({@code θ} = test angle), 0 elsewhere.
 *
 * <p>Targets (classes {@code fixate, match, non-match}): 1 (match) or 2 (non-match) in the decision
 * period, 0 elsewhere. Mask 1 on every step. Metadata: {@code groundTruth} (1 or 2), {@code match}
 * (boolean), {@code sampleAngle}, {@code testAngle} (rad).
 *
 * <p>Condition: as NeuroGym's {@code new_trial(ground_truth=…)}, the ground truth can be given
 * ({@code groundTruth}, 1 (match) or 2 (non-match)) instead of drawn, and the sample angle is still
 * drawn; without it the trials are the same as ever. Wrappers such as side-bias use this.
 *
 * <p>Differences from the source: none in the trials. With an odd {@code dimRing} the non-match
 * test angle is not one of the ring's preferred angles, as in the source.
 */
@Extension
public final class DelayMatchSample implements Task {

  /** The id scripts use. */
  public static final String ID = "delay-match-sample";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "sample", "delay", "test", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's delayed match-to-sample task: after a delay, report whether the test"
        + " direction equals the sample direction";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 300, "Fixation before the sample"),
            period("sample", 500, "Sample stimulus"),
            period("delay", 1000, "Memory delay"),
            period("test", 500, "Test stimulus"),
            period("decision", 900, "Decision period; match or non-match is the target")),
        NeuroGymSupport.sigma(),
        NeuroGymSupport.dimRing("Number of stimulus channels (and of possible sample angles)"));
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
    double noise = params.number("sigma") / Math.sqrt(dt);
    int dimRing = params.count("dimRing");
    ChannelLayout in =
        ChannelLayout.builder().single("fixation").group("stimulus", dimRing).build();
    ChannelLayout out =
        ChannelLayout.builder().single("fixate").single("match").single("non-match").build();
    return NeuroGymSupport.instance(
        ID,
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        2,
        (random, given) -> {
          int groundTruth = given != null ? given : 1 + random.nextInt(2);
          double sample = NeuroGymSupport.ringAngle(random.nextInt(dimRing), dimRing);
          double test = groundTruth == 1 ? sample : (sample + Math.PI) % (2 * Math.PI);

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "sample", "delay", "test");
          b.setInput(NeuroGymSupport.cosine(sample, dimRing, 0.5, 0.5), "stimulus", "sample");
          b.setInput(NeuroGymSupport.cosine(test, dimRing, 0.5, 0.5), "stimulus", "test");
          b.addNoise(noise, random, "stimulus", "sample", "test");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("match", groundTruth == 1);
          b.metadata("sampleAngle", sample);
          b.metadata("testAngle", test);
          return b.build();
        });
  }
}
