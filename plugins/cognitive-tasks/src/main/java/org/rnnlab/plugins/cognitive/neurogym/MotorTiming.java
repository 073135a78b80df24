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
 * NeuroGym's {@code MotorTiming} ({@code neurogym/envs/native/readysetgo.py}, after Wang et al.
 * 2018): a cue names one of two intervals; after a Set flash the network must respond once that
 * interval has elapsed.
 *
 * <p>Periods, in order: {@code fixation} (default 500 ms), {@code cue} (uniform in [1000, 3000)
 * ms), {@code set} (50 ms), {@code production} (twice the produced interval); {@code dt} 80 ms. At
 * the default dt the 50 ms set flash floors to zero steps, so it is never shown, exactly as in the
 * source; the fixation offset still marks Set. Per trial the interval index {@code i} is drawn
 * uniformly among {@code intervals} (default 800 and 1500 ms, the source's fixed pair).
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code production} (its offset is Set);
 * {@code interval-i} (one channel per interval) is 1 during the cue and the set flash; {@code set}
 * is 1 during the set flash.
 *
 * <p>Targets (classes {@code fixate, go}): a single step of {@code go} {@code T} after the end of
 * Set, 0 everywhere else. Mask 1 on every step. Metadata: {@code interval} ({@code i}, from 1),
 * {@code intervalMs} (the nominal interval), {@code productionMs} ({@code T}), {@code goStep}.
 *
 * <p>Deliberate difference: the source places its one-step ground truth at {@code floor(interval/
 * dt)} steps after Set, but rewards the response by its distance to the interval, so its best step
 * is the nearest one: for 1500 ms at dt 80 the source's target is 1440 ms while 1520 ms is as close
 * and its own reward prefers it equally; the floored target also moves with dt (1440 ms at dt 80,
 * 1480 ms at dt 40). Here {@code T} is the interval rounded to the nearest step ({@code goRounding:
 * nearest}, halves up) and the production period lasts {@code 2T}; {@code goRounding: floor}
 * reproduces the source ({@code floor(interval/dt)} steps to the target, {@code floor(2·interval/
 * dt)} steps of production). The source's reward margin ({@code prod_margin}) is not modelled
 * (supervised).
 */
@Extension
public final class MotorTiming implements Task {

  /** The id scripts use. */
  public static final String ID = "motor-timing";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "cue", "set", "production");

  /** {@code goRounding}: the produced interval is the nearest whole number of steps. */
  public static final String NEAREST = "nearest";

  /** {@code goRounding}: the source's floored target step. */
  public static final String FLOOR = "floor";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's motor-timing task: a cue names one of two intervals; respond that interval"
        + " after Set";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(80),
        NeuroGymSupport.timing(
            period("fixation", 500, "Fixation before the cue"),
            period(
                "cue",
                Timing.uniform(1000, 3000),
                "Cue naming the interval to produce, before Set"),
            period("set", 50, "Set flash; the produced interval starts at its end")),
        ParameterSpec.numbers(
                "intervals",
                List.of(800.0, 1500.0),
                "ms",
                "Intervals to produce, one drawn per trial; one cue channel each")
            .withMin(0),
        ParameterSpec.choice(
            "goRounding",
            NEAREST,
            List.of(NEAREST, FLOOR),
            "How the interval becomes a step: '"
                + NEAREST
                + "' (the step the source's reward prefers) or '"
                + FLOOR
                + "' (the source's ground truth)"));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, or {@code intervals} is empty, negative
   *     or has an interval shorter than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Parameters group = params.group("timing");
    Timing fixation = group.timing("fixation");
    Timing cue = group.timing("cue");
    Timing set = group.timing("set");
    double[] intervals = NeuroGymSupport.nonNegative(ID, "intervals", params.numbers("intervals"));
    boolean nearest = params.string("goRounding").equals(NEAREST);
    int[] goSteps = new int[intervals.length];
    int[] productionSteps = new int[intervals.length];
    for (int i = 0; i < intervals.length; i++) {
      if (nearest) {
        goSteps[i] = NeuroGymSupport.steps(intervals[i] + dt / 2, dt);
        productionSteps[i] = 2 * goSteps[i];
      } else {
        goSteps[i] = NeuroGymSupport.steps(intervals[i], dt);
        productionSteps[i] = NeuroGymSupport.steps(2 * intervals[i], dt);
      }
      if (goSteps[i] < 1) {
        throw new IllegalArgumentException(
            ID
                + ": interval "
                + intervals[i]
                + " ms is shorter than one step of dt = "
                + dt
                + " ms, so the go target would fall on Set");
      }
    }
    ChannelLayout in =
        ChannelLayout.builder()
            .single("fixation")
            .group("interval", intervals.length)
            .single("set")
            .build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").single("go").build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          int index = random.nextInt(intervals.length);
          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.period("fixation", fixation, random);
          b.period("cue", cue, random);
          b.period("set", set, random);
          b.period("production", productionSteps[index] * dt);
          String indicator = intervals.length == 1 ? "interval" : "interval-" + (index + 1);
          b.setInput(1f, "fixation", "fixation", "cue", "set");
          b.setInput(1f, indicator, "cue", "set");
          b.setInput(1f, "set", "set");
          int goStep = b.period("production").startStep() + goSteps[index];
          b.classTargets()[goStep] = 1;
          b.metadata("interval", index + 1);
          b.metadata("intervalMs", intervals[index]);
          b.metadata("productionMs", goSteps[index] * dt);
          b.metadata("goStep", goStep);
          return b.build();
        });
  }
}
