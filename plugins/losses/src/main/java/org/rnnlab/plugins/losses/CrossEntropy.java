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
 * weight of the step's period ({@code periodWeights}, 1 for periods not named) times the weight of
 * the step's target class ({@code classWeights}, by output channel name, 1 for classes not named).
 * With the all-ones mask of NeuroGym's dataset and no period weights this is PyTorch's {@code
 * CrossEntropyLoss} over every step, with {@code classWeights} its {@code weight} argument (a mean
 * weighted by the target's class, divided by the sum of those weights). Class weights are for rare
 * targets, such as the single {@code go} step of ready-set-go. All-zero weights give 0. The
 * log-probability of the target is gathered rather than multiplied by a one-hot vector, so very
 * confident wrong classes cannot turn into {@code 0·(−∞)}.
 *
 * <p>Parameters {@code periodWeights} and {@code classWeights} (default none). Stateless; the
 * returned function keeps the class factors that {@code check} resolves from the task's outputs.
 */
@Extension
public final class CrossEntropy implements Loss {

  /** The id scripts use. */
  public static final String ID = "cross-entropy";

  /** Parameter name. */
  static final String CLASS_WEIGHTS = "classWeights";

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
    return List.of(
        StepWeights.periodWeightsSpec(),
        ParameterSpec.numberMap(
                CLASS_WEIGHTS,
                "",
                "Factor on the steps whose target is each named output channel, e.g. {go: 20};"
                    + " classes not named keep 1 (PyTorch's CrossEntropyLoss weight)")
            .withMin(0));
  }

  @Override
  public LossFunction create(Parameters params) {
    Map<String, Double> periodWeights = params.numberMap(StepWeights.PERIOD_WEIGHTS);
    Map<String, Double> classWeights = params.numberMap(CLASS_WEIGHTS);
    return new LossFunction() {
      /** Class factors in output order, set by {@link #check} (which names the outputs). */
      private float[] byClass;

      @Override
      public NDArray compute(ForwardResult result) {
        if (!classWeights.isEmpty() && byClass == null) {
          throw new IllegalStateException(
              ID + " with classWeights needs check(LossContext) first, which names the classes");
        }
        return CrossEntropy.compute(result, periodWeights, byClass);
      }

      @Override
      public void check(LossContext context) {
        Targets.requireClasses(ID, context, "for continuous targets use 'mse'");
        StepWeights.check(ID, periodWeights, context);
        byClass = classFactors(classWeights, context.task().outputChannels());
      }
    };
  }

  /** Without period or class weights. */
  static NDArray compute(ForwardResult result) {
    return compute(result, Map.of(), null);
  }

  /**
   * The factor of each class, in output channel order; null when no weights are given.
   *
   * @throws IllegalArgumentException naming a class that is not an output channel, and the outputs
   */
  static float[] classFactors(Map<String, Double> classWeights, List<String> outputChannels) {
    if (classWeights.isEmpty()) {
      return null;
    }
    for (String name : classWeights.keySet()) {
      if (!outputChannels.contains(name)) {
        throw new IllegalArgumentException(
            ID
                + ": classWeights names class '"
                + name
                + "', which is not an output of the task; its outputs are "
                + outputChannels);
      }
    }
    float[] factors = new float[outputChannels.size()];
    for (int k = 0; k < factors.length; k++) {
      factors[k] = classWeights.getOrDefault(outputChannels.get(k), 1.0).floatValue();
    }
    return factors;
  }

  /**
   * @param classFactors the factor of each class in output order ({@link #classFactors}), or null
   * @throws IllegalArgumentException if the result has no class targets (a task with continuous
   *     targets: use {@code mse}), or the shapes of outputs, class targets and mask disagree
   */
  static NDArray compute(
      ForwardResult result, Map<String, Double> periodWeights, float[] classFactors) {
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
    NDArray weights = StepWeights.of(ID, result, periodWeights);
    if (classFactors != null) {
      // Constants built in Java from the targets, as the period factors are.
      int[] classes = targets.toType(DataType.INT32, false).toIntArray();
      float[] factors = new float[classes.length];
      for (int i = 0; i < classes.length; i++) {
        factors[i] =
            classes[i] >= 0 && classes[i] < classFactors.length ? classFactors[classes[i]] : 1f;
      }
      weights =
          weights.mul(
              weights.getManager().create(factors, stepShape).toType(weights.getDataType(), false));
    }
    return MaskedMean.of(logLikelihood, weights).neg();
  }
}
