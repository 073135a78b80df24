package org.rnnlab.dsl.internal;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;

/**
 * The base class every Groovy experiment script is compiled against. It adds the one top-level
 * keyword, {@code experiment(name) { ... }}, and turns calls that nothing answers into messages
 * that list the keywords valid where the call was made.
 *
 * <p>Not for use from Java: {@link org.rnnlab.dsl.ExperimentReader} compiles and runs scripts.
 */
public abstract class ExperimentScript extends Script {

  private DslState dslState;

  /** Used by the script class Groovy generates. */
  protected ExperimentScript() {}

  /** Used by the script class Groovy generates. */
  protected ExperimentScript(Binding binding) {
    super(binding);
  }

  void attach(DslState state) {
    this.dslState = state;
  }

  private DslState dsl() {
    if (dslState == null) {
      throw new IllegalStateException("experiment scripts are run by ExperimentReader");
    }
    return dslState;
  }

  /**
   * Describes the experiment. Call it once per script.
   *
   * @param name the experiment's name, used for its run folder
   * @param body the experiment block; see {@link ExperimentContext}
   * @throws org.rnnlab.api.spec.SpecException if called a second time or with a missing argument
   */
  public void experiment(
      String name,
      @DelegatesTo(value = ExperimentContext.class, strategy = Closure.DELEGATE_FIRST)
          Closure<?> body) {
    DslState state = dsl();
    state.experiment(name, body, state.callerLine());
  }

  /**
   * Called by Groovy when no keyword, method of the script or closure in the binding answers a
   * call.
   *
   * @return the result of a closure stored in the binding under {@code name}, if there is one
   * @throws org.rnnlab.api.spec.SpecException otherwise, naming the keywords valid at that place
   */
  public Object methodMissing(String name, Object args) {
    Object[] arguments = args instanceof Object[] array ? array : new Object[] {args};
    // Keep Groovy's usual script behaviour of calling a closure stored in the binding.
    Binding binding = getBinding();
    if (binding.hasVariable(name) && binding.getVariable(name) instanceof Closure<?> closure) {
      return closure.call(arguments);
    }
    DslState state = dsl();
    throw state.unknownKeyword(name, arguments, state.callerLine());
  }
}
