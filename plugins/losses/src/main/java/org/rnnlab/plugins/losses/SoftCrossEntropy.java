package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossContext;
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.api.task.OpenLoopTask;

/**
 * Cross-entropy between distribution targets and the softmax of the outputs, as Sorscher et al.
 * train path integration against softmax place-cell activations:
 *
 * <pre>
 * L = Σ_{b,t} w_{b,t} · (−Σ_k t_{b,t,k} · log softmax(y_{b,t})_k) / Σ_{b,t} w_{b,t}
 * </pre>
 *
 * <p>where {@code y} are the outputs {@code [batch, steps, K]} (logits), {@code t} the continuous
 * targets {@code [batch, steps, K]}, each step a distribution over the {@code K} outputs, and
 * {@code w} the step weights (mask times {@code periodWeights}). With an all-ones mask this is
 * Sorscher's {@code −mean_{t,b} Σ_i y_i log softmax(pred)_i}. For one-hot targets it equals {@code
 * cross-entropy}.
 *
 * <p>Every step with a positive weight must hold a distribution: targets summing to 1 within
 * {@value #SUM_TOLERANCE} and none below {@code −}{@value #SUM_TOLERANCE}; otherwise the loss fails
 * with a clear message (this costs one read of two numbers per batch). Class targets are rejected:
 * use {@code cross-entropy}. Output weights are not applied. Stateless; the returned function is
 * too.
 */
@Extension
public final class SoftCrossEntropy implements Loss {

  /** The id scripts use. */
  public static final String ID = "soft-cross-entropy";

  /** Largest accepted deviation of a step's target sum from 1 (and of a target below 0). */
  static final float SUM_TOLERANCE = 1e-3f;

  /** Creates the component; PF4J and Guice call this. */
  public SoftCrossEntropy() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Cross-entropy between distribution targets (summing to 1 per step, like softmax"
        + " place-cell activations) and the softmax of the outputs, averaged over masked steps";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(StepWeights.periodWeightsSpec());
  }

  @Override
  public LossFunction create(Parameters params) {
    Map<String, Double> periodWeights = params.numberMap(StepWeights.PERIOD_WEIGHTS);
    return new LossFunction() {
      @Override
      public NDArray compute(ForwardResult result) {
        return SoftCrossEntropy.compute(result, periodWeights);
      }

      @Override
      public void check(LossContext context) {
        if (!(context.task() instanceof OpenLoopTask)) {
          throw new IllegalArgumentException(
              ID
                  + " compares the outputs with distribution targets over the output channels;"
                  + " a closed-loop task's targets are for its controlled variable; use 'mse'");
        }
        Targets.requireContinuous(ID, context, "use 'cross-entropy'");
        StepWeights.check(ID, periodWeights, context);
      }
    };
  }

  /**
   * @throws IllegalArgumentException if the result has class targets or no targets, the shapes of
   *     outputs, targets and mask disagree, or a weighted step's targets are not a distribution
   */
  static NDArray compute(ForwardResult result, Map<String, Double> periodWeights) {
    NDArray targets = result.targets();
    if (targets == null) {
      throw new IllegalArgumentException(
          ID
              + " needs distribution targets (continuous targets summing to 1 per step), but this"
              + " forward result has "
              + (result.classTargets() != null ? "class targets; use 'cross-entropy'" : "none"));
    }
    NDArray outputs = result.outputs();
    Shape shape = outputs.getShape();
    if (shape.dimension() != 3 || !targets.getShape().equals(shape)) {
      throw new IllegalArgumentException(
          ID
              + " needs outputs and targets of the same shape [batch, steps, K], got "
              + shape
              + " and "
              + targets.getShape());
    }
    Shape stepShape = new Shape(shape.get(0), shape.get(1));
    MaskedMean.checkMask(ID, result.mask(), stepShape);
    NDArray weights = StepWeights.of(ID, result, periodWeights);
    checkDistributions(targets, weights);
    NDArray perStep = outputs.logSoftmax(2).mul(targets).sum(new int[] {2}).neg();
    return MaskedMean.of(perStep, weights);
  }

  /** Reads the largest deviation of a weighted step's sum from 1, and the smallest target. */
  private static void checkDistributions(NDArray targets, NDArray weights) {
    NDManager m = targets.getManager();
    NDArray one = m.create(1f).toType(targets.getDataType(), false);
    NDArray zero = m.create(0f).toType(weights.getDataType(), false);
    NDArray counted = weights.gt(zero).toType(targets.getDataType(), false);
    float deviation = targets.sum(new int[] {2}).sub(one).abs().mul(counted).max().getFloat();
    float smallest = targets.mul(counted.expandDims(2)).min().getFloat();
    if (deviation > SUM_TOLERANCE || smallest < -SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          ID
              + " needs distribution targets (non-negative, summing to 1 at every weighted"
              + " step), but a step's sum is off 1 by "
              + deviation
              + " and the smallest target is "
              + smallest
              + "; for other continuous targets use 'mse'");
    }
  }
}
