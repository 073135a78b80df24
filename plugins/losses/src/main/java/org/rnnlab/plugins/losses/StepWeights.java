package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.LossContext;

/**
 * Per-period weights on the steps of a batch, shared by the losses that average over steps.
 *
 * <p>The weight of a step is its mask value times the weight of the period it belongs to ({@link
 * ForwardResult#periods()}); periods not named in {@code periodWeights}, and steps in no period,
 * keep factor 1. The losses then take the same weighted mean as with the mask alone, so only the
 * ratios between weights matter for the weighted-mean losses, and a period weighted 0 drops out.
 */
final class StepWeights {

  /** Parameter name. */
  static final String PERIOD_WEIGHTS = "periodWeights";

  private StepWeights() {}

  /** The {@code periodWeights} declaration every step-averaging loss shares. */
  static ParameterSpec periodWeightsSpec() {
    return ParameterSpec.numberMap(
            PERIOD_WEIGHTS,
            "",
            "Factor on the steps of each named trial period, e.g. {decision: 5}; periods not"
                + " named keep 1 (multiplies the task's mask)")
        .withMin(0);
  }

  /**
   * The mask times the period weights, {@code [batch, steps]}; the mask itself when no weights are
   * given. The factors are constants built in Java from the period labels.
   *
   * @throws IllegalArgumentException if weights are given but the result has no period labels
   */
  static NDArray of(String loss, ForwardResult result, Map<String, Double> periodWeights) {
    NDArray mask = result.mask();
    if (periodWeights.isEmpty()) {
      return mask;
    }
    NDArray periods = result.periods();
    if (periods == null) {
      throw new IllegalArgumentException(
          loss
              + " has periodWeights "
              + periodWeights
              + ", but this batch has no period labels (closed-loop tasks have none); remove"
              + " periodWeights");
    }
    if (!periods.getShape().equals(mask.getShape())) {
      throw new IllegalArgumentException(
          loss
              + " needs period labels of the mask's shape "
              + mask.getShape()
              + ", got "
              + periods.getShape());
    }
    List<String> names = result.periodNames();
    float[] byIndex = new float[names.size()];
    for (int i = 0; i < byIndex.length; i++) {
      byIndex[i] = periodWeights.getOrDefault(names.get(i), 1.0).floatValue();
    }
    int[] labels = periods.toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
    float[] factors = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      factors[i] = labels[i] < 0 ? 1f : byIndex[labels[i]];
    }
    NDArray factorArray =
        mask.getManager().create(factors, mask.getShape()).toType(mask.getDataType(), false);
    return mask.mul(factorArray);
  }

  /**
   * Checks that every weighted period exists in the task.
   *
   * @throws IllegalArgumentException naming the unknown period and the task's periods
   */
  static void check(String loss, Map<String, Double> periodWeights, LossContext context) {
    if (periodWeights.isEmpty()) {
      return;
    }
    List<String> known = context.periodNames();
    if (known.isEmpty()) {
      throw new IllegalArgumentException(
          loss
              + " has periodWeights "
              + periodWeights.keySet()
              + ", but this task's trials have no periods"
              + (context.task() instanceof org.rnnlab.api.task.ClosedLoopTask
                  ? " (it is closed-loop)"
                  : "")
              + "; remove periodWeights");
    }
    for (String name : periodWeights.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            loss
                + ": periodWeights names period '"
                + name
                + "', which the task does not have; its periods are "
                + known);
      }
    }
  }
}
