package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.List;
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
 * NeuroGym's {@code OneTwoThreeGo} ({@code neurogym/envs/native/readysetgo.py}, after Egger et al.
 * 2019): three flashes separated by the same interval; the network must respond that interval after
 * the third flash.
 *
 * <p>Periods, in order: {@code fixation} (default truncated exponential, mean 400, in [100, 800)
 * ms), {@code target} (truncated exponential, mean 1000, in [500, 1500) ms), {@code s1} (100 ms),
 * {@code interval1} (one of 600, 700, 800, 900, 1000 ms), {@code s2} (100 ms), {@code interval2}
 * (the same interval), {@code s3} (100 ms), {@code response}; {@code dt} 80 ms. The interval {@code
 * I} is drawn first, from {@code timing.interval1}, and floored to dt; {@code interval2} and the
 * start of {@code response} repeat it. The {@code response} period is the source's {@code
 * interval3} (the interval to reproduce) followed by its {@code response} period: it lasts {@code
 * I} plus {@code timing.response} (default 1000 ms, the part after the interval).
 *
 * <p>Inputs: {@code fixation} is 1 until the end of {@code s3}; {@code stimulus} is 1 during the
 * three flashes; {@code target} is 1 from the {@code target} period to the end of the trial.
 *
 * <p>Targets (classes {@code fixate, go}): {@code go} from {@code I} after the end of {@code s3} to
 * the end of the trial (the source's ground truth over its {@code response} period), 0 elsewhere.
 * Mask 1 on every step. Metadata: {@code intervalMs} ({@code I}), {@code goStep} (the first go
 * step).
 *
 * <p>Deliberate differences: in the source the fixation input stays 1 for the whole trial; here it
 * goes off at the end of the third flash, which the flash already marks, so the network learns no
 * more about when to respond, and {@code interval3} is merged into {@code response}, the period in
 * which the source rewards a response. The source also declares unused {@code interval2} and {@code
 * interval3} timings (both durations are the drawn interval); they are not parameters here. The
 * reward margin ({@code prod_margin}) is not modelled (supervised).
 */
@Extension
public final class OneTwoThreeGo implements Task {

  /** The id scripts use. */
  public static final String ID = "one-two-three-go";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "target", "s1", "interval1", "s2", "interval2", "s3", "response");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's 1-2-3-go task: three flashes one interval apart; respond one interval after"
        + " the third";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(80),
        NeuroGymSupport.timing(
            period(
                "fixation",
                Timing.truncatedExponential(400, 100, 800),
                "Fixation before the target"),
            period(
                "target",
                Timing.truncatedExponential(1000, 500, 1500),
                "Target shown before the first flash"),
            period("s1", 100, "First flash"),
            period(
                "interval1",
                Timing.choice(600, 700, 800, 900, 1000),
                "The interval between flashes, repeated after each flash and to be reproduced"),
            period("s2", 100, "Second flash"),
            period("s3", 100, "Third flash"),
            period(
                "response",
                1000,
                "Time left after the interval to reproduce has elapsed; the response period also"
                    + " covers that interval")));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, or the interval or the time left after
   *     it can be shorter than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Parameters group = params.group("timing");
    Timing fixation = group.timing("fixation");
    Timing target = group.timing("target");
    Timing s1 = group.timing("s1");
    Timing interval = group.timing("interval1");
    Timing s2 = group.timing("s2");
    Timing s3 = group.timing("s3");
    Timing response = group.timing("response");
    for (String name : List.of("interval1", "response")) {
      double min = NeuroGymSupport.minMs(group.timing(name));
      if (NeuroGymSupport.steps(min, dt) < 1) {
        throw new IllegalArgumentException(
            ID
                + ": timing."
                + name
                + " can be "
                + min
                + " ms, shorter than dt = "
                + dt
                + " ms, so the go target could be empty or fall on the third flash");
      }
    }
    ChannelLayout in =
        ChannelLayout.builder().single("fixation").single("stimulus").single("target").build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").single("go").build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          double intervalMs = b.floorToDt(interval.sampleMs(random, 0));
          b.period("fixation", fixation, random);
          b.period("target", target, random);
          b.period("s1", s1, random);
          b.period("interval1", intervalMs);
          b.period("s2", s2, random);
          b.period("interval2", intervalMs);
          b.period("s3", s3, random);
          double rest = b.floorToDt(response.sampleMs(random, b.endMs("s3") + intervalMs));
          b.period("response", intervalMs + rest);
          String[] beforeResponse = PERIODS.subList(0, PERIODS.size() - 1).toArray(String[]::new);
          b.setInput(1f, "fixation", beforeResponse);
          b.setInput(1f, "stimulus", "s1", "s2", "s3");
          b.setInput(
              1f, "target", "target", "s1", "interval1", "s2", "interval2", "s3", "response");
          int goStep = b.period("response").startStep() + NeuroGymSupport.steps(intervalMs, dt);
          int[] targets = b.classTargets();
          for (int t = goStep; t < targets.length; t++) {
            targets[t] = 1;
          }
          b.metadata("intervalMs", intervalMs);
          b.metadata("goStep", goStep);
          return b.build();
        });
  }
}
