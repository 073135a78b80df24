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
 * <p>No parameters. Stateless; the returned function is too.
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

  @Override
  public List<ParameterSpec> parameters() {
    return List.of();
  }

  @Override
  public LossFunction create(Parameters params) {
    return MeanSquaredError::compute;
  }

  /**
   * @throws IllegalArgumentException if the result has no continuous targets (a task with class
   *     targets: use {@code cross-entropy}), or the shapes of controlled, targets and mask disagree
   */
  static NDArray compute(ForwardResult result) {
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
    NDArray error = controlled.sub(targets);
    NDArray perStep = error.square().mean(new int[] {2});
    return MaskedMean.of(perStep, result.mask());
  }
}
