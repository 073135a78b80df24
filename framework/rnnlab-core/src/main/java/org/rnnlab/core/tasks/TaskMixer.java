package org.rnnlab.core.tasks;

import java.util.List;
import org.rnnlab.api.component.ParameterSpec;

/**
 * The built-in task {@code task-mixer}: several tasks trained as one ({@link MixedTask}).
 *
 * <p>In a script its {@code tasks} list holds ordinary task entries, each checked against its own
 * component:
 *
 * <pre>{@code
 * task: { id: task-mixer, schedule: random,
 *         tasks: [ { id: yang-go }, { id: yang-dm1, sigmaX: 0.01 } ] }
 * }</pre>
 */
public final class TaskMixer {

  /** The id scripts use. */
  public static final String ID = "task-mixer";

  /** Schedule: the task of every trial is drawn uniformly. */
  public static final String RANDOM = "random";

  /**
   * Schedule: blocks of {@code blockTrials} trials of one task, the block's task drawn uniformly.
   */
  public static final String BLOCK = "block";

  /** The key of the task list. */
  public static final String TASKS = "tasks";

  /** Its own parameters (besides {@code tasks}). */
  public static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.choice(
              "schedule",
              RANDOM,
              List.of(RANDOM, BLOCK),
              "'random': each trial's task is drawn uniformly; 'block': blockTrials trials of one"
                  + " task at a time"),
          ParameterSpec.integer("blockTrials", 50, "trials", "Trials per block (schedule 'block')")
              .withMin(1),
          ParameterSpec.bool(
              "ruleInputs",
              false,
              "Append one input channel per task, on for the whole trial (NeuroGym's env_input);"
                  + " not needed for tasks with their own rule inputs"));

  private TaskMixer() {}
}
