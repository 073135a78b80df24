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
 * NeuroGym's {@code DelayMatchSampleDistractor1D} ({@code
 * neurogym/envs/native/delaymatchsample.py}, after Miller et al. 1996): a sample direction, then
 * three tests separated by delays; exactly one test repeats the sample, the others are distractors,
 * and the answer is "match" during the test that repeats it.
 *
 * <p>Periods, in order: {@code fixation} (default 300 ms), {@code sample} (500 ms), {@code delay1}
 * (1000 ms), {@code test1} (500 ms), {@code delay2} (1000 ms), {@code test2} (500 ms), {@code
 * delay3} (1000 ms), {@code test3} (500 ms); {@code dt} 100 ms. Per trial, drawn in this order: the
 * matching test {@code m} uniformly among 1, 2, 3; the sample angle uniformly in [0, 2π); then, for
 * each other test in order, its own angle uniformly in [0, 2π). Test {@code m} shows the sample
 * angle.
 *
 * <p>Inputs: {@code fixation} is 1 during {@code fixation} only (it is not a go cue: no answer is
 * due when it goes off); {@code stimulus-k} ({@code dimRing} = 32 channels, preferred angles {@code
 * 2πk/dimRing}) is {@code cos(θ_k − θ)} during the sample ({@code θ} = sample angle) and each test
 * ({@code θ} = that test's angle), 0 elsewhere.
 *
 * <p>Targets (classes {@code fixate, match}, the source's two actions): 1 (match) throughout {@code
 * test m}, 0 on every other step, including the distractor tests and the periods after the match.
 * Mask 1 on every step. Metadata: {@code matchTest} ({@code m}), {@code sampleAngle}, {@code
 * test1Angle}, {@code test2Angle}, {@code test3Angle} (rad). There is no {@code groundTruth}: the
 * source's ground truth is the index of the matching test, not a class, so the task takes no
 * ground-truth condition either.
 *
 * <p>Noise: the source takes {@code sigma} (default 1) and computes {@code sigma/sqrt(dt)} but
 * never adds it, so its trials are noise-free. {@code sigma} defaults to 0 here, which gives the
 * source's trials; a positive value adds N(0, sigma/sqrt(dt)) to the stimulus channels during the
 * sample and the tests, as {@link DelayMatchSample} does.
 *
 * <p>Differences from the source: none in the trials at the defaults. The source ends a trial at
 * the first non-fixate action outside the sample (its reward), which a supervised trial cannot do;
 * as in NeuroGym's own supervised datasets the trial runs to the end of {@code test3}.
 */
@Extension
public final class DelayMatchSampleDistractor1D implements Task {

  /** The id scripts use. */
  public static final String ID = "delay-match-sample-distractor-1d";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "sample", "delay1", "test1", "delay2", "test2", "delay3", "test3");

  /** The test periods, in order; exactly one repeats the sample. */
  public static final List<String> TESTS = List.of("test1", "test2", "test3");

  /** Class of the source's action {@code match}. */
  public static final int MATCH = 1;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's delayed match-to-sample with distractors: three tests follow the sample,"
        + " one of them repeats it; answer match during that test only";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 300, "Fixation; the fixation input is on only here"),
            period("sample", 500, "Sample stimulus"),
            period("delay1", 1000, "Delay before the first test"),
            period("test1", 500, "First test; match is the target if it repeats the sample"),
            period("delay2", 1000, "Delay before the second test"),
            period("test2", 500, "Second test"),
            period("delay3", 1000, "Delay before the third test"),
            period("test3", 500, "Third test")),
        ParameterSpec.number(
                "sigma",
                0.0,
                "sqrt(ms)",
                "Stimulus noise, standard deviation sigma/sqrt(dt) per step; the source computes"
                    + " it but never adds it, hence 0")
            .withMin(0),
        NeuroGymSupport.dimRing(32, "Number of stimulus channels (the source's 32)"));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive or a test period can be shorter than one
   *     step (a match there could not be answered)
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    for (String test : TESTS) {
      NeuroGymSupport.requireResponseStep(ID, timing, test, dt);
    }
    double noise = params.number("sigma") / Math.sqrt(dt);
    int dimRing = params.count("dimRing");
    ChannelLayout in =
        ChannelLayout.builder().single("fixation").group("stimulus", dimRing).build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").single("match").build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          int match = 1 + random.nextInt(TESTS.size());
          double sample = random.nextDouble() * 2 * Math.PI;
          double[] tests = new double[TESTS.size()];
          for (int i = 0; i < tests.length; i++) {
            tests[i] = i + 1 == match ? sample : random.nextDouble() * 2 * Math.PI;
          }

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation");
          b.setInput(NeuroGymSupport.cosine(sample, dimRing, 1, 0), "stimulus", "sample");
          for (int i = 0; i < tests.length; i++) {
            b.setInput(NeuroGymSupport.cosine(tests[i], dimRing, 1, 0), "stimulus", TESTS.get(i));
          }
          // Drawn at sigma 0 too, so that sigma changes no other trial variable of the stream.
          b.addNoise(noise, random, "stimulus", "sample", "test1", "test2", "test3");
          b.classTarget(MATCH, TESTS.get(match - 1));
          b.metadata("matchTest", match);
          b.metadata("sampleAngle", sample);
          for (int i = 0; i < tests.length; i++) {
            b.metadata("test" + (i + 1) + "Angle", tests[i]);
          }
          return b.build();
        });
  }
}
