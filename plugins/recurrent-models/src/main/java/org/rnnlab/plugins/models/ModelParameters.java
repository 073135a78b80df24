package org.rnnlab.plugins.models;

import java.util.List;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;

/** Parameter declarations shared by the rate models, so each default lives in one place. */
final class RateModelParameters {

  private RateModelParameters() {}

  static ParameterSpec hidden() {
    return ParameterSpec.integer("hidden", 128, "units", "Number of recurrent units").withMin(1);
  }

  static ParameterSpec activation(String defaultValue) {
    return ParameterSpec.choice(
        "activation", defaultValue, Activation.NAMES, "Rate nonlinearity f applied to the drive");
  }

  static ParameterSpec noise() {
    return ParameterSpec.number(
            "noise",
            0.0,
            "",
            "Recurrent noise sigma_rec: sqrt(2/alpha)*sigma_rec*N(0,1) is added inside f at every"
                + " step (Yang et al. 2019); 0 switches it off")
        .withMin(0);
  }

  static ParameterSpec recurrentInit() {
    return ParameterSpec.choice(
        "recurrentInit",
        "uniform",
        RecurrentInit.NAMES,
        "Initial recurrent weights: uniform U(-g/sqrt(H), g/sqrt(H)) (PyTorch nn.Linear when g ="
            + " 1), orthogonal (g times a random orthogonal matrix) or gaussian N(0, g^2/H)");
  }

  static ParameterSpec recurrentGain() {
    return ParameterSpec.number(
            "recurrentGain", 1.0, "", "Gain g of the initial recurrent weights (see recurrentInit)")
        .withMin(0);
  }

  /** The shared declarations, with the model-specific ones spliced in after {@code hidden}. */
  static List<ParameterSpec> with(String defaultActivation, ParameterSpec... specific) {
    java.util.ArrayList<ParameterSpec> all = new java.util.ArrayList<>();
    all.add(hidden());
    all.addAll(List.of(specific));
    all.add(activation(defaultActivation));
    all.add(noise());
    all.add(recurrentInit());
    all.add(recurrentGain());
    return List.copyOf(all);
  }

  static Activation activation(Parameters params) {
    return Activation.named(params.string("activation"));
  }

  static RecurrentInit recurrentInit(Parameters params) {
    return RecurrentInit.named(params.string("recurrentInit"));
  }
}
