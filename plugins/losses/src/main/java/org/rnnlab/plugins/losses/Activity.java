package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.loss.ForwardResult;

/**
 * What the activity regularisers share: the hidden states, checked, and the {@code masked} flag.
 */
final class Activity {

  static final String MASKED = "masked";

  private Activity() {}

  static ParameterSpec maskedSpec() {
    return ParameterSpec.bool(
        MASKED,
        false,
        "false: every step of the batch counts, as in the source (padding too); true: steps are"
            + " weighted by the task's mask");
  }

  /**
   * The hidden states {@code [batch, steps, units]}.
   *
   * @throws IllegalArgumentException if they are missing or not 3-D, or the mask does not match
   */
  static NDArray hidden(String loss, ForwardResult result) {
    NDArray h = result.hidden();
    if (h == null) {
      throw new IllegalArgumentException(
          loss + " needs the hidden states, but this forward result has none");
    }
    Shape shape = h.getShape();
    if (shape.dimension() != 3) {
      throw new IllegalArgumentException(
          loss + " needs hidden states [batch, steps, units], got " + shape);
    }
    MaskedMean.checkMask(loss, result.mask(), new Shape(shape.get(0), shape.get(1)));
    return h;
  }
}
