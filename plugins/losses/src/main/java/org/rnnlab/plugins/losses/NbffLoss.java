package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossContext;
import org.rnnlab.api.loss.LossFunction;

/**
 * The N-bit flip-flop loss of the Computation-Thru-Dynamics Benchmark ({@code NBFFLoss}): squared
 * error with the steps right after a target change left out, so the network is not punished for the
 * few steps it needs to flip.
 *
 * <pre>
 * L = Σ_{b,t,d} m_{b,t} · B_{b,t,d} · (z_{b,t,d} − y*_{b,t,d})² / (batch · steps · D)
 * </pre>
 *
 * <p>{@code B} is 0 on the first {@code initialBlind} steps of every sequence (default 5) and, for
 * each dimension {@code d} separately, on the {@code transitionBlind} steps (default 4) after each
 * step {@code k} where the target changes ({@code y*_{k,d} ≠ y*_{k−1,d}}): steps {@code k+1 … k+
 * transitionBlind}; the step of the change itself counts, as in the source. {@code B} is 1
 * elsewhere. As the source's {@code .mean()}, the denominator counts every element, blinded or not.
 * The task's mask {@code m} multiplies (it is all ones for the flip-flop task and zero on padding).
 * With stream batching the first steps of every batch row are blinded, as every source sequence
 * starts a trial. Transitions are found in Java from the targets (one read per batch). Stateless;
 * the returned function is too.
 */
@Extension
public final class NbffLoss implements Loss {

  /** The id scripts use. */
  public static final String ID = "nbff";

  /** Creates the component; PF4J and Guice call this. */
  public NbffLoss() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CtDB's N-bit flip-flop loss: squared error, blind to the first steps and to the steps"
        + " just after each target transition, mean over all elements";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer(
                "transitionBlind", 4, "steps", "Steps left out after each change of a target")
            .withMin(0),
        ParameterSpec.integer(
                "initialBlind", 5, "steps", "Steps left out at the start of every sequence")
            .withMin(0));
  }

  @Override
  public LossFunction create(Parameters params) {
    int transitionBlind = params.count("transitionBlind");
    int initialBlind = params.count("initialBlind");
    return new LossFunction() {
      @Override
      public NDArray compute(ForwardResult result) {
        NDArray error = MeanSquaredError.checkedError(ID, result, "use 'cross-entropy'");
        Shape shape = error.getShape();
        float[] blind =
            blindMask(
                result.targets().toType(DataType.FLOAT32, false).toFloatArray(),
                Math.toIntExact(shape.get(0)),
                Math.toIntExact(shape.get(1)),
                Math.toIntExact(shape.get(2)),
                transitionBlind,
                initialBlind);
        NDArray keep = error.getManager().create(blind, shape).toType(error.getDataType(), false);
        NDArray mask = result.mask().toType(error.getDataType(), false).expandDims(2);
        return error.square().mul(keep).mul(mask).mean();
      }

      @Override
      public void check(LossContext context) {
        Targets.requireContinuous(ID, context, "use 'cross-entropy'");
      }
    };
  }

  /**
   * The 0/1 factors {@code B}, batch-major {@code [batch, steps, dims]}.
   *
   * @param targets {@code [batch * steps * dims]}
   */
  static float[] blindMask(
      float[] targets, int batch, int steps, int dims, int transitionBlind, int initialBlind) {
    float[] keep = new float[targets.length];
    java.util.Arrays.fill(keep, 1f);
    for (int b = 0; b < batch; b++) {
      for (int d = 0; d < dims; d++) {
        for (int t = 0; t < steps; t++) {
          int i = (b * steps + t) * dims + d;
          if (t < initialBlind) {
            keep[i] = 0f;
          }
          if (t > 0 && targets[i] != targets[i - dims]) {
            for (int s = t + 1; s <= Math.min(steps - 1, t + transitionBlind); s++) {
              keep[(b * steps + s) * dims + d] = 0f;
            }
          }
        }
      }
    }
    return keep;
  }
}
