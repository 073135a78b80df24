package org.rnnlab.core.training;

/** Hears about training progress, for a progress bar or a log. Called on the training thread. */
public interface TrainingListener {

  /** Does nothing. */
  TrainingListener NONE = new TrainingListener() {};

  /** Training starts (or resumes) at {@code firstStep} of {@code totalSteps}. */
  default void started(int firstStep, int totalSteps) {}

  /** Step {@code step} (1-based) finished with this total loss. */
  default void stepFinished(int step, float loss) {}

  /** Training ended, normally or not. */
  default void finished() {}
}
