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
 * CtDB's {@code DriscollRNN}:
 *
 * <pre>
 * a  = h·W_rec
 * h' = (1 − γ)·a + γ·f(a + u·W_in + b + σ·ξ),     y = h'·W_out + b_out
 * </pre>
 *
 * <p>Note that the leak term is {@code (1 − γ)·W_rec·h}, not {@code (1 − γ)·h}, exactly as in CtDB
 * ({@code recW(hidden)} in both places). The noise σ·ξ, ξ ~ N(0, 1), is inside f, unscaled, one
 * {@code [batch, H]} draw per step. <b>State:</b> h.
 *
 * <p>One deliberate difference: CtDB's step returns {@code readout(h)} of the state <i>before</i>
 * the update, so its output at step t does not yet see the input at t. Here, as for every model of
 * rnnlab, the output at step t is the readout of the state after the update ({@code readout(step(h,
 * x))}).
 *
 * <p>Parameters, drawn in this order (CtDB's {@code init_model}): {@code recurrent.weight [H, H]}
 * ({@code recurrentInit}, n = H), {@code input.weight [I, H]} ({@code inputInit}, n = I), {@code
 * input.bias [H]} (only if {@code inputBias}; CtDB has none), {@code recurrent.bias [H]} (CtDB's
 * {@code bias}, starting at zero, if {@code recurrentBias}), {@code output.weight [H, O]}, {@code
 * output.bias [O]}, {@code initial.state [H]}.
 *
 * <p>Per step: one matrix product and five element-wise operations; the input projections of all
 * steps are one product. Not thread-safe; intermediate arrays belong to the inputs' manager.
 */
final class DriscollNetwork extends CellNetwork {

  private final Activation activation;
  private final NDArray gamma;

  /**
   * @param gamma γ in (0, 1]
   * @param noiseStd σ ≥ 0
   * @throws IllegalArgumentException if γ or σ is out of range or an initialiser cannot fill its
   *     matrix
   */
  DriscollNetwork(
      NetworkShape shape,
      int hidden,
      double gamma,
      Activation activation,
      double noiseStd,
      ModelOptions options,
      RandomGenerator random,
      NDManager manager) {
    super(shape, hidden, options, manager);
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must lie in (0, 1], got " + gamma);
    }
    this.activation = activation;
    addMatrix(
        RECURRENT_WEIGHT,
        options.recurrentInit(),
        "recurrentInit",
        options.recurrentGain(),
        hidden,
        hidden,
        hidden,
        random);
    addMatrix(
        INPUT_WEIGHT,
        options.inputInit(),
        "inputInit",
        options.inputGain(),
        inputSize,
        hidden,
        inputSize,
        random);
    if (options.inputBias()) {
      addBias(INPUT_BIAS, hidden, 1 / Math.sqrt(inputSize), random);
    }
    if (options.recurrentBias()) {
      addZeroBias(RECURRENT_BIAS, hidden);
    }
    addOutputLayer(hidden, false, random);
    addInitialState(random);
    applyConstraints(hidden, 1);
    this.gamma = constant(gamma);
    setStepNoise(noiseStd);
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
    NDList drives = GateOps.perStep(drive, steps);
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
    NDArray a = h.matMul(recurrent);
    // (1−γ)a + γ·f(a + drive) written as a + γ(f(a + drive) − a).
    return a.add(activation.apply(a.add(drive)).sub(a).mul(gamma));
  }
}
