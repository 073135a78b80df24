package org.rnnlab.dsl.internal;

import java.util.Map;

/**
 * The keywords of the {@code train { ... }} block. Each setting may be given once; its value is
 * recorded with the line of the call, and checked (range, allowed values) by the core.
 *
 * <p>Every method throws {@link org.rnnlab.api.spec.SpecException} if it is called outside the
 * train block or a second time.
 */
public final class TrainContext {

  private final DslState dslState;

  TrainContext(DslState dslState) {
    this.dslState = dslState;
  }

  /** {@code optimizer 'adam'}. */
  public void optimizer(String id) {
    dslState.component(Block.TRAIN, "optimizer", Map.of(), id, dslState.callerLine());
  }

  /** {@code optimizer 'adam', lr: 0.01}. */
  public void optimizer(Map<String, ?> params, String id) {
    dslState.component(Block.TRAIN, "optimizer", params, id, dslState.callerLine());
  }

  /** {@code steps 2000}: number of parameter updates. */
  public void steps(long steps) {
    dslState.setting(Block.TRAIN, "steps", steps, dslState.callerLine());
  }

  /** {@code batch 16}: sequences per update. */
  public void batch(long batch) {
    dslState.setting(Block.TRAIN, "batch", batch, dslState.callerLine());
  }

  /** {@code sequenceLength 100}: time steps per sequence in stream batching. */
  public void sequenceLength(long sequenceLength) {
    dslState.setting(Block.TRAIN, "sequenceLength", sequenceLength, dslState.callerLine());
  }

  /** {@code batching 'stream'} or {@code batching 'trials'}. */
  public void batching(String batching) {
    dslState.setting(Block.TRAIN, "batching", batching, dslState.callerLine());
  }

  /** {@code clipGradNorm 1.0}: maximum global gradient norm. */
  public void clipGradNorm(Number clipGradNorm) {
    dslState.setting(Block.TRAIN, "clipGradNorm", clipGradNorm, dslState.callerLine());
  }

  /** {@code clipGradValue 1.0}: maximum absolute value of each gradient element. */
  public void clipGradValue(Number clipGradValue) {
    dslState.setting(Block.TRAIN, "clipGradValue", clipGradValue, dslState.callerLine());
  }

  /** {@code checkpointEvery 500}: steps between checkpoints. */
  public void checkpointEvery(long checkpointEvery) {
    dslState.setting(Block.TRAIN, "checkpointEvery", checkpointEvery, dslState.callerLine());
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
