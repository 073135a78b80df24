package org.rnnlab.api.component;

import java.util.List;

/**
 * Something an experiment script can name by id: a task, a model, a loss or an analysis.
 *
 * <p>Implementations are discovered by PF4J (they carry {@code @Extension}) and instantiated by
 * Guice, once per use. They must have a public no-argument (or {@code @Inject}) constructor and
 * hold no state between runs: the configured, stateful object is what their {@code create}/{@code
 * run} method returns.
 *
 * <p>The id, description and parameter list are the single source of truth for a component: the
 * script binder validates against them, {@code rnnlab describe} prints them and {@code spec.yaml}
 * records their defaults.
 */
public interface Component {

  /** Stable kebab-case id that scripts use, for example {@code perceptual-decision-making}. */
  String id();

  /** One sentence saying what the component is, shown by {@code rnnlab plugins}. */
  String description();

  /** Declared parameters, in the order they should be documented. Never null. */
  List<ParameterSpec> parameters();
}
