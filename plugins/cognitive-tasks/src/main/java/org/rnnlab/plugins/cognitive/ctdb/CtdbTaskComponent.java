package org.rnnlab.plugins.cognitive.ctdb;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;

/**
 * What the 15 CtDB MultiTask components share: the id {@code ctdb-<task>}, the parameters and
 * {@link CtdbEngine} as the task instance. Each public component names its task, describes it and
 * declares {@code implements Task} itself: PF4J's index lists an extension once per path to its
 * extension point, so this base class does not implement {@link org.rnnlab.api.task.Task}.
 */
abstract class CtdbTaskComponent {

  static final String FIXATION_TARGET_PARAMETER = "fixationTargetBeforeResponse";

  private static final List<ParameterSpec> COMMON =
      List.of(
          ParameterSpec.number("dt", 20.0, "ms", "Time step (CtDB bin_size: 20 ms)")
              .withRange(1, 100),
          ParameterSpec.number(
                  "noise",
                  0.3,
                  "",
                  "Standard deviation of the Gaussian noise added to every input at every step"
                      + " of the trial (CtDB noise: 0.3)")
              .withMin(0),
          ParameterSpec.integer(
                  "numTargets",
                  32,
                  "",
                  "Number of sample angles, evenly spaced from -π (CtDB num_targets: 32)")
              .withMin(1),
          ParameterSpec.number(
                  "trialDuration",
                  6400.0,
                  "ms",
                  "Pad each trial with silent, unweighted steps up to this duration, as CtDB pads"
                      + " to n_timesteps = 320 bins of 20 ms; 0 ends the trial with its response")
              .withMin(0));

  private final CtdbRule rule;
  private final String description;
  private final List<ParameterSpec> parameters;

  CtdbTaskComponent(CtdbRule rule, String description) {
    this.rule = rule;
    this.description = description;
    List<ParameterSpec> p = new ArrayList<>(COMMON);
    if (rule.sourceOmitsFixationTarget()) {
      p.add(
          ParameterSpec.bool(
              FIXATION_TARGET_PARAMETER,
              false,
              "Set the fixation target to 1 before the response, as Match2Sample does; CtDB's"
                  + " source leaves it 0 for the whole trial in this task"));
    }
    this.parameters = List.copyOf(p);
  }

  /** The component id, {@code ctdb-<task>}. */
  public String id() {
    return rule.id;
  }

  /** One sentence naming the source task and what the network must do. */
  public String description() {
    return "CtDB MultiTask '" + rule.sourceName + "': " + description;
  }

  /**
   * {@code dt}, {@code noise}, {@code numTargets}, {@code trialDuration} and, where it applies,
   * {@code fixationTargetBeforeResponse}.
   */
  public List<ParameterSpec> parameters() {
    return parameters;
  }

  /** A {@link CtdbEngine} for this task. */
  public OpenLoopTask create(Parameters params) {
    boolean fixation =
        params.has(FIXATION_TARGET_PARAMETER) && params.bool(FIXATION_TARGET_PARAMETER);
    return new CtdbEngine(
        rule,
        params.number("dt"),
        params.number("noise"),
        params.count("numTargets"),
        params.number("trialDuration"),
        fixation);
  }
}
