package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;

/**
 * Smoothness cost on the hidden states: the mean squared difference between consecutive steps, the
 * derivative part of MotorNet's {@code L2xDxRegularizer} on the GRU's activity:
 *
 * <pre>
 * masked false (default): L = mean_{b, t≥1, i} (h_{b,t,i} − h_{b,t−1,i})²
 * masked true:            L = Σ_{b,t≥1} m_{b,t}·m_{b,t−1} · mean_i (h_{b,t,i} − h_{b,t−1,i})²
 *                             / Σ_{b,t≥1} m_{b,t}·m_{b,t−1}
 * </pre>
 *
 * <p>Differences are per step, not per second: MotorNet divides by {@code dt} (in s) before
 * squaring, so its {@code deriv_weight · mean((Δh/dt)²)} is this term with weight {@code
 * deriv_weight / dt²}; its value part {@code mean(h²)} is {@code l2-rate}. The first difference is
 * between the first two reported states (the initial state is not included). Sequences need at
 * least two steps. Stateless; the returned function is too.
 */
@Extension
public final class ActivityDerivative implements Loss {

  /** The id scripts use. */
  public static final String ID = "activity-derivative";

  /** Creates the component; PF4J and Guice call this. */
  public ActivityDerivative() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Smoothness cost: mean squared difference of the hidden states between consecutive"
        + " steps";
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
      if (h.getShape().get(1) < 2) {
        throw new IllegalArgumentException(
            ID + " needs sequences of at least two steps, got " + h.getShape().get(1));
      }
      NDArray squared = h.get(":, 1:, :").sub(h.get(":, :-1, :")).square();
      if (!masked) {
        return squared.mean();
      }
      NDArray mask = result.mask();
      NDArray both = mask.get(":, 1:").mul(mask.get(":, :-1"));
      return MaskedMean.of(squared.mean(new int[] {2}), both);
    };
  }
}
