package org.rnnlab.plugins.dynamics.fixedpoints;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * Detaches a network's parameters from autograd while an analysis differentiates through {@link
 * RecurrentNetwork#step}, and reattaches them on {@link #close()}.
 *
 * <p>While frozen, a backward pass computes no gradient for the parameters: nothing is added to the
 * gradients they already hold (the PyTorch engine accumulates across collectors) and no time is
 * spent on them. The parameters' values are never touched. Use in try-with-resources; not
 * thread-safe, and the network must not be trained while frozen.
 */
final class FrozenParameters implements AutoCloseable {

  private final List<NDArray> detached = new ArrayList<>();

  private FrozenParameters(RecurrentNetwork network) {
    for (NDArray p : network.parameters().values()) {
      if (p.hasGradient()) {
        p.setRequiresGradient(false);
        detached.add(p);
      }
    }
  }

  /** Freezes every parameter of {@code network} that has a gradient attached. */
  static FrozenParameters of(RecurrentNetwork network) {
    return new FrozenParameters(network);
  }

  /** Reattaches the gradients of the parameters that had one. */
  @Override
  public void close() {
    for (NDArray p : detached) {
      p.setRequiresGradient(true);
    }
    detached.clear();
  }
}
