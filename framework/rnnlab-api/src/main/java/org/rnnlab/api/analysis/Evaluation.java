package org.rnnlab.api.analysis;

import java.util.List;
import org.rnnlab.api.task.Trial;

/**
 * Held-out trials and what the trained network did on them, trial by trial.
 *
 * <p>Each trial is run on its own from the network's initial state (or, for a task that gives
 * initial conditions, from the state the network's encoder computes from the trial's). Arrays are
 * indexed {@code [trial][step][channel]}; trial {@code i} has {@code trials.get(i).steps()} steps.
 *
 * @param trials the trials, drawn from the run's evaluation stream
 * @param outputs network readout per trial and step
 * @param hidden hidden state per trial and step
 */
public record Evaluation(List<Trial> trials, float[][][] outputs, float[][][] hidden) {
  public Evaluation {
    trials = List.copyOf(trials);
    if (outputs.length != trials.size() || hidden.length != trials.size()) {
      throw new IllegalArgumentException("evaluation arrays disagree on the number of trials");
    }
  }

  public int size() {
    return trials.size();
  }

  /**
   * The first {@code count} trials and their responses.
   *
   * @throws IllegalArgumentException if {@code count} is not between 1 and {@link #size()}
   */
  public Evaluation prefix(int count) {
    if (count < 1 || count > trials.size()) {
      throw new IllegalArgumentException(
          "this evaluation holds " + trials.size() + " trials, " + count + " were asked for");
    }
    return new Evaluation(
        trials.subList(0, count),
        java.util.Arrays.copyOf(outputs, count),
        java.util.Arrays.copyOf(hidden, count));
  }
}
