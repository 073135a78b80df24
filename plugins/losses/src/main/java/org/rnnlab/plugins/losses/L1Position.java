package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
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
 * MotorNet's position loss: the L1 distance between the controlled variable (a fingertip, a point
 * mass) and its target, summed over the dimensions and averaged over weighted steps:
 *
 * <pre>
 * L = Σ_{b,t} w_{b,t} · Σ_d |z_{b,t,d} − y*_{b,t,d}| / Σ_{b,t} w_{b,t}
 * </pre>
 *
 * <p>With an all-ones mask this is the tutorial's {@code mean(sum(|x − y|, dim=-1))} over batch and
 * time. {@code w} is the mask times {@code periodWeights}; output weights, when the task has them,
 * multiply each dimension's absolute error. Stateless; the returned function is too.
 */
@Extension
public final class L1Position implements Loss {

  /** The id scripts use. */
  public static final String ID = "l1-position";

  /** Creates the component; PF4J and Guice call this. */
  public L1Position() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "MotorNet's position loss: absolute error of the controlled variable summed over"
        + " dimensions, averaged over masked steps";
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
        NDArray distance = MeanSquaredError.checkedError(ID, result, "use 'cross-entropy'").abs();
        if (result.outputWeights() != null) {
          distance = distance.mul(result.outputWeights());
        }
        NDArray perStep = distance.sum(new int[] {2});
        return MaskedMean.of(perStep, StepWeights.of(ID, result, periodWeights));
      }

      @Override
      public void check(LossContext context) {
        Targets.requireContinuous(ID, context, "use 'cross-entropy'");
        StepWeights.check(ID, periodWeights, context);
      }
    };
  }
}
