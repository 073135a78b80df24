package org.rnnlab.core.training;

/**
 * An endless, deterministic sequence of training batches.
 *
 * <p>Implementations draw trials from the run's task stream only, so batch {@code k} is the same in
 * every run with the same seed; {@link #skip} replays batches without building them into tensors
 * (used on resume).
 */
public interface BatchSource {

  /** The next batch. */
  Batch next();

  /** Draws and discards {@code batches} batches. */
  default void skip(int batches) {
    for (int i = 0; i < batches; i++) {
      next();
    }
  }
}
