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
 * The latent L2 norm of CtDB's {@code NoisyGRU_LatentL2}: each trial's hidden trajectory, flattened
 * over steps and units, has its Euclidean norm taken, and the norms are averaged over the batch:
 *
 * <pre>
 * masked false (default): L = mean_b sqrt(Σ_{t,i} h_{b,t,i}²)
 * masked true:            L = mean_b sqrt(Σ_t m_{b,t} Σ_i h_{b,t,i}²)
 * </pre>
 *
 * <p>Note the norm, not its square, and that it grows with the number of steps (the source's {@code
 * l2_wt·norm(latents.view(batch, -1), dim=1).mean()}). The source's {@code l2_wt = 1e-2} is this
 * term's weight in the experiment. Below {@code 1e-12} the sum under the root is held at that
 * floor, so an all-zero trajectory gives a zero gradient rather than NaN (PyTorch's norm has
 * subgradient 0 there). Stateless; the returned function is too.
 */
@Extension
public final class LatentL2 implements Loss {

  /** The id scripts use. */
  public static final String ID = "latent-l2";

  private static final float FLOOR = 1e-12f;

  /** Creates the component; PF4J and Guice call this. */
  public LatentL2() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CtDB's latent L2: the Euclidean norm of each trial's whole hidden trajectory,"
        + " averaged over the batch";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(Activity.maskedSpec());
  }

  @Override
  public LossFunction create(Parameters params) {
    boolean masked = params.bool(Activity.MASKED);
    return (ForwardResult result) -> {
      NDArray h = Activity.hidden(ID, result);
      NDArray perTrial;
      if (masked) {
        NDArray perStep = h.square().sum(new int[] {2});
        perTrial = perStep.mul(result.mask().toType(h.getDataType(), false)).sum(new int[] {1});
      } else {
        perTrial = h.reshape(new Shape(h.getShape().get(0), -1)).square().sum(new int[] {1});
      }
      NDArray floor = h.getManager().create(FLOOR).toType(h.getDataType(), false);
      return perTrial.maximum(floor).sqrt().mean();
    };
  }
}
