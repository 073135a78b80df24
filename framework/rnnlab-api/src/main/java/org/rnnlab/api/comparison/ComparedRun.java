package org.rnnlab.api.comparison;

import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.model.RecurrentNetwork;

/** One of the two runs a {@link Comparison} sees. */
public interface ComparedRun {

  /**
   * A short name for tables and file names, unique within the comparison: the run's experiment
   * name, or its folder name when both runs belong to the same experiment.
   */
  String name();

  /** The trained network, with the parameters of the run's final checkpoint. */
  RecurrentNetwork network();

  /**
   * The network's response to the first {@code trials} trials of the comparison's evaluation
   * stream. The other run's {@code evaluate(trials)} has exactly the same trials (inputs, noise,
   * lengths), so the two hidden-state arrays correspond step by step. Cached; a shorter request is
   * a prefix of a longer one.
   *
   * @throws IllegalArgumentException if {@code trials < 1}
   */
  Evaluation evaluate(int trials);
}
