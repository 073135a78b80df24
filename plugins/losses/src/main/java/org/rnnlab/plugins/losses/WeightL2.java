package org.rnnlab.plugins.losses;

import java.util.List;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;

/**
 * L2 penalty on weight matrices:
 *
 * <pre>
 * reduction mean (default): L = Σ_{W selected} mean_{ij} W_ij²   (PsychRNN L2_*, Cueva &amp; Wei R_L2)
 * reduction sum:            L = Σ_{W selected} Σ_{ij} W_ij²      (Sorscher: ‖W_hh‖²_F)
 * </pre>
 *
 * <p>Over the parameters themselves, so no mask, batch or time enters. {@code matrices} selects
 * them by role or name (see {@link MatrixSelection}); the default is every weight matrix. Cueva
 * &amp; Wei's {@code mean(W_in²) + mean(W_out²)} is {@code matrices: [input, output]}; Sorscher's
 * {@code weight_decay·‖W_hh‖²} is {@code matrices: [recurrent], reduction: sum} with the weight
 * {@code 1e-4}. This is a term of the loss, not the optimiser's {@code weightDecay}. Stateless.
 */
@Extension
public final class WeightL2 implements Loss {

  /** The id scripts use. */
  public static final String ID = "l2-weights";

  /** Creates the component; PF4J and Guice call this. */
  public WeightL2() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "L2 penalty on weight matrices chosen by role or name: mean (or sum) of W² per"
        + " matrix, added over matrices";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(MatrixSelection.spec(), WeightPenalty.reductionSpec());
  }

  @Override
  public LossFunction create(Parameters params) {
    return new WeightPenalty(ID, true, params);
  }
}
