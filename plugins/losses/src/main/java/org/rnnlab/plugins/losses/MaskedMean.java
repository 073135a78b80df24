package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** The mask-weighted mean over steps that both losses share. */
final class MaskedMean {

  /** Keeps an all-zero mask from dividing 0 by 0; far below any real mask sum. */
  private static final float SMALLEST_DENOMINATOR = 1e-12f;

  private MaskedMean() {}

  /**
   * {@code Σ perStep·mask / Σ mask}, as a scalar; 0 when the mask is all zero.
   *
   * <p>Only array operations: the constant is created with the per-step array's manager, which
   * lives until after the backward pass.
   *
   * @param perStep {@code [batch, steps]} loss per step
   * @param mask {@code [batch, steps]} weights
   */
  static NDArray of(NDArray perStep, NDArray mask) {
    NDArray weights = mask.toType(perStep.getDataType(), false);
    NDArray floor =
        perStep.getManager().create(SMALLEST_DENOMINATOR).toType(perStep.getDataType(), false);
    return perStep.mul(weights).sum().div(weights.sum().maximum(floor));
  }

  /**
   * @throws IllegalArgumentException if the mask is missing or not {@code [batch, steps]} of the
   *     given array
   */
  static void checkMask(String loss, NDArray mask, Shape stepShape) {
    if (mask == null) {
      throw new IllegalArgumentException(
          loss + " needs a loss mask, but the forward result has none");
    }
    if (!mask.getShape().equals(stepShape)) {
      throw new IllegalArgumentException(
          loss + " needs a mask of shape " + stepShape + " [batch, steps], got " + mask.getShape());
    }
  }
}
