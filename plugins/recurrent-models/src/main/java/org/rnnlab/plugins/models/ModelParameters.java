package org.rnnlab.plugins.models;

import java.util.List;
import org.rnnlab.api.component.ParameterSpec;

/**
 * Parameter declarations shared by the models, so that each option has one name, one description
 * and one meaning everywhere; the defaults are given by the model that declares them.
 */
final class ModelParameters {

  /** Values of {@code initialState}. */
  static final List<String> INITIAL_STATES = List.of("zero", "learned");

  /** Values of {@code biasInit}. */
  static final List<String> BIAS_INITS = List.of("uniform", "zero");

  /** Values of {@code encoder}. */
  static final List<String> ENCODERS = List.of("none", "linear");

  private ModelParameters() {}

  static ParameterSpec hidden(long defaultValue, String text) {
    return ParameterSpec.integer("hidden", defaultValue, "units", text).withMin(1);
  }

  static ParameterSpec activation(String defaultValue) {
    return ParameterSpec.choice(
        "activation", defaultValue, Activation.NAMES, "Rate nonlinearity f applied to the drive");
  }

  static ParameterSpec noise(double defaultValue, String text) {
    return ParameterSpec.number("noise", defaultValue, "", text).withMin(0);
  }

  /**
   * The three initialisers with their gains, in the order recurrent, input, output.
   *
   * @param recurrent default of {@code recurrentInit}, or null if the model has no recurrent matrix
   *     to initialise this way
   * @param input default of {@code inputInit}, or null if the model has no input matrix
   * @param uniformFan what n of {@code uniform}/{@code gaussian} is for this model, for the texts
   */
  static List<ParameterSpec> initialisers(
      String recurrent,
      double recurrentGain,
      String input,
      double inputGain,
      String output,
      double outputGain,
      String uniformFan) {
    java.util.ArrayList<ParameterSpec> all = new java.util.ArrayList<>();
    if (recurrent != null) {
      all.add(init("recurrentInit", recurrent, "recurrent weights", uniformFan));
      all.add(gain("recurrentGain", recurrentGain, "recurrentInit"));
    }
    if (input != null) {
      all.add(init("inputInit", input, "input weights", uniformFan));
      all.add(gain("inputGain", inputGain, "inputInit"));
    }
    all.add(init("outputInit", output, "readout weights", "n = the readout's fan-in"));
    all.add(gain("outputGain", outputGain, "outputInit"));
    return all;
  }

  private static ParameterSpec init(String name, String defaultValue, String what, String fan) {
    return ParameterSpec.choice(
        name,
        defaultValue,
        MatrixInit.NAMES,
        "Initial "
            + what
            + ", with gain g: uniform U(-g/sqrt(n), g/sqrt(n)) (PyTorch's default when g = 1; "
            + fan
            + "), gaussian N(0, g^2/n), normal N(0, g^2), glorot (Xavier uniform), glorot-normal,"
            + " orthogonal (g times a random orthogonal matrix) or diagonal (g*I, square only)");
  }

  private static ParameterSpec gain(String name, double defaultValue, String init) {
    return ParameterSpec.number(
            name, defaultValue, "", "Gain g of the initial weights (see " + init + ")")
        .withMin(0);
  }

  static ParameterSpec inputBias(boolean defaultValue) {
    return ParameterSpec.bool(
        "inputBias", defaultValue, "Whether the input layer has a trainable bias (input.bias)");
  }

  static ParameterSpec recurrentBias(boolean defaultValue) {
    return ParameterSpec.bool(
        "recurrentBias",
        defaultValue,
        "Whether the recurrent layer has a trainable bias (recurrent.bias)");
  }

  static ParameterSpec outputBias(boolean defaultValue) {
    return ParameterSpec.bool(
        "outputBias", defaultValue, "Whether the readout has a trainable bias (output.bias)");
  }

  /** {@code biasInit}, default {@code uniform}: how every bias of the model starts. */
  static ParameterSpec biasInit() {
    return ParameterSpec.choice(
        "biasInit",
        "uniform",
        BIAS_INITS,
        "How the biases start: uniform U(-1/sqrt(n), 1/sqrt(n)) with n the layer's fan-in"
            + " (PyTorch's nn.Linear/nn.RNN default) or zero (TensorFlow's default, Yang et al."
            + " 2019; draws nothing)");
  }

  /** {@code outputActivation}, default {@code linear}: the nonlinearity on the outputs. */
  static ParameterSpec outputActivation() {
    return ParameterSpec.choice(
        "outputActivation",
        "linear",
        Activation.NAMES,
        "Nonlinearity g applied to the readout, y = g(r W_out + b_out): linear (none), or e.g."
            + " sigmoid, which keeps outputs in (0, 1) as Yang et al. 2019's lsq readout does."
            + " Losses, evaluation and analyses all see g's output, so keep linear for"
            + " cross-entropy, which takes logits");
  }

