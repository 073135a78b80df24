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
 * Firing-rate L2 penalty, the metabolic cost of PsychRNN ({@code L2_firing_rate}), Cueva &amp; Wei
 * ({@code R_FR}) and Yang et al. ({@code l2_h}):
 *
 * <pre>
 * masked false (default): L = mean_{b,t,i} f(h_{b,t,i})²
 * masked true:            L = Σ_{b,t} m_{b,t} · mean_i f(h_{b,t,i})² / Σ_{b,t} m_{b,t}
 * </pre>
 *
 * <p>{@code h} are the hidden states the model reports and {@code f} the {@code transfer}: {@code
 * none} (the default) for models whose state is the rate (rnnlab's leaky RNN, Yang's cell, Cueva
 * &amp; Wei's {@code u = tanh(x)} when the model reports {@code u}), {@code relu} or {@code tanh}
 * for models that report a pre-activation state (PsychRNN penalises {@code relu(states)}). The
 * default mean runs over every batch row, step and unit, exactly as the sources' {@code
 * reduce_mean}, so padded steps of trial-aligned batches count too; {@code masked: true} averages
 * over the mask's steps instead. Stateless; the returned function is too.
 */
@Extension
public final class RateL2 implements Loss {

  /** The id scripts use. */
  public static final String ID = "l2-rate";

  static final String NONE = "none";
  static final String RELU = "relu";
  static final String TANH = "tanh";

  /** Creates the component; PF4J and Guice call this. */
  public RateL2() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Firing-rate L2 (metabolic cost): mean of the squared rates over batch, steps and"
        + " units";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.choice(
            "transfer",
            NONE,
            List.of(NONE, RELU, TANH),
            "Applied to the hidden states before squaring: 'none' when they are rates already,"
                + " 'relu' as PsychRNN's relu(states)"),
        Activity.maskedSpec());
  }

  @Override
  public LossFunction create(Parameters params) {
    String transfer = params.string("transfer");
    boolean masked = params.bool(Activity.MASKED);
    return (ForwardResult result) -> {
      NDArray h = Activity.hidden(ID, result);
      NDArray rates =
          switch (transfer) {
            case RELU -> ai.djl.nn.Activation.relu(h);
            case TANH -> h.tanh();
            default -> h;
          };
      NDArray squared = rates.square();
      return masked ? MaskedMean.of(squared.mean(new int[] {2}), result.mask()) : squared.mean();
    };
  }
}
