package org.rnnlab.plugins.models;

import org.rnnlab.api.component.Parameters;

/**
 * The options every model honours where they apply, read from a component's parameters. An option
 * the model does not declare takes its neutral value: {@code uniform} with gain 1 (PyTorch's
 * default), a bias present, a zero initial state without noise, no encoder, no connectivity
 * constraint.
 *
 * @param recurrentInit initialiser of {@code recurrent.weight}
 * @param recurrentGain its gain
 * @param inputInit initialiser of {@code input.weight}
 * @param inputGain its gain
 * @param outputInit initialiser of {@code output.weight}
 * @param outputGain its gain
 * @param inputBias whether {@code input.bias} exists
 * @param recurrentBias whether {@code recurrent.bias} exists
 * @param outputBias whether {@code output.bias} exists
 * @param zeroBiases whether every bias starts at zero ({@code biasInit: zero}) instead of PyTorch's
 *     U(−1/√fanIn, 1/√fanIn) draw
 * @param outputActivation applied to {@code r·W_out + b_out} to give the outputs ({@code linear}:
 *     none)
 * @param learnedInitialState whether {@code initial.state} exists
 * @param latentIcVar standard deviation of the noise added to the initial state, ≥ 0
 * @param constraints the connectivity constraints ({@link Constraints#NONE} when the model declares
 *     none)
 * @param linearEncoder whether {@code encoder.weight} maps each trial's initial condition to the
 *     initial state ({@code encoder: linear})
 */
record ModelOptions(
    MatrixInit recurrentInit,
    double recurrentGain,
    MatrixInit inputInit,
    double inputGain,
    MatrixInit outputInit,
    double outputGain,
    boolean inputBias,
    boolean recurrentBias,
    boolean outputBias,
    boolean zeroBiases,
    Activation outputActivation,
    boolean learnedInitialState,
    double latentIcVar,
    Constraints constraints,
    boolean linearEncoder) {

  /**
   * @throws IllegalArgumentException if a gain or {@code latentIcVar} is negative or not finite
   */
  ModelOptions {
    check("recurrentGain", recurrentGain);
    check("inputGain", inputGain);
    check("outputGain", outputGain);
    check("latentIcVar", latentIcVar);
  }

  private static void check(String name, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
    }
  }

  /**
   * Reads the options a model declares, loading the constraint masks its FILE parameters name.
   *
   * @throws IllegalArgumentException if a value is not one of the allowed ones or a mask cannot be
   *     read
   */
  static ModelOptions from(Parameters params) {
    String initialState = string(params, "initialState", "zero");
    if (!ModelParameters.INITIAL_STATES.contains(initialState)) {
      throw new IllegalArgumentException(
          "initialState must be one of "
              + ModelParameters.INITIAL_STATES
              + ", got '"
              + initialState
              + "'");
    }
    String biasInit = string(params, "biasInit", "uniform");
    if (!ModelParameters.BIAS_INITS.contains(biasInit)) {
      throw new IllegalArgumentException(
          "biasInit must be one of " + ModelParameters.BIAS_INITS + ", got '" + biasInit + "'");
    }
    String encoder = string(params, "encoder", "none");
    if (!ModelParameters.ENCODERS.contains(encoder)) {
      throw new IllegalArgumentException(
          "encoder must be one of " + ModelParameters.ENCODERS + ", got '" + encoder + "'");
    }
    return new ModelOptions(
        MatrixInit.named("recurrentInit", string(params, "recurrentInit", "uniform")),
        number(params, "recurrentGain", 1.0),
        MatrixInit.named("inputInit", string(params, "inputInit", "uniform")),
        number(params, "inputGain", 1.0),
        MatrixInit.named("outputInit", string(params, "outputInit", "uniform")),
        number(params, "outputGain", 1.0),
        bool(params, "inputBias", true),
        bool(params, "recurrentBias", true),
        bool(params, "outputBias", true),
        biasInit.equals("zero"),
        Activation.named("outputActivation", string(params, "outputActivation", "linear")),
        initialState.equals("learned"),
        number(params, "latentIcVar", 0.0),
        Constraints.from(params),
        encoder.equals("linear"));
  }

  private static String string(Parameters params, String name, String otherwise) {
    return params.has(name) ? params.string(name) : otherwise;
  }

  private static double number(Parameters params, String name, double otherwise) {
    return params.has(name) ? params.number(name) : otherwise;
  }

  private static boolean bool(Parameters params, String name, boolean otherwise) {
    return params.has(name) ? params.bool(name) : otherwise;
  }
}
