package org.rnnlab.plugins.wrappers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

/**
 * An open-loop task that passes everything to the task it wraps; wrappers override what they
 * change.
 */
abstract class Delegating implements OpenLoopTask {

  final OpenLoopTask inner;

  Delegating(OpenLoopTask inner) {
    this.inner = inner;
  }

  @Override
  public double dtMs() {
    return inner.dtMs();
  }

  @Override
  public List<String> inputChannels() {
    return inner.inputChannels();
  }

  @Override
  public List<String> outputChannels() {
    return inner.outputChannels();
  }

  @Override
  public TargetKind targetKind() {
    return inner.targetKind();
  }

  @Override
  public float[] outputWeights() {
    return inner.outputWeights();
  }

  @Override
  public int initialConditionSize() {
    return inner.initialConditionSize();
  }

  @Override
  public Set<String> conditions() {
    return inner.conditions();
  }

  @Override
  public List<Integer> groundTruthChoices() {
    return inner.groundTruthChoices();
  }

  @Override
  public Trial newTrial(RandomGenerator random) {
    return newTrial(random, Map.of());
  }
}
