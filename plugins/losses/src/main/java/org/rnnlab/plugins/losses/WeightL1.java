package org.rnnlab.plugins.losses;

import java.util.List;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;

/**
 * L1 penalty on weight matrices (PsychRNN's {@code L1_in}, {@code L1_rec}, {@code L1_out}):
 *
 * <pre>
 * reduction mean (default): L = Σ_{W selected} mean_{ij} |W_ij|
 * reduction sum:            L = Σ_{W selected} Σ_{ij} |W_ij|
 * </pre>
 *
 * <p>Over the parameters themselves, so no mask, batch or time enters. {@code matrices} selects
 * them by role or name (see {@link MatrixSelection}); the default is every weight matrix. PsychRNN
 * weighs each matrix separately: list one term per matrix with its own weight, e.g. {@code loss
 * 'l1-weights', matrices: ['recurrent'], weight: 1e-4}. PsychRNN penalises its effective (masked,
 * Dale-signed) matrices; rnnlab penalises the trainable parameters. Stateless.
 */
@Extension
public final class WeightL1 implements Loss {

  /** The id scripts use. */
  public static final String ID = "l1-weights";

  /** Creates the component; PF4J and Guice call this. */
  public WeightL1() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "L1 penalty on weight matrices chosen by role or name: mean (or sum) of |W| per"
        + " matrix, added over matrices";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(MatrixSelection.spec(), WeightPenalty.reductionSpec());
  }

  @Override
  public LossFunction create(Parameters params) {
    return new WeightPenalty(ID, false, params);
  }
}
