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
 * NeuroGym's {@code DelayMatchCategory} ({@code neurogym/envs/native/delaymatchcategory.py}, after
 * Freedman &amp; Assad 2006): a sample direction, a delay, a test direction; report during the test
 * whether both fall in the same category (category 0: angles in [0, π), category 1: [π, 2π)).
 *
 * <p>Periods, in order: {@code fixation} (default 500 ms), {@code sample} (650 ms), {@code
 * firstDelay} (1000 ms), {@code test} (650 ms); {@code dt} 100 ms. There is no separate decision
 * period: as in the source, the answer is given during the test. Per trial, in this order: match or
 * non-match (1/2 each), the sample category (1/2 each), then the sample angle {@code (category +
 * u)·π} and the test angle likewise, {@code u} uniform in [0, 1).
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code test} (its offset is the go cue);
 * {@code stimulus-k} ({@code dimRing} channels) is {@code cos(θ_k − θ)·0.5 + 0.5 + N(0,
 * sigma/sqrt(dt))} during the sample and the test, 0 elsewhere.
 *
 * <p>Targets (classes {@code fixate, match, non-match}): 1 or 2 during the test, 0 elsewhere. Mask
 * 1 on every step. Metadata: {@code groundTruth} (1 match, 2 non-match), {@code match}, {@code
 * sampleCategory}, {@code testCategory} (0 or 1), {@code sampleAngle}, {@code testAngle} (rad).
 *
 * <p>Condition: as NeuroGym's {@code new_trial(ground_truth=…)}, the ground truth can be given
 * ({@code groundTruth}, 1 (match) or 2 (non-match)) instead of drawn, and the categories and angles
 * are still drawn; without it the trials are the same as ever. Wrappers such as side-bias use this.
 *
 * <p>Differences from the source: {@code dimRing} defaults to 4, not NeuroGym's 2. With two
 * channels, at 0 and π, the stimulus codes only {@code cos θ}, and the categories are split by the
 * sign of {@code sin θ}: mirror-image angles in different categories give identical inputs, so no
 * network can do better than chance (decision 0014). {@code dimRing: 2} restores the source's
 * trials. Otherwise none in the trials; the source's {@code first_delay} period is named {@code
 * firstDelay}.
 */
@Extension
public final class DelayMatchCategory implements Task {

  /** The id scripts use. */
  public static final String ID = "delay-match-category";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "sample", "firstDelay", "test");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's delayed match-to-category task: report whether sample and test directions"
        + " fall in the same half of the circle";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 500, "Fixation before the sample"),
            period("sample", 650, "Sample stimulus"),
            period("firstDelay", 1000, "Memory delay"),
            period("test", 650, "Test stimulus; the answer is the target during it")),
        NeuroGymSupport.sigma(),
        NeuroGymSupport.dimRing(
            4,
            "Number of stimulus channels; NeuroGym's 2 (channels at 0 and pi) code only cos(angle),"
                + " which cannot tell the two categories apart"));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive or the test period can be shorter than
   *     one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "test", dt);
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
          int sampleCategory = random.nextInt(2);
          int testCategory = groundTruth == 1 ? sampleCategory : 1 - sampleCategory;
          double sample = (sampleCategory + random.nextDouble()) * Math.PI;
          double test = (testCategory + random.nextDouble()) * Math.PI;

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "sample", "firstDelay");
          b.setInput(NeuroGymSupport.cosine(sample, dimRing, 0.5, 0.5), "stimulus", "sample");
          b.setInput(NeuroGymSupport.cosine(test, dimRing, 0.5, 0.5), "stimulus", "test");
          b.addNoise(noise, random, "stimulus", "sample", "test");
          b.classTarget(groundTruth, "test");
          b.metadata("groundTruth", groundTruth);
          b.metadata("match", groundTruth == 1);
          b.metadata("sampleCategory", sampleCategory);
          b.metadata("testCategory", testCategory);
          b.metadata("sampleAngle", sample);
          b.metadata("testAngle", test);
          return b.build();
        });
  }
}
