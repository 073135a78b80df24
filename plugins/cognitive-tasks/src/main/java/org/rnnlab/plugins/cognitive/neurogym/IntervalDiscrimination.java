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
 * NeuroGym's {@code IntervalDiscrimination} ({@code
 * neurogym/envs/native/intervaldiscrimination.py}, after Genovesio et al. 2009): two stimuli of
 * random durations separated by a delay; report which one lasted longer.
 *
 * <p>Periods, in order: {@code fixation} (default 300 ms), {@code stim1} (uniform in [300, 600)
 * ms), {@code delay1} (uniform in [800, 1500) ms), {@code stim2} (uniform in [300, 600) ms), {@code
 * delay2} (500 ms), {@code decision} (300 ms); {@code dt} 80 ms.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code stim1} is 1
 * during the first stimulus, {@code stim2} during the second. No noise (the source adds none).
 *
 * <p>Targets (classes {@code fixate, choice-1, choice-2}): in the decision period 1 if the first
 * stimulus lasted longer, else 2 (ties, frequent once floored to dt, give 2, as in the source); 0
 * elsewhere. Mask 1 on every step. Metadata: {@code groundTruth}, {@code duration1Ms}, {@code
 * duration2Ms} (the floored durations the comparison uses).
 *
 * <p>Differences from the source: none in the trials.
 */
@Extension
public final class IntervalDiscrimination implements Task {

  /** The id scripts use. */
  public static final String ID = "interval-discrimination";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "stim1", "delay1", "stim2", "delay2", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's interval discrimination task: report which of two stimuli separated by a"
        + " delay lasted longer";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(80),
        NeuroGymSupport.timing(
            period("fixation", 300, "Fixation before the first stimulus"),
            period("stim1", Timing.uniform(300, 600), "First stimulus; its duration is compared"),
            period("delay1", Timing.uniform(800, 1500), "Delay between the stimuli"),
            period("stim2", Timing.uniform(300, 600), "Second stimulus; its duration is compared"),
            period("delay2", 500, "Delay before the decision"),
            period("decision", 300, "Decision period; the longer stimulus is the target")));
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
    ChannelLayout in =
        ChannelLayout.builder().single("fixation").single("stim1").single("stim2").build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").group("choice", 2).build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          double d1 = b.endMs("stim1") - b.startMs("stim1");
          double d2 = b.endMs("stim2") - b.startMs("stim2");
          int groundTruth = d1 > d2 ? 1 : 2;
          b.setInput(1f, "fixation", "fixation", "stim1", "delay1", "stim2", "delay2");
          b.setInput(1f, "stim1", "stim1");
          b.setInput(1f, "stim2", "stim2");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("duration1Ms", d1);
          b.metadata("duration2Ms", d2);
          return b.build();
        });
  }
}
