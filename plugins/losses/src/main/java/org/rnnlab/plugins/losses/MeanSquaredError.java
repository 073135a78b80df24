package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
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
 * Masked mean squared error between the controlled variable and continuous targets:
 *
 * <pre>
 * L = Σ_{b,t} w_{b,t} · (1/D) Σ_d (z_{b,t,d} − y*_{b,t,d})² / Σ_{b,t} w_{b,t}
 * </pre>
 *
 * <p>where {@code z} is {@link ForwardResult#controlled()} (the outputs for open-loop tasks, for
 * example the point mass's position for closed-loop ones), {@code y*} the targets, {@code D} their
 * width and {@code w} the step weights: the mask times the weight of the step's trial period
 * ({@code periodWeights}, e.g. {@code {decision: 5}}; periods not named keep 1). So this is the
 * mean over weighted steps and over dimensions. All-zero weights give 0.
 *
 * <p>Output weights ({@link ForwardResult#outputWeights()}, e.g. Yang's fixation ×2) multiply each
 * dimension's squared error when present.
 *
 * <p>Parameter {@code weighting}: {@code squared-error} (the default, above) or {@code error}, Yang
 * et al. 2019's {@code lsq} cost {@code mean_{b,t,d}(((z − y*)·w_{b,t}·c_d)²)}: the step weights
 * and the output weights {@code c} multiply the error before it is squared, and the mean runs over
 * every element (so a mask value of 5 weighs a step 25 times, and masked-out steps still count in
 * the denominator). Stateless; the returned function is too.
 */
@Extension
public final class MeanSquaredError implements Loss {

  /** The id scripts use. */
  public static final String ID = "mse";

  /** Creates the component; PF4J and Guice call this. */
  public MeanSquaredError() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Masked mean squared error between the controlled variable and the continuous"
        + " targets, averaged over masked steps and dimensions, optionally weighted per trial"
        + " period";
  }

  /** {@code weighting}: the mask weighs each step's squared error. */
  public static final String SQUARED_ERROR = "squared-error";

  /** {@code weighting}: the mask multiplies the error before squaring (Yang's lsq). */
  public static final String ERROR = "error";

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.choice(
            "weighting",
            SQUARED_ERROR,
            List.of(SQUARED_ERROR, ERROR),
            "'squared-error': masked mean of squared errors; 'error': the mask and output weights"
                + " multiply the error before squaring, mean over all elements (Yang et al."
                + " 2019's lsq cost)"),
        StepWeights.periodWeightsSpec());
  }

  @Override
  public LossFunction create(Parameters params) {
    boolean yang = params.string("weighting").equals(ERROR);
    Map<String, Double> periodWeights = params.numberMap(StepWeights.PERIOD_WEIGHTS);
    return new LossFunction() {
      @Override
      public NDArray compute(ForwardResult result) {
        return yang
            ? computeYang(result, periodWeights)
            : MeanSquaredError.compute(result, periodWeights);
      }

      @Override
      public void check(LossContext context) {
        Targets.requireContinuous(ID, context, "for class targets use 'cross-entropy'");
        StepWeights.check(ID, periodWeights, context);
      }
    };
  }

  /** Yang's lsq: {@code mean(((z − y*)·w·c)²)} over every element. */
  static NDArray computeYang(ForwardResult result, Map<String, Double> periodWeights) {
    NDArray error = checkedError(result);
    NDArray weighted = error.mul(StepWeights.of(ID, result, periodWeights).expandDims(2));
    if (result.outputWeights() != null) {
      weighted = weighted.mul(result.outputWeights());
    }
    return weighted.square().mean();
  }

  /** The error {@code z − y*}, after checking what the loss needs. */
  static NDArray checkedError(ForwardResult result) {
    return checkedError(ID, result, "for class targets use 'cross-entropy'");
  }

  /**
   * The error {@code z − y*} between the controlled variable and continuous targets, after checking
   * that both exist and agree in shape with each other and the mask.
   */
  static NDArray checkedError(String loss, ForwardResult result, String alternative) {
    NDArray targets = result.targets();
    if (targets == null) {
      throw new IllegalArgumentException(
          loss
              + " needs continuous targets, but this forward result has none (its task gives class"
              + " targets); "
              + alternative);
    }
    NDArray controlled = result.controlled();
    if (controlled == null) {
      throw new IllegalArgumentException(
          loss + " needs the controlled variable, but it is missing");
    }
    Shape shape = controlled.getShape();
    if (shape.dimension() != 3 || !targets.getShape().equals(shape)) {
      throw new IllegalArgumentException(
          loss
              + " needs controlled and targets of the same shape [batch, steps, dims], got "
              + shape
              + " and "
              + targets.getShape());
    }
    Shape stepShape = new Shape(shape.get(0), shape.get(1));
    MaskedMean.checkMask(loss, result.mask(), stepShape);
    return controlled.sub(targets);
  }

  /** Without period weights. */
  static NDArray compute(ForwardResult result) {
    return compute(result, Map.of());
  }

  /**
   * @throws IllegalArgumentException if the result has no continuous targets (a task with class
   *     targets: use {@code cross-entropy}), or the shapes of controlled, targets and mask disagree
   */
  static NDArray compute(ForwardResult result, Map<String, Double> periodWeights) {
    NDArray squared = checkedError(result).square();
    if (result.outputWeights() != null) {
      squared = squared.mul(result.outputWeights());
    }
    NDArray perStep = squared.mean(new int[] {2});
    return MaskedMean.of(perStep, StepWeights.of(ID, result, periodWeights));
  }
}
