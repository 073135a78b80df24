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
 * NeuroGym's {@code Reaching1DWithSelfDistraction} ({@code neurogym/envs/native/reaching.py}) in
 * the teacher-forced form of {@link Reaching1D}: reach a target on a ring through a single sensor
 * ring on which the agent's own position shows more strongly than the target (as an electric fish's
 * own discharges swamp what it senses).
 *
 * <p>The source is closed-loop, as {@code Reaching1D}: the agent's actions move its position, which
 * its observation shows. Here, as in {@link Reaching1D} (docs/decisions/0011), that position is the
 * one an ideal agent would have, and the target at each step is that agent's action (teacher
 * forcing); trained networks are evaluated on those states, not on the ones their own actions would
 * reach.
 *
 * <p>Periods, in order: {@code fixation} (default 500 ms), {@code reach} (500 ms); {@code dt} 100
 * ms. Per trial the target angle is drawn uniformly in [0, 2π); the position starts at π.
 *
 * <p>Inputs: one ring, {@code sensor-k} ({@code dimRing} = 32 units, the source's, preferred angles
 * {@code θ_k = 2πk/dimRing}), the sum of the self signal {@code cos(θ_k − p_t)} at every step and
 * the target signal {@code 0.3·cos(θ_k − target)} during {@code reach} ({@link #TARGET_GAIN}, the
 * source's "signal weaker than the self-distraction"), with {@code p_t} the ideal agent's position
 * when it chooses its step-t action. No noise (the source adds none).
 *
 * <p>Targets (classes {@code fixate, left, right}): as {@link Reaching1D}: 0 during {@code
 * fixation}; during {@code reach} the greedy action towards the target, {@code left} (+step) or
 * {@code right} (−step) while a step brings the position closer, {@code fixate} (stay) within half
 * a step. The step is {@code speed·dt} ({@code speed} 0.5 rad/s, the source's 0.05 rad per 100 ms
 * step). Mask 1 on every step. Metadata: {@code targetAngle} (rad), {@code arrivalStep} (the first
 * {@code reach} step whose action is {@code fixate}, −1 if the agent is still moving at the end).
 *
 * <p>Differences from the source: those of {@link Reaching1D} (teacher forcing; the ideal action as
 * target, where the source's ground truth is an angle, π then the target, that is not one of its
 * actions; the step as a speed). At the defaults only targets near π are reached, as in the source.
 */
@Extension
public final class Reaching1DWithSelfDistraction implements Task {

  /** The id scripts use. */
  public static final String ID = "reaching-1d-self-distraction";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = Reaching1D.PERIODS;

  /** Strength of the target signal on the sensor ring; the self signal has strength 1. */
  public static final double TARGET_GAIN = 0.3;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's 1-D reaching with self-distraction, teacher-forced: one sensor ring shows an"
        + " ideal agent's position strongly and the target weakly; targets are its actions";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 500, "Fixation; the target is not shown yet"),
            period("reach", 500, "Target shown; step towards it")),
        Reaching1D.speed(),
        NeuroGymSupport.dimRing(32, "Units of the sensor ring (the source's 32)"));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, the reach period can be shorter than
   *     one step, or speed is not positive and finite
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "reach", dt);
    double step = Reaching1D.stepRad(ID, params, dt);
    int dimRing = params.count("dimRing");
    ChannelLayout in = ChannelLayout.builder().group("sensor", dimRing).build();
    ChannelLayout out =
        ChannelLayout.builder().single("fixate").single("left").single("right").build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          double target = random.nextDouble() * 2 * Math.PI;
          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(NeuroGymSupport.cosine(target, dimRing, TARGET_GAIN, 0), "sensor", "reach");

          Reaching1D.teacherForce(b, in.indices("sensor"), target, step);
          return b.build();
        });
  }
}
