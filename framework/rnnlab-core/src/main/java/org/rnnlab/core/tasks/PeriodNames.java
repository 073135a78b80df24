package org.rnnlab.core.tasks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.api.task.Trial;

/**
 * Finds the names of a task's trial periods before training, so that losses can reject period names
 * the task does not have while the experiment is checked.
 *
 * <p>Tasks do not declare their periods; they are read from {@value #SAMPLE_TRIALS} sample trials
 * drawn from a generator of this class's own (seeded with a constant, so the answer is
 * reproducible), never from the run's streams: training draws exactly the same trials whether or
 * not this ran. A task mixer is sampled task by task. A period present in very few trials of a task
 * could be missed; every task in rnnlab names the same periods in (nearly) every trial.
 */
public final class PeriodNames {

  /** Sample trials per task. */
  public static final int SAMPLE_TRIALS = 100;

  private static final long SEED = 0;

  private PeriodNames() {}

  /**
   * The period names in the order first met; empty for closed-loop tasks.
   *
   * @throws RuntimeException whatever the task throws while drawing a trial
   */
  public static List<String> of(TaskInstance task) {
    Set<String> names = new LinkedHashSet<>();
    collect(task, names);
    return List.copyOf(names);
  }

  private static void collect(TaskInstance task, Set<String> names) {
    if (task instanceof MixedTask mixed) {
      mixed.tasks().forEach(t -> collect(t, names));
      return;
    }
    if (!(task instanceof OpenLoopTask open)) {
      return;
    }
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < SAMPLE_TRIALS; i++) {
      Trial trial = open.newTrial(random);
      for (Period p : trial.periods()) {
        names.add(p.name());
      }
    }
  }
}
