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
 * NeuroGym's {@code ReadySetGo} ({@code neurogym/envs/native/readysetgo.py}, after Remington et al.
 * 2018): measure the interval between a Ready and a Set flash, then produce {@code gain} times that
 * interval after Set.
 *
 * <p>Periods, in order: {@code fixation} (default 100 ms), {@code ready} (83 ms), {@code measure}
 * (the rest of the measured interval), {@code set} (83 ms), {@code production} (twice the
 * production interval); {@code dt} 80 ms, so the 100 and 83 ms defaults floor to 80 ms. The
 * measured interval {@code T_m} runs from Ready onset to Set onset and is drawn from {@code
 * timing.measure} (default uniform in [800, 1500) ms), floored to dt; the production interval is
 * {@code T_p = gain · T_m}. As in the source, the measured interval starts with the ready flash
 * (the source's {@code measure} period overlaps {@code ready}); here the {@code measure} period is
 * the part after the flash, so that periods do not overlap, and {@code T_m} is at least the ready
 * flash.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code production} (its offset is the go
 * cue), {@code ready} is 1 during the ready flash, {@code set} during the set flash.
 *
 * <p>Targets (classes {@code fixate, go}): a single step of {@code go} at {@code floor(T_p/dt)}
 * steps after Set onset, 0 everywhere else (also in the rest of the production period), as the
 * source's one-step ground truth. Mask 1 on every step. Metadata: {@code measureMs} ({@code T_m}),
 * {@code productionMs} ({@code T_p}), {@code gain}, {@code goStep} (the step of the go target).
 *
 * <p>Deliberate difference: the source rewards the response {@code T_p} after Set onset (the end of
 * its {@code measure} period), as Remington et al. define the produced interval, but places its
 * one-step ground truth {@code T_p} after Set offset, one set flash later. This task follows the
 * reward and the paper by default; {@code productionReference: set-offset} reproduces the source's
 * ground truth. If {@code T_p} is shorter than the set flash (only for small gains), the go step is
 * the first step of the production period.
 */
@Extension
public final class ReadySetGo implements Task {

  /** The id scripts use. */
  public static final String ID = "ready-set-go";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "ready", "measure", "set", "production");

  /** {@code productionReference}: the produced interval is timed from Set onset. */
  public static final String SET_ONSET = "set-onset";

  /** {@code productionReference}: the produced interval is timed from Set offset (source's gt). */
  public static final String SET_OFFSET = "set-offset";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's ready-set-go interval task: measure the Ready-Set interval and respond gain"
        + " times that interval after Set";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(80),
        NeuroGymSupport.timing(
            period("fixation", 100, "Fixation before the ready flash"),
            period("ready", 83, "Ready flash"),
            period(
                "measure",
                Timing.uniform(800, 1500),
                "Measured interval, from Ready onset to Set onset"),
            period("set", 83, "Set flash")),
        ParameterSpec.number(
                "gain", 1.0, "", "Production interval divided by the measured interval")
            .withMin(0),
        ParameterSpec.choice(
            "productionReference",
            SET_ONSET,
            List.of(SET_ONSET, SET_OFFSET),
            "Where the produced interval starts: '"
                + SET_ONSET
                + "' (the paper and NeuroGym's reward) or '"
                + SET_OFFSET
                + "' (NeuroGym's ground truth)"));
  }

  /**
   * @throws IllegalArgumentException if dt or gain is not positive, or the shortest production
   *     interval is shorter than dt
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Parameters group = params.group("timing");
    Timing fixation = group.timing("fixation");
    Timing ready = group.timing("ready");
    Timing measure = group.timing("measure");
    Timing set = group.timing("set");
    double gain = params.number("gain");
    if (!(gain > 0) || !Double.isFinite(gain)) {
      throw new IllegalArgumentException(ID + " needs gain > 0, got " + gain);
    }
    double shortest =
        gain
            * Math.max(
                NeuroGymSupport.minMs(measure),
                NeuroGymSupport.steps(NeuroGymSupport.minMs(ready), dt) * dt);
    if (shortest < dt) {
      throw new IllegalArgumentException(
          ID
              + ": the production interval gain × measure can be "
              + shortest
              + " ms, shorter than dt = "
              + dt
              + " ms");
    }
    boolean fromOnset = params.string("productionReference").equals(SET_ONSET);
    ChannelLayout in =
        ChannelLayout.builder().single("fixation").single("ready").single("set").build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").single("go").build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.period("fixation", fixation, random);
          b.period("ready", ready, random);
          double readyOnset = b.startMs("ready");
          double readyMs = b.endMs("ready") - readyOnset;
          double drawn = b.floorToDt(measure.sampleMs(random, readyOnset));
          double measureMs = Math.max(drawn, readyMs);
          b.period("measure", measureMs - readyMs);
          b.period("set", set, random);
          double productionMs = gain * measureMs;
          int setOnset = b.period("set").startStep();
          int setOffset = b.period("set").endStep();
          int goStep =
              Math.max(
                  setOffset,
                  (fromOnset ? setOnset : setOffset) + NeuroGymSupport.steps(productionMs, dt));
          double length = Math.max(2 * productionMs, (goStep - setOffset + 1) * dt);
          b.period("production", length);
          b.setInput(1f, "fixation", "fixation", "ready", "measure", "set");
          b.setInput(1f, "ready", "ready");
          b.setInput(1f, "set", "set");
          b.classTargets()[goStep] = 1;
          b.metadata("measureMs", measureMs);
          b.metadata("productionMs", productionMs);
          b.metadata("gain", gain);
          b.metadata("goStep", goStep);
          return b.build();
        });
  }
}
