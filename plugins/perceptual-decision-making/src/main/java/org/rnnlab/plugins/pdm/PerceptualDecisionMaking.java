package org.rnnlab.plugins.pdm;

import java.util.List;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.trial.Timing;

/**
 * NeuroGym's {@code PerceptualDecisionMaking} (random-dot motion, n-alternative forced choice),
 * reimplemented for rnnlab with the same semantics and defaults.
 *
 * <p>A trial has four periods, in order: {@code fixation}, {@code stimulus}, {@code delay}, {@code
 * decision}. Each duration (ms) is floored to the time step, {@code floor(d/dt)·dt}, and lasts
 * {@code d/dt} steps. The ground truth {@code g ∈ 1..dimRing} and the coherence {@code c} (%, from
 * {@code cohs}) are drawn uniformly, in that order.
 *
 * <p>Inputs ({@code 1 + dimRing} channels):
 *
 * <ul>
 *   <li>{@code fixation}: 1 during the fixation period only, 0 elsewhere (as in NeuroGym at {@code
 *       neurogym/envs/native/perceptualdecisionmaking.py}, {@code add_ob(1, period="fixation")});
 *       with {@code fixationCue: until-decision}, 1 through fixation, stimulus and delay, as in
 *       earlier NeuroGym releases, so that its offset is a go cue;
 *   <li>{@code stimulus-k}, k = 1..dimRing: during the stimulus period {@code cos(θ_k − θ_g)·c/200
 *       + 0.5 + N(0, sigma/sqrt(dt))}, with {@code θ_k = 2π(k−1)/dimRing}; 0 elsewhere. The noise
 *       is drawn step by step, channel by channel.
 * </ul>
 *
 * <p>Targets are class indices over the outputs {@code fixate, choice-1 … choice-dimRing}: 0
 * everywhere except the decision period, where it is {@code g}. The mask is 1 on every step, as in
 * NeuroGym's supervised {@code Dataset}, which trains on every step. Metadata per trial: {@code
 * groundTruth} (int, 1..dimRing), {@code coherence} (double, %) and {@code stimulusAngle} (double,
 * rad, θ_g).
 *
 * <p>Stateless; {@link #create} validates the values and returns a new task instance.
 */
@Extension
public final class PerceptualDecisionMaking implements Task {

  /** The id scripts use. */
  public static final String ID = "perceptual-decision-making";

  /** {@code fixationCue} value: the fixation input is on during the fixation period only. */
  public static final String FIXATION_PERIOD = "fixation-period";

  /** {@code fixationCue} value: the fixation input stays on until the decision period. */
  public static final String UNTIL_DECISION = "until-decision";

  /** Creates the component; PF4J and Guice call this. */
  public PerceptualDecisionMaking() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's perceptual decision-making task: report which of dimRing noisy stimuli is"
        + " stronger on average after a fixation, stimulus and delay period";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.number("dt", 100.0, "ms", "Time step; period durations are floored to it")
            .withMin(0),
        ParameterSpec.group(
            "timing",
            "Period durations in ms, in order fixation, stimulus, delay, decision: a number, a"
                + " list to choose from, or a distribution sampled per trial such as {uniform:"
                + " [low, high]}",
            period("fixation", 100, "Fixation period before the stimulus"),
            period("stimulus", 2000, "Stimulus period"),
            period("delay", 0, "Delay between the stimulus and the decision"),
            period("decision", 100, "Decision period, where the choice is the target")),
        ParameterSpec.numbers(
                "cohs",
                List.of(0.0, 6.4, 12.8, 25.6, 51.2),
                "%",
                "Motion coherences, drawn uniformly per trial")
            .withMin(0),
        ParameterSpec.number(
                "sigma",
                1.0,
                "sqrt(ms)",
                "Stimulus noise; its standard deviation per step is sigma/sqrt(dt)")
            .withMin(0),
        ParameterSpec.integer("dimRing", 2, "", "Number of stimuli and choices").withMin(2),
        ParameterSpec.choice(
            "fixationCue",
            FIXATION_PERIOD,
            List.of(FIXATION_PERIOD, UNTIL_DECISION),
            "When the fixation input is on: '"
                + FIXATION_PERIOD
                + "' (current NeuroGym) or '"
                + UNTIL_DECISION
                + "' (earlier NeuroGym releases: on through stimulus and delay, its offset is"
                + " the go cue)"));
  }

  private static ParameterSpec period(String name, double defaultMs, String text) {
    return ParameterSpec.timing(name, Timing.constant(defaultMs), text);
  }

  /**
   * @throws IllegalArgumentException if {@code dt} is not positive, a duration is negative, {@code
   *     cohs} is empty or has a negative value, or the decision period floors to zero steps (the
   *     network would never be asked to choose)
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    Parameters timing = params.group("timing");
    return new PerceptualDecisionMakingTrials(
        params.number("dt"),
        new Timing[] {
          timing.timing("fixation"),
          timing.timing("stimulus"),
          timing.timing("delay"),
          timing.timing("decision")
        },
        params.numbers("cohs"),
        params.number("sigma"),
        params.count("dimRing"),
        params.string("fixationCue").equals(UNTIL_DECISION));
  }
}
