package org.rnnlab.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Source of standard-normal noise for a network's forward pass, drawn from the run's noise stream
 * so that noisy runs stay reproducible.
 *
 * <p>A network must take all of its noise from here, one call per time step in time order.
 */
public interface Noise {

  /** Noise switched off; {@link #enabled()} is false and {@link #standardNormal} throws. */
  Noise NONE =
      new Noise() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public NDArray standardNormal(Shape shape, NDManager manager) {
          throw new IllegalStateException("noise is disabled");
        }
      };

  /** Whether the network should add noise at all. */
  boolean enabled();

  /** A fresh array of independent N(0, 1) samples, owned by {@code manager}. */
  NDArray standardNormal(Shape shape, NDManager manager);
}
