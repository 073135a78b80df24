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
 * NeuroGym's {@code DelayPairedAssociation} ({@code
 * neurogym/envs/native/delaypairedassociation.py}, after Zhang et al. 2019): two odours separated
 * by a delay; respond (go) only for the associated pairs.
 *
 * <p>Periods, in order: {@code fixation} (default 0 ms), {@code stim1} (1000 ms), {@code
 * delayBtwStim} (1000 ms), {@code stim2} (1000 ms), {@code delayAftStim} (1000 ms), {@code
 * decision} (500 ms); {@code dt} 100 ms. Per trial one pair (first, second) is drawn uniformly from
 * (1, 3), (1, 4), (2, 3), (2, 4); it is a go pair when {@code (second − first) mod 2 = 0}, i.e. (1,
 * 3) and (2, 4).
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code stimulus-i} (i =
 * 1..4) is 1 during {@code stim1} for the first odour and during {@code stim2} for the second. No
 * noise: the source declares {@code sigma} but never uses it, so it is not a parameter here.
 *
 * <p>Targets (classes {@code fixate, go}): {@code go} in the decision period of go pairs, 0
 * elsewhere. Mask 1 on every step. Metadata: {@code groundTruth} (0 or 1), {@code go}, {@code
 * stimulus1}, {@code stimulus2} (odour numbers 1..4).
 *
 * <p>Differences from the source: none in the trials; period names are camelCase ({@code
 * delay_btw_stim} is {@code delayBtwStim}, {@code delay_aft_stim} is {@code delayAftStim}).
 */
@Extension
public final class DelayPairedAssociation implements Task {

  /** The id scripts use. */
  public static final String ID = "delay-paired-association";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "stim1", "delayBtwStim", "stim2", "delayAftStim", "decision");

  private static final int[][] PAIRS = {{1, 3}, {1, 4}, {2, 3}, {2, 4}};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's delayed paired-association task: respond after two odours only if they form"
        + " an associated pair";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 0, "Fixation before the first odour"),
            period("stim1", 1000, "First odour"),
            period("delayBtwStim", 1000, "Delay between the odours"),
            period("stim2", 1000, "Second odour"),
            period("delayAftStim", 1000, "Delay after the second odour"),
            period("decision", 500, "Decision period; go for associated pairs")));
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
    ChannelLayout in = ChannelLayout.builder().single("fixation").group("stimulus", 4).build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").single("go").build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          int[] pair = PAIRS[random.nextInt(PAIRS.length)];
          int groundTruth = (pair[1] - pair[0]) % 2 == 0 ? 1 : 0;

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "stim1", "delayBtwStim", "stim2", "delayAftStim");
          b.setInput(1f, "stimulus-" + pair[0], "stim1");
          b.setInput(1f, "stimulus-" + pair[1], "stim2");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("go", groundTruth == 1);
          b.metadata("stimulus1", pair[0]);
          b.metadata("stimulus2", pair[1]);
          return b.build();
        });
  }
}
