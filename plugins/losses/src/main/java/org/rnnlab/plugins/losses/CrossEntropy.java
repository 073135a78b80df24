package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
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

/**
 * Masked cross-entropy over class targets, the loss of NeuroGym's supervised examples:
 *
 * <pre>
 * L = Σ_{b,t} w_{b,t} · (−log softmax(y_{b,t})[c_{b,t}]) / Σ_{b,t} w_{b,t}
 * </pre>
 *
 * <p>where {@code y} are the network's outputs {@code [batch, steps, classes]} (logits), {@code c}
 * the class targets {@code [batch, steps]} and {@code w} the step weights: the mask times the
 * weight of the step's period ({@code periodWeights}, 1 for periods not named). With the all-ones
 * mask of NeuroGym's dataset and no period weights this is PyTorch's {@code CrossEntropyLoss} over
 * every step. All-zero weights give 0. The log-probability of the target is gathered rather than
 * multiplied by a one-hot vector, so very confident wrong classes cannot turn into {@code 0·(−∞)}.
 *
 * <p>Parameter {@code periodWeights} (default none). Stateless; the returned function is too.
 */
@Extension
public final class CrossEntropy implements Loss {

  /** The id scripts use. */
  public static final String ID = "cross-entropy";

  /** Creates the component; PF4J and Guice call this. */
  public CrossEntropy() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Masked cross-entropy between the outputs (as logits) and the class targets, averaged"
        + " over masked steps, optionally weighted per trial period";
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
        return CrossEntropy.compute(result, periodWeights);
      }

      @Override
      public void check(LossContext context) {
        Targets.requireClasses(ID, context, "for continuous targets use 'mse'");
        StepWeights.check(ID, periodWeights, context);
      }
    };
  }

  /** Without period weights. */
  static NDArray compute(ForwardResult result) {
    return compute(result, Map.of());
  }

  /**
   * @throws IllegalArgumentException if the result has no class targets (a task with continuous
   *     targets: use {@code mse}), or the shapes of outputs, class targets and mask disagree
   */
  static NDArray compute(ForwardResult result, Map<String, Double> periodWeights) {
    NDArray targets = result.classTargets();
    if (targets == null) {
      throw new IllegalArgumentException(
          "cross-entropy needs class targets (a task whose targetKind is CLASS_INDEX), but this"
              + " forward result has none; for continuous targets use 'mse'");
    }
    NDArray outputs = result.outputs();
    Shape shape = outputs.getShape();
    if (shape.dimension() != 3) {
      throw new IllegalArgumentException(
          "cross-entropy needs outputs [batch, steps, classes], got " + shape);
    }
    Shape stepShape = new Shape(shape.get(0), shape.get(1));
    if (!targets.getShape().equals(stepShape)) {
      throw new IllegalArgumentException(
          "cross-entropy needs class targets of shape "
              + stepShape
              + " to match the outputs "
              + shape
              + ", got "
              + targets.getShape());
    }
    MaskedMean.checkMask(ID, result.mask(), stepShape);
    NDArray index = targets.toType(DataType.INT64, false).expandDims(2);
    NDArray logLikelihood = outputs.logSoftmax(2).gather(index, 2).squeeze(2);
    return MaskedMean.of(logLikelihood, StepWeights.of(ID, result, periodWeights)).neg();
  }
}
