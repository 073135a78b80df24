package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.trial.ChannelLayout;
import org.rnnlab.api.trial.Timing;
import org.rnnlab.api.trial.TrialBuilder;

/**
 * NeuroGym's {@code Reaching1D} ({@code neurogym/envs/native/reaching.py}, after Georgopoulos et
 * al. 1986) in a teacher-forced form for supervised training: a target appears on a ring and the
 * agent steps its own position around the ring towards it.
 *
 * <p>The source is closed-loop: its {@code self} inputs show the agent's position, which its own
 * actions move. Here that position is the one an ideal agent would have, and the target at each
 * step is that agent's action, so a network learns the policy from the states the policy visits
 * (teacher forcing). Trained networks are evaluated on those same states, not on the ones their own
 * actions would reach.
 *
 * <p>Periods, in order: {@code fixation} (default 500 ms), {@code reach} (500 ms); {@code dt} 100
 * ms. Per trial the target angle is drawn uniformly in [0, 2π); the position starts at π.
 *
 * <p>Inputs ({@code dimRing} = 16 units each, preferred angles {@code θ_k = 2πk/dimRing}): {@code
 * target-k} is {@code cos(θ_k − target)} during {@code reach}, 0 during {@code fixation}; {@code
 * self-k} is {@code cos(θ_k − p_t)} at every step, with {@code p_t} the ideal agent's position when
 * it chooses its step-t action. No noise (the source adds none).
 *
 * <p>Targets (classes {@code fixate, left, right}, NeuroGym's actions): 0 during {@code fixation}
 * (the target is not shown yet and the source's ground truth there is the start, π); during {@code
 * reach} the ideal action: with {@code d} the signed angle from {@code p_t} to the target, in (−π,
 * π], {@code left} (+step) if {@code d > step/2}, {@code right} (−step) if {@code d < −step/2},
 * {@code fixate} (stay) otherwise, where a step would not bring the agent closer. That greedy
 * action maximises the source's per-step reward {@code 1 − |p − target|}. The step is {@code
 * speed·dt} ({@code speed} 0.5 rad/s, i.e. the source's 0.05 rad per step at its dt of 100 ms).
 * Mask 1 on every step. Metadata: {@code targetAngle} (rad), {@code arrivalStep} (the first step
 * whose action is {@code fixate} in {@code reach}, −1 if the agent is still moving at the end).
 *
 * <p>Differences from the source (docs/decisions/0011): teacher forcing instead of the closed loop
 * (which is {@link Reaching1DClosedLoop}); the source's ground truth is an angle (π, then the
 * target) that is not one of its actions, here it is the ideal action; the step is a speed so that
 * it keeps its meaning when dt changes (the source moves 0.05 rad per step whatever dt). At the
 * defaults (five reach steps, at most 0.25 rad) the agent reaches only targets near π, as in the
 * source.
 */
@Extension
public final class Reaching1D implements Task {

  /** The id scripts use. */
  public static final String ID = "reaching-1d";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "reach");

  /** Where the agent starts every trial, in rad (the source's). */
  public static final double START_RAD = Math.PI;

  /** Class of NeuroGym's action {@code left}, which adds one step to the position. */
  public static final int LEFT = 1;

  /** Class of NeuroGym's action {@code right}, which subtracts one step from the position. */
  public static final int RIGHT = 2;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's 1-D reaching task, teacher-forced: step the position on a ring towards the"
        + " target; inputs show the target and an ideal agent's position, targets its actions";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 500, "Fixation; the target is not shown yet"),
            period("reach", 500, "Target shown; step towards it")),
        speed(),
        dimRing());
  }

  /** The {@code speed} parameter, shared with {@link Reaching1DClosedLoop}. */
  static ParameterSpec speed() {
    return ParameterSpec.number(
            "speed",
            0.5,
            "rad/s",
            "How far one left or right action moves the position per second (the source's 0.05"
                + " rad per 100 ms step)")
        .withMin(0);
  }

  /** The {@code dimRing} parameter, shared with {@link Reaching1DClosedLoop}. */
  static ParameterSpec dimRing() {
    return NeuroGymSupport.dimRing(16, "Units of the target ring and of the self ring");
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
    double step = stepRad(ID, params, dt);
    int dimRing = params.count("dimRing");
    ChannelLayout in =
        ChannelLayout.builder().group("target", dimRing).group("self", dimRing).build();
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
          b.setInput(NeuroGymSupport.cosine(target, dimRing, 1, 0), "target", "reach");
          teacherForce(b, in.indices("self"), target, step);
          return b.build();
        });
  }

  /**
   * The movement per step in rad: {@code speed} (rad/s) times dt.
   *
   * @throws IllegalArgumentException if speed is not positive and finite
   */
  static double stepRad(String id, Parameters params, double dtMs) {
    double speed = params.number("speed");
    if (!(speed > 0) || !Double.isFinite(speed)) {
      throw new IllegalArgumentException(id + " needs speed > 0 rad/s, got " + speed);
    }
    return speed * dtMs / 1000;
  }

  /**
   * Walks NeuroGym's ideal agent through the trial from {@link #START_RAD}: at every step adds the
   * cosine code of its position (one channel per ring unit, in {@code selfChannels}) to the inputs,
   * and sets the class target to its action (fixate before {@code reach}, then {@link
   * #idealAction}); records {@code targetAngle} and {@code arrivalStep} (the first step in {@code
   * reach} where it fixates, −1 if it never arrives).
   */
  static void teacherForce(TrialBuilder b, int[] selfChannels, double target, double stepRad) {
    Period reach = b.period("reach");
    float[][] inputs = b.inputs();
    int[] classes = b.classTargets();
    int arrival = -1;
    double position = START_RAD;
    for (int t = 0; t < b.steps(); t++) {
      float[] code = NeuroGymSupport.cosine(position, selfChannels.length, 1, 0);
      for (int k = 0; k < selfChannels.length; k++) {
        inputs[t][selfChannels[k]] += code[k];
      }
      boolean reaching = t >= reach.startStep();
      int action = reaching ? idealAction(position, target, stepRad) : 0;
      classes[t] = action;
      if (action == 0 && reaching && arrival < 0) {
        arrival = t;
      }
      position = move(position, action, stepRad);
    }
    b.metadata("targetAngle", target);
    b.metadata("arrivalStep", arrival);
  }

  /**
   * The greedy action from {@code position} towards {@code target}: {@link #LEFT} or {@link #RIGHT}
   * when a step brings the position closer, else 0 (stay).
   */
  static int idealAction(double position, double target, double step) {
    double d = signedAngle(position, target);
    if (d > step / 2) {
      return LEFT;
    }
    if (d < -step / 2) {
      return RIGHT;
    }
    return 0;
  }

  /** The position after {@code action}, in [0, 2π) as the source's {@code np.mod}. */
  static double move(double position, int action, double step) {
    double p = position + (action == LEFT ? step : action == RIGHT ? -step : 0);
    p %= 2 * Math.PI;
    return p < 0 ? p + 2 * Math.PI : p;
  }

  /** The angle from {@code from} to {@code to}, in (−π, π]. */
  static double signedAngle(double from, double to) {
    double d = (to - from) % (2 * Math.PI);
    if (d > Math.PI) {
      d -= 2 * Math.PI;
    } else if (d <= -Math.PI) {
      d += 2 * Math.PI;
    }
    return d;
  }
}
