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
 * NeuroGym's {@code GoNogo} ({@code neurogym/envs/native/gonogo.py}): a go or a no-go stimulus is
 * shown; after a delay the network must respond on go trials and keep fixating on no-go trials.
 *
 * <p>Periods, in order: {@code fixation} (default 0 ms), {@code stimulus} (500 ms), {@code delay}
 * (500 ms), {@code decision} (500 ms); {@code dt} 100 ms. Each trial is go or no-go with
 * probability 1/2.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision} (its offset is the go
 * cue); {@code nogo} is 1 during the stimulus on no-go trials, {@code go} is 1 during the stimulus
 * on go trials. No noise (the source adds none).
 *
 * <p>Targets (classes {@code fixate, go}): {@code go} during the decision period of go trials, 0
 * everywhere else. Mask 1 on every step. Metadata: {@code groundTruth} (0 no-go, 1 go) and {@code
 * go} (boolean).
 *
 * <p>The ground truth can be given (condition {@code groundTruth}, 0 no-go or 1 go, as NeuroGym's
 * {@code ground_truth} keyword), so side-bias and trial-history blocks of frequent and rare go
 * trials work; the choices are {@code [0, 1]} in that order, NeuroGym's {@code choices}.
 *
 * <p>Differences from the source: none in the trials; rewards are not modelled (supervised).
 */
@Extension
public final class GoNogo implements Task {

  /** The id scripts use. */
  public static final String ID = "go-no-go";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's go/no-go task: respond after a delay to a go stimulus, keep fixating after a"
        + " no-go stimulus";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 0, "Fixation before the stimulus"),
            period("stimulus", 500, "Go or no-go stimulus"),
            period("delay", 500, "Delay before the decision"),
            period("decision", 500, "Decision period; fixation input off, respond on go trials")));
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
        ChannelLayout.builder().single("fixation").single("nogo").single("go").build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").single("go").build();
    return NeuroGymSupport.instance(
        ID,
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        List.of(0, 1),
        (random, given) -> {
          int groundTruth = given != null ? given : random.nextInt(2);
          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "stimulus", "delay");
          b.setInput(1f, groundTruth == 1 ? "go" : "nogo", "stimulus");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("go", groundTruth == 1);
          return b.build();
        });
  }
}
