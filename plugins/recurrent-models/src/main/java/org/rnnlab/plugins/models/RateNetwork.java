package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.SequenceOutput;

/**
 * A leaky rate network in one of two forms, shared by {@link LeakyRnn} (α = dt/τ), {@link
 * VanillaRnn} (α = 1) and {@link LinearDynamicalSystem} (α = 1, f = identity):
 *
 * <pre>
 * RATE  (Yang et al. 2019):        h' = (1−α)h + α·f(h·W_rec + x·W_in + b + s·ξ),   y = h·W_out + b_out
 * STATE (PsychRNN, Cueva &amp; Wei): x' = (1−α)x + α·(f(x)·W_rec + u·W_in + b + s·ξ), y = f(x)·W_out + b_out
 * </pre>
 *
 * <p>with {@code b = b_in + b_rec}. <b>The state</b> — what {@code step} returns, {@code forward}
 * records as hidden states and analyses (fixed points, Jacobians) work on — is the rate {@code h}
 * in the RATE form and the pre-activation (synaptic current) {@code x} in the STATE form, whose
 * rates are {@code f(x)}; {@link #readout} applies f itself in the STATE form.
 *
 * <p>Weights are stored input-major ({@code x·W}): {@code input.weight [I,H]}, {@code
 * recurrent.weight [H,H]}, {@code output.weight [H,O]}, the transposes of PyTorch's {@code
 * nn.Linear.weight}. Both biases of the PyTorch tutorial's two {@code nn.Linear} layers are kept
 * ({@code input.bias}, {@code recurrent.bias}), each optional; only their sum matters to the
 * dynamics.
 *
 * <p>Noise: when the drive noise scale {@code s} > 0 and the caller's {@link Noise} is enabled,
 * {@code s·ξ} with ξ ~ N(0, 1) is added to the drive, one {@code [batch, H]} draw per step in time
 * order. The model chooses {@code s} from its noise convention (see {@link LeakyRnn}).
 *
 * <p>Every constant (α, the noise scale) is an array owned by the network's manager, created once,
 * so no Java number reaches an array operation during a forward pass. {@link #forward} projects the
 * inputs of all steps in one matrix product (noise for all steps is added there too), runs one
 * matrix product and five (α = 1: two) element-wise operations per step (the STATE form one more,
 * f(x)), and reads out all steps in one product; {@link #step} performs the same operations in the
 * same order. Not thread-safe; intermediate arrays belong to the inputs' manager.
 */
final class RateNetwork extends CellNetwork {

  /** Which quantity is the state; see the class comment. */
  enum Form {
    RATE,
    STATE
  }

  private final Activation activation;
  private final Form form;
  private final boolean leaky;
  private final NDArray alpha;

  /**
   * Draws the initial weights, in this order: {@code input.weight} ({@code inputInit}, n = I),
   * {@code input.bias}, {@code recurrent.weight} ({@code recurrentInit}, n = H), {@code
   * recurrent.bias}, {@code output.weight} ({@code outputInit}, n = H), {@code output.bias}; the
   * biases from PyTorch's {@code nn.Linear} default U(−1/√fanIn, 1/√fanIn), each only if the
   * options ask for it. A learned {@code initial.state} starts at zero and draws nothing.
   *
   * @param alpha dt/τ, in (0, 1]
   * @param driveNoiseStd the drive noise scale s, ≥ 0
   * @throws IllegalArgumentException if α is outside (0, 1], s is negative, or an initialiser
   *     cannot fill its matrix
   */
  RateNetwork(
      NetworkShape shape,
      int hiddenSize,
      double alpha,
      Activation activation,
      Form form,
      double driveNoiseStd,
      ModelOptions options,
      RandomGenerator random,
      NDManager manager) {
    super(shape, hiddenSize, options, manager);
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must lie in (0, 1], got " + alpha);
    }
    this.activation = activation;
    this.form = form;
    this.leaky = alpha < 1;
    int in = inputSize;
    int h = hiddenSize;
    addMatrix(
        INPUT_WEIGHT, options.inputInit(), "inputInit", options.inputGain(), in, h, in, random);
    if (options.inputBias()) {
      addBias(INPUT_BIAS, h, 1 / Math.sqrt(in), random);
    }
    addMatrix(
        RECURRENT_WEIGHT,
        options.recurrentInit(),
        "recurrentInit",
        options.recurrentGain(),
        h,
        h,
        h,
        random);
    if (options.recurrentBias()) {
      addBias(RECURRENT_BIAS, h, 1 / Math.sqrt(h), random);
    }
    addOutputLayer(h, false, random);
    addInitialState(random);
    applyConstraints(h, 1);
    this.alpha = constant(alpha);
    setStepNoise(driveNoiseStd);
  }

  @Override
  public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
    int steps = checkSequence(inputs, h0);
    long batch = inputs.getShape().get(0);
    NDManager m = inputs.getManager();
    NDArray recurrent = params.effective(RECURRENT_WEIGHT, m);
    NDArray drive = project(inputs, m);
    if (noisy(noise)) {
      drive = drive.add(sequenceNoise(noise, batch, steps, m));
    }
    // The state is kept as [batch, 1, hidden] so each step adds a slice of the drive directly.
    NDList drives = steps == 1 ? new NDList(drive) : drive.split(steps, 1);
    NDList states = new NDList(steps);
    NDArray h = h0.expandDims(1);
    for (int t = 0; t < steps; t++) {
      h = update(h, drives.get(t), recurrent);
      states.add(h);
    }
    NDArray hidden = steps == 1 ? h : NDArrays.concat(states, 1);
    return new SequenceOutput(readout(hidden), hidden);
  }

  @Override
  public NDArray step(NDArray h, NDArray x, Noise noise) {
    checkStep(h, x);
    NDManager m = x.getManager();
    NDArray drive = project(x, m);
    if (noisy(noise)) {
      drive = drive.add(stepNoise(noise, x.getShape().get(0), m));
    }
    return update(h, drive, params.effective(RECURRENT_WEIGHT, m));
  }

  /** The rates f(x) in the STATE form, the state itself in the RATE form. */
  @Override
  NDArray readoutInput(NDArray h) {
    return form == Form.STATE ? activation.apply(h) : h;
  }

  private NDArray project(NDArray x, NDManager m) {
    NDArray drive = x.matMul(params.effective(INPUT_WEIGHT, m));
    if (params.has(INPUT_BIAS)) {
      drive = drive.add(params.effective(INPUT_BIAS, m));
    }
    if (params.has(RECURRENT_BIAS)) {
      drive = drive.add(params.effective(RECURRENT_BIAS, m));
    }
    return drive;
  }

  private NDArray update(NDArray h, NDArray drive, NDArray recurrent) {
    NDArray target =
        form == Form.RATE
            ? activation.apply(h.matMul(recurrent).add(drive))
            : activation.apply(h).matMul(recurrent).add(drive);
    // (1−α)h + α·r written as h + α(r − h): one multiplication fewer per step.
    return leaky ? h.add(target.sub(h).mul(alpha)) : target;
  }
}
