package org.rnnlab.api.spec;

import java.util.List;
import java.util.Map;

/**
 * A fully resolved experiment: every component chosen, every parameter validated and every default
 * filled in. The Groovy and YAML front ends produce the same instance for the same experiment.
 *
 * @param name experiment name, used for the run folder
 * @param seed the one seed every random stream of the run derives from
 * @param task the task
 * @param model the model
 * @param losses weighted terms of the objective
 * @param training the training loop's settings
 * @param evaluationTrials number of held-out trials recorded in {@code evaluation/}
 * @param analyses analyses to run after training, in order
 * @param tree the same spec as a plain tree, as written to {@code spec.yaml}
 */
public record ExperimentSpec(
    String name,
    long seed,
    ComponentSpec task,
    ComponentSpec model,
    List<LossSpec> losses,
    TrainingSpec training,
    int evaluationTrials,
    List<ComponentSpec> analyses,
    Map<String, Object> tree) {
  public ExperimentSpec {
    losses = List.copyOf(losses);
    analyses = List.copyOf(analyses);
    tree = java.util.Collections.unmodifiableMap(tree);
  }
}
