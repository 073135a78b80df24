package org.rnnlab.dsl.internal;

/**
 * The keywords of the {@code evaluation { ... }} block.
 *
 * <p>Every method throws {@link org.rnnlab.api.spec.SpecException} if it is called outside the
 * evaluation block or a second time.
 */
public final class EvaluationContext {

  private final DslState dslState;

  EvaluationContext(DslState dslState) {
    this.dslState = dslState;
  }

  /** {@code trials 500}: held-out trials recorded after training. */
  public void trials(long trials) {
    dslState.setting(Block.EVALUATION, "trials", trials, dslState.callerLine());
  }

  /**
   * Called by Groovy for {@code name = value} inside the block.
   *
   * @throws org.rnnlab.api.spec.SpecException always: settings are keyword calls, not assignments
   */
  public void propertyMissing(String name, Object value) {
    throw dslState.assignment(name, dslState.callerLine());
  }
}
