package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * What every network of this plugin shares: its named parameters (read through {@link
 * NetworkParameters#effective}), the readout (linear, or through {@code outputActivation}), the
 * initial state (zero or learned, or the linear encoder of a trial's initial condition, with
 * optional noise), shape checks and the helpers that draw initial weights.
 *
 * <p>Subclasses draw their parameters in their constructor, in a fixed documented order, and call
 * {@link #addOutputLayer} and then {@link #addInitialState} last (so the encoder, drawn there, does
 * not change any other initial weight). Constants used inside a forward pass are arrays owned by
 * the network's manager ({@link #constant}), created once.
 */
abstract class CellNetwork implements RecurrentNetwork {

  static final String INPUT_WEIGHT = "input.weight";
  static final String INPUT_BIAS = "input.bias";
  static final String RECURRENT_WEIGHT = "recurrent.weight";
  static final String RECURRENT_BIAS = "recurrent.bias";
  static final String OUTPUT_WEIGHT = "output.weight";
  static final String OUTPUT_BIAS = "output.bias";
  static final String INITIAL_STATE = "initial.state";
  static final String ENCODER_WEIGHT = "encoder.weight";

  final int inputSize;
  final int outputSize;
  final int hiddenSize;
  final int initialConditionSize;
  final ModelOptions options;
  final NetworkParameters params;
  private final NDManager manager;
  private NDArray initialStateNoise;
  private NDArray stepNoiseScale;

  /**
   * @param hiddenSize the width of the state arrays ({@link #hiddenSize()})
   * @param manager owns the network's parameters and constants for the whole run
   * @throws IllegalArgumentException if {@code hiddenSize < 1}, or the encoder is linear and the
   *     task gives no initial condition
   */
  CellNetwork(NetworkShape shape, int hiddenSize, ModelOptions options, NDManager manager) {
    if (hiddenSize < 1) {
      throw new IllegalArgumentException("hidden must be at least 1, got " + hiddenSize);
    }
    if (options.linearEncoder() && shape.initialConditionSize() == 0) {
      throw new IllegalArgumentException(
          "encoder: linear maps the initial condition a task gives every trial to the initial"
              + " state, but this task gives none; set encoder: none (the default)");
    }
    this.initialConditionSize = options.linearEncoder() ? shape.initialConditionSize() : 0;
    this.inputSize = shape.inputSize();
    this.outputSize = shape.outputSize();
    this.hiddenSize = hiddenSize;
    this.options = options;
    this.manager = manager;
    this.params = new NetworkParameters(manager);
  }

  // ---- construction helpers ------------------------------------------------------------------

  /** A scalar constant owned by the network's manager, for use inside gradient collectors. */
  final NDArray constant(double value) {
    return manager.create((float) value);
  }

  /**
   * Draws a {@code [rows, cols]} matrix parameter.
   *
   * @param initParameter the script parameter that chose {@code init}, for error messages
   * @param fan the n of {@code uniform}/{@code gaussian}
   * @throws IllegalArgumentException if {@code init} cannot fill this shape
   */
  final NDArray addMatrix(
      String name,
      MatrixInit init,
      String initParameter,
      double gain,
      int rows,
      int cols,
      int fan,
      RandomGenerator random) {
    init.check(initParameter, name, rows, cols);
    return params.add(name, init.draw(rows, cols, fan, gain, random), rows, cols);
  }

  /**
   * Draws a {@code [rows, gates·width]} gate matrix, one {@code [rows, width]} block per gate.
   *
   * @throws IllegalArgumentException if {@code init} cannot fill a block
   */
  final NDArray addGateMatrix(
      String name,
      MatrixInit init,
      String initParameter,
      double gain,
      int rows,
      int width,
      int gates,
      int fan,
      RandomGenerator random) {
    init.check(initParameter, name + " (each gate's block)", rows, width);
    return params.add(
        name, init.drawBlocks(rows, width, gates, fan, gain, random), rows, (long) gates * width);
  }

  /**
   * Draws a bias vector from U(−bound, bound) (PyTorch's default with bound = 1/√fanIn), or, with
   * {@code biasInit: zero}, adds one of zeros and draws nothing.
   */
  final NDArray addBias(String name, int size, double bound, RandomGenerator random) {
    if (options.zeroBiases()) {
      return addZeroBias(name, size);
    }
    return params.add(name, Weights.uniform(size, bound, random), size);
  }

  /** A bias vector that starts at zero. */
  final NDArray addZeroBias(String name, int size) {
    return params.add(name, new float[size], size);
  }

  /**
   * Draws a gated cell's {@code input.weight [inputs, gates·units]} and {@code recurrent.weight
   * [units, gates·units]} (each gate's block separately, n = units) and, if enabled, both biases
   * {@code [gates·units]} from U(−1/√units, 1/√units), in that order: PyTorch's {@code nn.GRU} (3
   * gates) and {@code nn.LSTM} (4 gates) layout and default.
   */
  final void addGateLayers(int units, int gates, RandomGenerator random) {
    addGateMatrix(
        INPUT_WEIGHT,
        options.inputInit(),
        "inputInit",
        options.inputGain(),
        inputSize,
        units,
        gates,
        units,
        random);
    addGateMatrix(
        RECURRENT_WEIGHT,
        options.recurrentInit(),
        "recurrentInit",
        options.recurrentGain(),
        units,
        units,
        gates,
        units,
        random);
    double bound = 1 / Math.sqrt(units);
    if (options.inputBias()) {
      addBias(INPUT_BIAS, gates * units, bound, random);
    }
    if (options.recurrentBias()) {
      addBias(RECURRENT_BIAS, gates * units, bound, random);
    }
  }

  // ---- state noise ---------------------------------------------------------------------------

  /**
   * Sets the standard deviation of the noise the network adds at every step; 0 switches it off.
   *
   * @throws IllegalArgumentException if it is negative or NaN
   */
  final void setStepNoise(double std) {
    if (!(std >= 0)) {
      throw new IllegalArgumentException("noise must be >= 0, got " + std);
    }
    stepNoiseScale = std > 0 ? constant(std) : null;
  }

  /** Whether this forward pass adds step noise: a non-zero scale and the caller's noise on. */
  final boolean noisy(Noise noise) {
    return stepNoiseScale != null && noise.enabled();
  }

  /** One scaled draw {@code [batch, hiddenSize]} for a single step. */
  final NDArray stepNoise(Noise noise, long batch, NDManager m) {
    return noise.standardNormal(new Shape(batch, hiddenSize), m).mul(stepNoiseScale);
  }

  /**
   * Scaled draws for a whole sequence, {@code [batch, steps, hiddenSize]}: one {@code [batch,
   * hiddenSize]} draw per step in time order, so the draws are those repeated {@link #stepNoise}
   * calls would make.
   */
  final NDArray sequenceNoise(Noise noise, long batch, int steps, NDManager m) {
    NDList draws = new NDList(steps);
    for (int t = 0; t < steps; t++) {
      draws.add(noise.standardNormal(new Shape(batch, hiddenSize), m));
    }
    return NDArrays.stack(draws, 1).mul(stepNoiseScale);
  }

  /**
   * Draws the readout {@code output.weight [fanIn, outputSize]} with {@code outputInit} (n = fanIn)
   * and, if {@code outputBias}, {@code output.bias} from U(−1/√fanIn, 1/√fanIn) or zeros.
   */
  final void addOutputLayer(int fanIn, boolean zeroBias, RandomGenerator random) {
    addMatrix(
        OUTPUT_WEIGHT,
        options.outputInit(),
        "outputInit",
        options.outputGain(),
        fanIn,
        outputSize,
        fanIn,
        random);
    if (options.outputBias()) {
      if (zeroBias) {
        addZeroBias(OUTPUT_BIAS, outputSize);
      } else {
        addBias(OUTPUT_BIAS, outputSize, 1 / Math.sqrt(fanIn), random);
      }
    }
  }

  /**
   * Adds {@code initial.state [hiddenSize]} (zeros) if the initial state is learned, then, with
   * {@code encoder: linear}, {@code encoder.weight [initialConditionSize, hiddenSize]} drawn from
   * U(−1/√C, 1/√C) with C the initial condition size (PyTorch's {@code nn.Linear} default), and the
   * initial-state noise scale. Draws nothing without an encoder.
   */
  final void addInitialState(RandomGenerator random) {
    if (options.learnedInitialState()) {
      params.add(INITIAL_STATE, new float[hiddenSize], hiddenSize);
    }
    if (initialConditionSize > 0) {
      params.add(
          ENCODER_WEIGHT,
          Weights.uniform(
              initialConditionSize * hiddenSize, 1 / Math.sqrt(initialConditionSize), random),
          initialConditionSize,
          hiddenSize);
    }
    if (options.latentIcVar() > 0) {
      initialStateNoise = constant(options.latentIcVar());
    }
  }

  /**
   * Registers the constraints of {@code options} on {@code input.weight [I, gates·units]}, {@code
   * recurrent.weight [units, gates·units]} and {@code output.weight [units, O]} (see {@link
   * MatrixConstraint}); does nothing when there are none. Under Dale's law the rows of inhibitory
   * units of the drawn {@code recurrent.weight} are first multiplied by N_E/N_I, PsychRNN's balance
   * of excitation and inhibition, so that the effective matrix has no large outlier eigenvalue.
   * Call it at the end of the constructor, once every parameter is drawn; it draws nothing.
   *
   * @param units the number of units H the matrices' blocks are wide
   * @param gates the number of gate blocks side by side (1 for the rate models)
   * @throws IllegalArgumentException if a mask has the wrong shape (naming the parameter, the file
   *     and both shapes), Dale's law is asked of a gated cell, or it leaves no excitatory unit
   */
  final void applyConstraints(int units, int gates) {
    Constraints c = options.constraints();
    if (!c.any()) {
      return;
    }
    int excitatory = units;
    if (c.dale()) {
      if (gates != 1) {
        throw new IllegalArgumentException(
            "Dale's law applies to rate networks only: a gated cell's weights are not signed"
                + " synapses");
      }
      excitatory = (int) (c.excitatoryFraction() * units);
      if (excitatory == 0) {
        throw new IllegalArgumentException(
            "excitatoryFraction "
                + c.excitatoryFraction()
                + " leaves no excitatory unit among "
                + units
                + " (int(f*H) = 0), and inhibitory units do not drive the output; raise it");
      }
      balance(units, excitatory);
    }
    int width = gates * units;
    boolean[] inputKeep = fit(c.inputConnectivity(), INPUT_WEIGHT, inputSize, units, gates);
    constrain(
        INPUT_WEIGHT,
        c.dale(),
        null,
        inputKeep,
        fit(c.fixedInput(), INPUT_WEIGHT, inputSize, units, gates),
        !c.trainInput());

    boolean[] recurrentKeep = fit(c.recurrentConnectivity(), RECURRENT_WEIGHT, units, units, gates);
    if (!c.autapses()) {
      recurrentKeep = recurrentKeep != null ? recurrentKeep : filled(units * width);
      for (int i = 0; i < units; i++) {
        for (int k = 0; k < gates; k++) {
          recurrentKeep[i * width + k * units + i] = false;
        }
      }
    }
    float[] signs = null;
    if (c.dale()) {
      signs = new float[units];
      for (int i = 0; i < units; i++) {
        signs[i] = i < excitatory ? 1f : -1f;
      }
    }
    constrain(
        RECURRENT_WEIGHT,
        c.dale(),
        signs,
        recurrentKeep,
        fit(c.fixedRecurrent(), RECURRENT_WEIGHT, units, units, gates),
        !c.trainRecurrent());

    boolean[] outputKeep = fit(c.outputConnectivity(), OUTPUT_WEIGHT, units, outputSize, 1);
    if (c.dale() && excitatory < units) {
      outputKeep = outputKeep != null ? outputKeep : filled(units * outputSize);
      java.util.Arrays.fill(outputKeep, excitatory * outputSize, units * outputSize, false);
    }
    constrain(
        OUTPUT_WEIGHT,
        c.dale(),
        null,
        outputKeep,
        fit(c.fixedOutput(), OUTPUT_WEIGHT, units, outputSize, 1),
        !c.trainOutput());
  }

  /** Multiplies the inhibitory rows of the drawn recurrent weights by N_E/N_I. */
  private void balance(int units, int excitatory) {
    if (excitatory == units) {
      return;
    }
    NDArray w = params.raw(RECURRENT_WEIGHT);
    float[] values = w.toFloatArray();
    int cols = values.length / units;
    double factor = (double) excitatory / (units - excitatory);
    for (int i = excitatory * cols; i < values.length; i++) {
      values[i] = (float) (values[i] * factor);
    }
    w.set(values);
  }

  private void constrain(
      String name,
      boolean abs,
      float[] signs,
      boolean[] keep,
      boolean[] frozen,
      boolean frozenAll) {
    if (abs || signs != null || keep != null || frozen != null || frozenAll) {
      params.constrain(
          name,
          new MatrixConstraint(params.raw(name), abs, signs, keep, frozen, frozenAll, manager));
    }
  }

  private static boolean[] fit(Mask mask, String matrix, int rows, int width, int gates) {
    return mask == null ? null : mask.fit(matrix, rows, width, gates);
  }

  private static boolean[] filled(int n) {
    boolean[] all = new boolean[n];
    java.util.Arrays.fill(all, true);
    return all;
  }

  // ---- RecurrentNetwork ------------------------------------------------------------------------

  @Override
  public final int hiddenSize() {
    return hiddenSize;
  }

  @Override
  public final Map<String, NDArray> parameters() {
    return params.view();
  }

  /**
   * The arrays the dynamics use (see {@link NetworkParameters#effective}): the parameters
   * themselves for a network without constraints, the constrained weight matrices otherwise.
   */
  @Override
  public final Map<String, NDArray> effectiveParameters(NDManager manager) {
    return params.effectiveView(manager);
  }

  /**
   * The zero state, or {@code initial.state} repeated over the batch when it is learned; without
   * the initial-state noise (use {@link #initialState(int, NDManager, Noise)} for that). With an
   * encoder this is the state a zero initial condition gives.
   */
  @Override
  public final NDArray initialState(int batchSize, NDManager manager) {
    NDArray zeros = manager.zeros(new Shape(batchSize, hiddenSize));
    if (!params.has(INITIAL_STATE)) {
      return zeros;
    }
    return zeros.add(params.effective(INITIAL_STATE, manager));
  }

  /**
   * The initial state as {@link #initialState(int, NDManager)} plus, when {@code latentIcVar} σ > 0
   * and {@code noise} is enabled, σ·ξ with ξ one {@code [batch, hiddenSize]} draw from {@code
   * noise} (CtDB's {@code init_hidden}). Nothing is drawn otherwise.
   */
  @Override
  public final NDArray initialState(int batchSize, NDManager manager, Noise noise) {
    return withInitialStateNoise(initialState(batchSize, manager), batchSize, manager, noise);
  }

  /** The initial condition size with {@code encoder: linear}, else 0. */
  @Override
  public final int initialConditionSize() {
    return initialConditionSize;
  }

  /**
   * {@code h0 = c·W_enc}, plus {@code initial.state} when it is learned (the encoder's bias), plus
   * the initial-state noise as in {@link #initialState(int, NDManager, Noise)}. For the LSTM the
   * state is {@code [h, c]}, so the encoder sets both halves.
   *
   * @throws UnsupportedOperationException with {@code encoder: none}
   * @throws IllegalArgumentException if {@code initialCondition} is not {@code [batch, C]}
   */
  @Override
  public final NDArray initialState(NDArray initialCondition, NDManager manager, Noise noise) {
    if (initialConditionSize == 0) {
      throw new UnsupportedOperationException(
          "this model has no encoder (encoder: none), so it cannot start from a trial's initial"
              + " condition; set encoder: linear");
    }
    Shape shape = initialCondition.getShape();
    if (shape.dimension() != 2 || shape.get(1) != initialConditionSize) {
      throw new IllegalArgumentException(
          "initial conditions must be [batch, " + initialConditionSize + "], got " + shape);
    }
    NDArray h0 = initialCondition.matMul(params.effective(ENCODER_WEIGHT, manager));
    if (params.has(INITIAL_STATE)) {
      h0 = h0.add(params.effective(INITIAL_STATE, manager));
    }
    return withInitialStateNoise(h0, Math.toIntExact(shape.get(0)), manager, noise);
  }

  /** {@code h0 + σ·ξ} when {@code latentIcVar} σ > 0 and {@code noise} is enabled, else h0. */
  private NDArray withInitialStateNoise(NDArray h0, int batchSize, NDManager manager, Noise noise) {
    if (initialStateNoise == null || !noise.enabled()) {
      return h0;
    }
    NDArray xi = noise.standardNormal(new Shape(batchSize, hiddenSize), manager);
    return h0.add(xi.mul(initialStateNoise));
  }

  /**
   * {@code output.weight} applied to {@link #readoutInput}, plus {@code output.bias} if any,
   * through {@code outputActivation}.
   */
  @Override
  public final NDArray readout(NDArray h) {
    return readoutOf(readoutInput(h));
  }

  /**
   * {@code g(r·W_out + b_out)} for what the readout reads, {@code [..., fanIn]}, with g the {@code
   * outputActivation} (none when linear).
   */
  final NDArray readoutOf(NDArray r) {
    NDArray y = r.matMul(params.effective(OUTPUT_WEIGHT, r.getManager()));
    if (params.has(OUTPUT_BIAS)) {
      y = y.add(params.effective(OUTPUT_BIAS, r.getManager()));
    }
    return options.outputActivation().apply(y);
  }

  /** What the readout reads from states {@code [..., hiddenSize]}; the states themselves here. */
  NDArray readoutInput(NDArray h) {
    return h;
  }

  // ---- checks ----------------------------------------------------------------------------------

  /**
   * @return the number of steps
   * @throws IllegalArgumentException if the inputs are not {@code [batch, steps ≥ 1, inputSize]} or
   *     {@code h0} is not {@code [batch, hiddenSize]}
   */
  final int checkSequence(NDArray inputs, NDArray h0) {
    Shape shape = inputs.getShape();
    if (shape.dimension() != 3 || shape.get(2) != inputSize || shape.get(1) < 1) {
      throw new IllegalArgumentException(
          "inputs must be [batch, steps, " + inputSize + "], got " + shape);
    }
    checkState(h0, shape.get(0));
    return Math.toIntExact(shape.get(1));
  }

  /**
   * @throws IllegalArgumentException if {@code h} is not {@code [batch, hiddenSize]} or {@code x}
   *     not {@code [batch, inputSize]}
   */
  final void checkStep(NDArray h, NDArray x) {
    Shape shape = x.getShape();
    if (shape.dimension() != 2 || shape.get(1) != inputSize) {
      throw new IllegalArgumentException("x must be [batch, " + inputSize + "], got " + shape);
    }
    checkState(h, shape.get(0));
  }

  private void checkState(NDArray h, long batch) {
    Shape s = h.getShape();
    if (s.dimension() != 2 || s.get(0) != batch || s.get(1) != hiddenSize) {
      throw new IllegalArgumentException(
          "state must be [" + batch + ", " + hiddenSize + "], got " + s);
    }
  }
}