  /**
   * The connectivity constraints, in this order: {@code dale} and {@code excitatoryFraction} (only
   * if {@code withDale}), {@code autapses}, {@code inputConnectivity}, {@code
   * recurrentConnectivity}, {@code outputConnectivity}, {@code fixedInput}, {@code fixedRecurrent},
   * {@code fixedOutput}, {@code trainInput}, {@code trainRecurrent}, {@code trainOutput}. See
   * {@link MatrixConstraint} for what they do to the weights.
   *
   * @param withDale whether the model offers Dale's law (the rate models; not the gated cells,
   *     whose gate weights are not signed synapses)
   * @param gates the number of gate blocks side by side in {@code input.weight} and {@code
   *     recurrent.weight} (1 for the rate models), for the texts
   */
  static List<ParameterSpec> constraints(boolean withDale, int gates) {
    String blocks =
        gates == 1
            ? ""
            : " (a [rows, H] mask applies to each of the "
                + gates
                + " gates' blocks; [rows, "
                + gates
                + "H] gives each gate its own)";
    String orientation = ", rows = the sending side as in the stored weights";
    java.util.ArrayList<ParameterSpec> all = new java.util.ArrayList<>();
    if (withDale) {
      all.add(
          ParameterSpec.bool(
              "dale",
              false,
              "Dale's law (PsychRNN's dale_ratio): the first int(excitatoryFraction*H) units are"
                  + " excitatory, the rest inhibitory. Effective weights: recurrent |W| with the"
                  + " rows of inhibitory units negated, input |W|, readout |W| with the rows of"
                  + " inhibitory units zeroed (they do not drive the output). The inhibitory rows"
                  + " of the initial recurrent weights are scaled by N_E/N_I to balance E and I"));
      all.add(
          ParameterSpec.number(
                  "excitatoryFraction",
                  0.8,
                  "",
                  "Fraction of excitatory units under Dale's law (PsychRNN's dale_ratio); at least"
                      + " one unit must be excitatory")
              .withRange(0, 1));
    }
    all.add(
        ParameterSpec.bool(
            "autapses",
            true,
            "Whether a unit may connect to itself; false holds the diagonal of the effective"
                + " recurrent weights at 0"
                + (gates == 1 ? "" : " (in every gate's block)")));
    all.add(
        ParameterSpec.file(
            "inputConnectivity",
            "Connectivity mask of input.weight: a .npy of 0/1 or booleans, [inputs, H]"
                + orientation
                + "; 0 holds the effective weight at exactly 0"
                + blocks));
    all.add(
        ParameterSpec.file(
            "recurrentConnectivity",
            "Connectivity mask of recurrent.weight: a .npy of 0/1 or booleans, [H, H]"
                + orientation
                + " (row i = the connections from unit i); 0 holds the effective weight at exactly"
                + " 0"
                + blocks));
    all.add(
        ParameterSpec.file(
            "outputConnectivity",
            "Connectivity mask of output.weight: a .npy of 0/1 or booleans, [H, outputs]"
                + orientation
                + "; 0 holds the effective weight at exactly 0"));
    all.add(fixed("fixedInput", "input.weight", "inputConnectivity", blocks));
    all.add(fixed("fixedRecurrent", "recurrent.weight", "recurrentConnectivity", blocks));
    all.add(fixed("fixedOutput", "output.weight", "outputConnectivity", ""));
    all.add(train("trainInput", "input.weight"));
    all.add(train("trainRecurrent", "recurrent.weight"));
    all.add(train("trainOutput", "output.weight"));
    return all;
  }

  private static ParameterSpec fixed(String name, String matrix, String like, String blocks) {
    return ParameterSpec.file(
        name,
        "Entries of "
            + matrix
            + " that are not trained: a .npy of 0/1 or booleans shaped like "
            + like
            + "; 1 keeps the entry at its initial effective value"
            + blocks);
  }

  private static ParameterSpec train(String name, String matrix) {
    return ParameterSpec.bool(
        name,
        true,
        "Whether "
            + matrix
            + " is trained; false keeps the whole matrix at its initial effective value");
  }

  /**
   * {@code initialState}, {@code latentIcVar} and {@code encoder} (default none): every option on
   * the state a sequence starts from.
   */
  static List<ParameterSpec> initialState(String defaultValue, double latentIcVar) {
    return List.of(
        ParameterSpec.choice(
            "initialState",
            defaultValue,
            INITIAL_STATES,
            "State every sequence starts from: zero, or learned (a trainable vector initial.state,"
                + " zero at first, as CtDB's latent_ics)"),
        ParameterSpec.number(
                "latentIcVar",
                latentIcVar,
                "",
                "Standard deviation of Gaussian noise added to the initial state of every sequence"
                    + " during training and evaluation (CtDB's latent_ic_var, which despite its"
                    + " name scales a standard normal); 0 switches it off")
            .withMin(0),
        ParameterSpec.choice(
            "encoder",
            "none",
            ENCODERS,
            "For tasks that give every trial an initial condition c (such as the place-cell"
                + " activity at the start of a path): none, or linear, h0 = c W_enc with a"
                + " trainable encoder.weight [c, state], as Sorscher et al. 2019's bias-free"
                + " nn.Linear with PyTorch's default initialisation; with initialState: learned,"
                + " initial.state is added as the encoder's bias. latentIcVar noise still"
                + " applies"));
  }
}
