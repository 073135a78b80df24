package org.rnnlab.plugins.losses;

import org.rnnlab.api.loss.LossContext;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;

/** Checks, before training, that the task gives the kind of target a loss needs. */
final class Targets {

  private Targets() {}

  /**
   * @throws IllegalArgumentException if the task is open-loop with class targets
   */
  static void requireContinuous(String loss, LossContext context, String alternative) {
    if (context.task() instanceof OpenLoopTask open
        && open.targetKind() == TargetKind.CLASS_INDEX) {
      throw new IllegalArgumentException(
          loss + " needs continuous targets, but this task gives class targets; " + alternative);
    }
  }

  /**
   * @throws IllegalArgumentException if the task is closed-loop or gives continuous targets
   */
  static void requireClasses(String loss, LossContext context, String alternative) {
    if (!(context.task() instanceof OpenLoopTask open)
        || open.targetKind() != TargetKind.CLASS_INDEX) {
      throw new IllegalArgumentException(
          loss
              + " needs class targets (a task whose targetKind is CLASS_INDEX), but this task"
              + " gives continuous targets; "
              + alternative);
    }
  }
}
