package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;

/**
 * Masked mean squared error between the controlled variable and continuous targets:
 *
 * <pre>
 * L = Σ_{b,t} m_{b,t} · (1/D) Σ_d (z_{b,t,d} − y*_{b,t,d})² / Σ_{b,t} m_{b,t}
 * </pre>
 *
 * <p>where {@code z} is {@link ForwardResult#controlled()} (the outputs for open-loop tasks, for
 * example the point mass's position for closed-loop ones), {@code y*} the targets and {@code D}
 * their width: the mean over masked steps and over dimensions. An all-zero mask gives 0.
 *
 * <p>Output weights ({@link ForwardResult#outputWeights()}, e.g. Yang's fixation ×2) multiply each
 * dimension's squared error when present.
 *
 * <p>Parameter {@code weighting}: {@code squared-error} (the default, above) or {@code error}, Yang
 * et al. 2019's {@code lsq} cost {@code mean_{b,t,d}(((z − y*)·m_{b,t}·w_d)²)}: the mask and the
 * output weights multiply the error before it is squared, and the mean runs over every element (so
 * a mask value of 5 weighs a step 25 times, and masked-out steps still count in the denominator).
 * Stateless; the returned function is too.
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
        + " targets, averaged over masked steps and dimensions";
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
                + " 2019's lsq cost)"));
  }

  @Override
  public LossFunction create(Parameters params) {
    return params.string("weighting").equals(ERROR)
        ? MeanSquaredError::computeYang
        : MeanSquaredError::compute;
  }

  /** Yang's lsq: {@code mean(((z − y*)·m·w)²)} over every element. */
  static NDArray computeYang(ForwardResult result) {
    NDArray error = checkedError(result);
    NDArray weighted = error.mul(result.mask().expandDims(2));
    if (result.outputWeights() != null) {
      weighted = weighted.mul(result.outputWeights());
    }
    return weighted.square().mean();
  }

  /** The error {@code z − y*}, after checking what the loss needs. */
  private static NDArray checkedError(ForwardResult result) {
    NDArray targets = result.targets();
    if (targets == null) {
      throw new IllegalArgumentException(
          "mse needs continuous targets, but this forward result has none (its task gives class"
              + " targets); for class targets use 'cross-entropy'");
    }
    NDArray controlled = result.controlled();
    if (controlled == null) {
      throw new IllegalArgumentException("mse needs the controlled variable, but it is missing");
    }
    Shape shape = controlled.getShape();
    if (shape.dimension() != 3 || !targets.getShape().equals(shape)) {
      throw new IllegalArgumentException(
          "mse needs controlled and targets of the same shape [batch, steps, dims], got "
              + shape
              + " and "
              + targets.getShape());
    }
    Shape stepShape = new Shape(shape.get(0), shape.get(1));
    MaskedMean.checkMask(ID, result.mask(), stepShape);
    return controlled.sub(targets);
  }

  /**
   * @throws IllegalArgumentException if the result has no continuous targets (a task with class
   *     targets: use {@code cross-entropy}), or the shapes of controlled, targets and mask disagree
   */
  static NDArray compute(ForwardResult result) {
    NDArray squared = checkedError(result).square();
    if (result.outputWeights() != null) {
      squared = squared.mul(result.outputWeights());
    }
    NDArray perStep = squared.mean(new int[] {2});
    return MaskedMean.of(perStep, result.mask());
  }
}
