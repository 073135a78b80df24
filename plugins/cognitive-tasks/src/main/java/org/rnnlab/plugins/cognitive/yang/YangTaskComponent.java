package org.rnnlab.plugins.cognitive.yang;

import java.util.List;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;

/**
 * What the 20 Yang et al. 2019 components share: the id {@code yang-<rule>}, the parameters {@code
 * dt}, {@code tau} and {@code sigmaX}, and {@link YangTaskEngine} as the task instance. Each public
 * component only names its rule and describes it, and declares {@code implements Task} itself:
 * PF4J's index lists an extension once per path to its extension point, so the base class does not
 * implement {@link org.rnnlab.api.task.Task} (else every component would be listed twice).
 */
abstract class YangTaskComponent {

  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.number("dt", 20.0, "ms", "Time step (Yang et al. 2019: 20 ms)")
              .withRange(0.1, 100),
          ParameterSpec.number(
                  "tau", 100.0, "ms", "Network time constant; sets α = dt/τ for the input noise")
              .withMin(0.1),
          ParameterSpec.number(
                  "sigmaX",
                  0.01,
                  "",
                  "Input noise σ_x; every input gets N(0, (σ_x·√(2/α))²) per step")
              .withMin(0));

  private final YangRule rule;
  private final String description;

  YangTaskComponent(YangRule rule, String description) {
    this.rule = rule;
    this.description = description;
  }

  /** The component id, {@code yang-<rule>}. */
  public String id() {
    return rule.id();
  }

  /** One sentence naming the source rule and what the network must do. */
  public String description() {
    return "Yang et al. 2019 '" + rule.displayName + "' (" + rule.sourceName + "): " + description;
  }

  /** {@code dt}, {@code tau} and {@code sigmaX}. */
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  /** A {@link YangTaskEngine} for this rule. */
  public OpenLoopTask create(Parameters params) {
    return new YangTaskEngine(
        rule, params.number("dt"), params.number("tau"), params.number("sigmaX"));
  }
}
