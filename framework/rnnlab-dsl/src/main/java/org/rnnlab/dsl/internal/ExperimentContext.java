package org.rnnlab.dsl.internal;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.Map;

/**
 * The keywords of the {@code experiment(name) { ... }} block. Each method records one value with
 * the line of the script that called it; the parameters of components are not checked here but by
 * the core against the component's declared parameters.
 *
 * <p>Every method throws {@link org.rnnlab.api.spec.SpecException} if it is called outside the
 * experiment block or a second time (except {@code loss} and {@code analyze}, which append).
 */
public final class ExperimentContext {

  private final DslState dslState;

  ExperimentContext(DslState dslState) {
    this.dslState = dslState;
  }

  /** {@code seed 42}: the seed every random stream of the run derives from. */
  public void seed(long seed) {
    dslState.setting(Block.EXPERIMENT, "seed", seed, dslState.callerLine());
  }

  /** {@code task 'perceptual-decision-making'}. */
  public void task(String id) {
    dslState.component(Block.EXPERIMENT, "task", Map.of(), id, dslState.callerLine());
  }

  /** {@code task 'perceptual-decision-making', dt: 20, timing: [stimulus: 1000]}. */
  public void task(Map<String, ?> params, String id) {
    dslState.component(Block.EXPERIMENT, "task", params, id, dslState.callerLine());
  }

  /** {@code model 'leaky-rnn'}. */
  public void model(String id) {
    dslState.component(Block.EXPERIMENT, "model", Map.of(), id, dslState.callerLine());
  }

  /** {@code model 'leaky-rnn', hidden: 128, tau: 100}. */
  public void model(Map<String, ?> params, String id) {
    dslState.component(Block.EXPERIMENT, "model", params, id, dslState.callerLine());
  }

  /** {@code loss 'cross-entropy'}: appends a term to the objective. */
  public void loss(String id) {
    dslState.appendComponent("loss", "loss", Map.of(), id, dslState.callerLine());
  }

  /** {@code loss 'l2-rate', weight: 1e-4}: appends a term; {@code weight} is a parameter too. */
  public void loss(Map<String, ?> params, String id) {
    dslState.appendComponent("loss", "loss", params, id, dslState.callerLine());
  }

  /** {@code train { ... }}: the training loop's settings; see {@link TrainContext}. */
  public void train(
      @DelegatesTo(value = TrainContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
    dslState.block(
        Block.EXPERIMENT,
        "train",
        Block.TRAIN,
        new TrainContext(dslState),
        body,
        dslState.callerLine());
  }

  /** {@code evaluation { trials 500 }}; see {@link EvaluationContext}. */
  public void evaluation(
      @DelegatesTo(value = EvaluationContext.class, strategy = Closure.DELEGATE_FIRST)
          Closure<?> body) {
    dslState.block(
        Block.EXPERIMENT,
        "evaluation",
        Block.EVALUATION,
        new EvaluationContext(dslState),
        body,
        dslState.callerLine());
  }

  /** {@code analyze 'decision-accuracy'}: appends an analysis to run after training. */
  public void analyze(String id) {
    dslState.appendComponent("analyze", "analyses", Map.of(), id, dslState.callerLine());
  }

  /** {@code analyze 'decision-accuracy', trials: 200}. */
  public void analyze(Map<String, ?> params, String id) {
    dslState.appendComponent("analyze", "analyses", params, id, dslState.callerLine());
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
