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
 * NeuroGym's {@code ReachingDelayResponse} ({@code neurogym/envs/native/reachingdelayresponse.py}):
 * a position on a line is shown, and after a delay the agent says "go" and reports the position, a
 * continuous answer.
 *
 * <p>Periods, in order: {@code stimulus} (default 500 ms), {@code delay} (0, 1000 or 2000 ms, each
 * with probability 1/3), {@code decision} (500 ms); {@code dt} 100 ms. Per trial, drawn first: the
 * position {@code x}, uniform in [{@code lowBound}, {@code highBound}) (default [0, 1)).
 *
 * <p>Inputs, the source's: {@code go} is 1 during {@code decision}, 0 before; {@code stimulus} is
 * {@code x} during {@code stimulus} and −0.5 (the source's "nothing shown") during {@code delay}
 * and {@code decision}. No noise (the source adds none).
 *
 * <p>Targets (continuous; channels {@code go}, {@code position}): the source's ground truth, {@code
 * (−1, −0.5)} during {@code stimulus} and {@code delay} and {@code (1, x)} during {@code decision}.
 * Mask 1 on every step. Train with {@code mse}. Metadata: {@code targetPosition} ({@code x}).
 *
 * <p>Why these targets (docs/decisions/0028): the source's action is a continuous {@code Box(2)},
 * {@code (go, position)}, and its reward asks for {@code go < 0} during the stimulus and, at the
 * first step of the decision with {@code go > 0}, a position near {@code x} (reward {@code 1/(1 +
 * |position − x|)²}, which ends the trial). Its ground truth is exactly the vector above, and
 * NeuroGym's own supervised {@code Dataset} hands that vector to the network as the target, so
 * regressing on it with a squared error is the supervised form of the task the source defines: −1
 * and +1 sit on the safe side of the reward's go threshold of 0, and the position is the quantity
 * the reward scores. The −0.5 position target before the decision is what the source's ground truth
 * holds there; the reward ignores the position then, and the value is constant, so it costs the
 * network nothing to learn and is kept for fidelity rather than masked.
 *
 * <p>Differences from the source: none in the trials. The source ends a trial at the first go in
 * the decision; a supervised trial runs to the end of {@code decision}, as in NeuroGym's datasets.
 */
@Extension
public final class ReachingDelayResponse implements Task {

  /** The id scripts use. */
  public static final String ID = "reaching-delay-response";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("stimulus", "delay", "decision");

  /** The source's value of the stimulus input and of the position target when nothing is shown. */
  public static final float NOTHING = -0.5f;

  /** The go target before the decision: hold (the source's reward asks for {@code go < 0}). */
  public static final float HOLD = -1f;

  /** The go target during the decision (the source's reward asks for {@code go > 0}). */
  public static final float GO = 1f;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's delayed reaching with a continuous answer: remember a position on a line"
        + " across a delay, then say go and report it";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("stimulus", 500, "The position is shown"),
            period("delay", Timing.choice(0, 1000, 2000), "Memory delay"),
            period("decision", 500, "Go, and report the position")),
        ParameterSpec.number("lowBound", 0.0, "", "Lowest position (the source's lowbound)"),
        ParameterSpec.number(
            "highBound", 1.0, "", "Highest position, exclusive (the source's highbound)"));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, the decision period can be shorter than
   *     one step, or the bounds are not finite with {@code lowBound <= highBound}
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    double low = params.number("lowBound");
    double high = params.number("highBound");
    if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
      throw new IllegalArgumentException(
          ID + " needs finite bounds with lowBound <= highBound, got " + low + " and " + high);
    }
    ChannelLayout in = ChannelLayout.builder().single("go").single("stimulus").build();
    ChannelLayout out = ChannelLayout.builder().single("go").single("position").build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CONTINUOUS,
        random -> {
          double x = low + (high - low) * random.nextDouble();
          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CONTINUOUS);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput((float) x, "stimulus", "stimulus");
          b.setInput(NOTHING, "stimulus", "delay", "decision");
          b.setInput(1f, "go", "decision");
          b.target(HOLD, "go", "stimulus", "delay");
          b.target(NOTHING, "position", "stimulus", "delay");
          b.target(GO, "go", "decision");
          b.target((float) x, "position", "decision");
          b.metadata("targetPosition", x);
          return b.build();
        });
  }
}
