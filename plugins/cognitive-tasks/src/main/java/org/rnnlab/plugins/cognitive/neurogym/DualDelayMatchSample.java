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
 * NeuroGym's {@code DualDelayMatchSample} ({@code neurogym/envs/native/dualdelaymatchsample.py},
 * after Rose et al. 2016): two samples are shown at once; a cue then names the item the first test
 * probes, and later a second cue the other item; after each test the network reports match or
 * non-match.
 *
 * <p>Periods, in order: {@code fixation}, {@code sample}, {@code delay1}, {@code cue1}, {@code
 * test1}, {@code delay2}, {@code cue2}, {@code test2}, each 500 ms by default; {@code dt} 100 ms.
 * Per trial, drawn uniformly in this order: match or not for item 1 and for item 2 (1/2 each), the
 * sample values {@code s1, s2 ∈ {0, 0.5}}, and the test order (item 1 first, or item 2 first). An
 * item's test value is its sample value on a match and {@code 0.5 − sample} otherwise; a value
 * {@code v} is shown as the angle {@code πv} on two units, {@code (cos πv, sin πv)}.
 *
 * <p>Inputs:
 *
 * <ul>
 *   <li>{@code fixation}: 1 for the whole trial, as in the source (there is no go cue: the network
 *       answers during both test periods);
 *   <li>{@code stimulus1-1, stimulus1-2}: item 1's sample during {@code sample}, its test during
 *       the test period that probes it; {@code stimulus2-1, stimulus2-2} likewise for item 2;
 *   <li>{@code cue1} (or {@code cue2}): 1 during the cue period before the test of item 1 (item 2);
 *   <li>during {@code sample}, {@code test1} and {@code test2}, every channel (fixation and cues
 *       too, as in the source) gets noise {@code N(0, sigma/sqrt(dt))}.
 * </ul>
 *
 * <p>Targets (classes {@code fixate, match, non-match}): in each test period, 1 (match) or 2
 * (non-match) for the item it probes; 0 elsewhere. Mask 1 on every step. Metadata: {@code
 * groundTruth1}, {@code groundTruth2} (1 match, 2 non-match, per item), {@code sample1}, {@code
 * sample2}, {@code test1}, {@code test2} (values in {0, 0.5}), {@code firstTested} (1 or 2).
 *
 * <p>Differences from the source: none in the trials. Unlike the other tasks of this package, the
 * network answers in two periods and the fixation input never goes off (there is no go cue), as in
 * the source. Rewards are not modelled (supervised).
 */
@Extension
public final class DualDelayMatchSample implements Task {

  /** The id scripts use. */
  public static final String ID = "dual-delay-match-sample";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "sample", "delay1", "cue1", "test1", "delay2", "cue2", "test2");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's two-item delayed match-to-sample task: two samples, then two cued tests,"
        + " each answered match or non-match";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 500, "Fixation before the samples"),
            period("sample", 500, "Both samples shown"),
            period("delay1", 500, "First memory delay"),
            period("cue1", 500, "Cue naming the item the first test probes"),
            period("test1", 500, "First test; match or non-match is the target"),
            period("delay2", 500, "Second memory delay"),
            period("cue2", 500, "Cue naming the item the second test probes"),
            period("test2", 500, "Second test; match or non-match is the target")),
        NeuroGymSupport.sigma());
  }

  /**
   * @throws IllegalArgumentException if dt is not positive or a test period can be shorter than one
   *     step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "test1", dt);
    NeuroGymSupport.requireResponseStep(ID, timing, "test2", dt);
    double noise = params.number("sigma") / Math.sqrt(dt);
    ChannelLayout in =
        ChannelLayout.builder()
            .single("fixation")
            .group("stimulus1", 2)
            .group("stimulus2", 2)
            .single("cue1")
            .single("cue2")
            .build();
    ChannelLayout out =
        ChannelLayout.builder().single("fixate").single("match").single("non-match").build();
    String[] groups = {"fixation", "stimulus1", "stimulus2", "cue1", "cue2"};
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          int groundTruth1 = 1 + random.nextInt(2);
          int groundTruth2 = 1 + random.nextInt(2);
          double sample1 = random.nextInt(2) * 0.5;
          double sample2 = random.nextInt(2) * 0.5;
          boolean itemOneFirst = random.nextInt(2) == 0;
          double test1 = groundTruth1 == 1 ? sample1 : 0.5 - sample1;
          double test2 = groundTruth2 == 1 ? sample2 : 0.5 - sample2;
          // The periods in which item 1 and item 2 are cued and tested.
          String cueOf1 = itemOneFirst ? "cue1" : "cue2";
          String cueOf2 = itemOneFirst ? "cue2" : "cue1";
          String testOf1 = itemOneFirst ? "test1" : "test2";
          String testOf2 = itemOneFirst ? "test2" : "test1";

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation");
          b.setInput(angle(sample1), "stimulus1", "sample");
          b.setInput(angle(sample2), "stimulus2", "sample");
          b.setInput(1f, "cue1", cueOf1);
          b.setInput(1f, "cue2", cueOf2);
          b.setInput(angle(test1), "stimulus1", testOf1);
          b.setInput(angle(test2), "stimulus2", testOf2);
          for (String period : new String[] {"sample", "test1", "test2"}) {
            for (String group : groups) {
              b.addNoise(noise, random, group, period);
            }
          }
          b.classTarget(groundTruth1, testOf1);
          b.classTarget(groundTruth2, testOf2);
          b.metadata("groundTruth1", groundTruth1);
          b.metadata("groundTruth2", groundTruth2);
          b.metadata("sample1", sample1);
          b.metadata("sample2", sample2);
          b.metadata("test1", test1);
          b.metadata("test2", test2);
          b.metadata("firstTested", itemOneFirst ? 1 : 2);
          return b.build();
        });
  }

  /** A value v in {0, 0.5} as {@code (cos πv, sin πv)}. */
  private static float[] angle(double value) {
    return new float[] {(float) Math.cos(Math.PI * value), (float) Math.sin(Math.PI * value)};
  }
}
