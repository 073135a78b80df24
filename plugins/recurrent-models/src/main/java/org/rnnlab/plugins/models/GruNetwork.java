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
 * A gated recurrent unit network with PyTorch's gate equations ({@code nn.GRU}/{@code nn.GRUCell})
 * and a linear readout:
 *
 * <pre>
 * h̃ = h + σ·ξ                                  (state noise, only when σ &gt; 0)
 * r = sigmoid(x·W_ir + b_ir + h̃·W_hr + b_hr)
 * z = sigmoid(x·W_iz + b_iz + h̃·W_hz + b_hz)
 * n = tanh(x·W_in + b_in + r ⊙ (h̃·W_hn + b_hn))
 * h' = (1 − z) ⊙ n + z ⊙ h̃,                    y = h'·W_out + b_out
 * </pre>
 *
 * <p><b>State:</b> h, {@code [batch, H]}. <b>Noise</b> (CtDB's {@code NoisyGRU}): CtDB adds N(0,
 * σ²) to the hidden state after the readout has read it, so the next step starts from the noisy
 * state while the output sees the clean one. Here the same noise is added at the start of the next
 * update instead, so that the recorded state is the clean one the readout sees and {@code
 * readout(step(h, x))} is the output; the only difference to CtDB is that the first update also
 * starts from a noisy initial state.
 *
 * <p>Parameters, stored input-major with the gates side by side in PyTorch's order (r, z, n):
 * {@code input.weight [I, 3H]}, {@code recurrent.weight [H, 3H]}, {@code input.bias [3H]}, {@code
 * recurrent.bias [3H]} (each bias optional), {@code output.weight [H, O]}, {@code output.bias [O]},
 * {@code initial.state [H]}. Drawn in that order; PyTorch's default is U(−1/√H, 1/√H) for every
 * gate weight and bias ({@code uniform} with n = H), other initialisers fill each gate's block
 * separately.
 *
 * <p>{@link #forward} without noise runs PyTorch's fused GRU ({@code torch::gru} through DJL's
 * {@code NDArrayEx.gru}), which loops over time in native code and records autograd there; with
 * noise it runs the same cell as {@link #step}, with the input projections of all steps computed in
 * one product. Not thread-safe; intermediate arrays belong to the inputs' manager.
 */
final class GruNetwork extends CellNetwork {

  private final int units;

  /**
   * @param units H
   * @param noiseStd σ of the state noise, ≥ 0
   * @throws IllegalArgumentException if σ is negative or an initialiser cannot fill its matrix
   */
  GruNetwork(
      NetworkShape shape,
      int units,
      double noiseStd,
      ModelOptions options,
      RandomGenerator random,
      NDManager manager) {
    super(shape, units, options, manager);
    this.units = units;
    addGateLayers(units, 3, random);
    addOutputLayer(units, false, random);
    addInitialState(random);
    applyConstraints(units, 3);
    setStepNoise(noiseStd);
  }

  @Override
  public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
    int steps = checkSequence(inputs, h0);
    NDManager m = inputs.getManager();
    NDArray hidden =
        noisy(noise) ? loop(inputs, h0, noise, steps, m) : GateOps.fusedGru(this, inputs, h0, m);
    return new SequenceOutput(readout(hidden), hidden);
  }

  private NDArray loop(NDArray inputs, NDArray h0, Noise noise, int steps, NDManager m) {
    long batch = inputs.getShape().get(0);
    NDArray recurrent = params.effective(RECURRENT_WEIGHT, m);
    NDArray recurrentBias = params.has(RECURRENT_BIAS) ? params.effective(RECURRENT_BIAS, m) : null;
    NDList projected = project(inputs, m).split(new long[] {2L * units}, 2);
    NDList rz = GateOps.perStep(projected.get(0), steps);
    NDList n = GateOps.perStep(projected.get(1), steps);
    NDList noises = GateOps.perStep(sequenceNoise(noise, batch, steps, m), steps);
    NDList states = new NDList(steps);
    NDArray h = h0.expandDims(1);
    for (int t = 0; t < steps; t++) {
      h = cell(h.add(noises.get(t)), rz.get(t), n.get(t), recurrent, recurrentBias);
      states.add(h);
    }
    return steps == 1 ? h : NDArrays.concat(states, 1);
  }

  @Override
  public NDArray step(NDArray h, NDArray x, Noise noise) {
    checkStep(h, x);
    NDManager m = x.getManager();
    if (noisy(noise)) {
      h = h.add(stepNoise(noise, x.getShape().get(0), m));
    }
    NDList projected = project(x, m).split(new long[] {2L * units}, 1);
    NDArray recurrentBias = params.has(RECURRENT_BIAS) ? params.effective(RECURRENT_BIAS, m) : null;
    return cell(
        h,
        projected.get(0),
        projected.get(1),
        params.effective(RECURRENT_WEIGHT, m),
        recurrentBias);
  }

  /** x·W_i + b_i for all three gates, {@code [..., 3H]}. */
  private NDArray project(NDArray x, NDManager m) {
    NDArray p = x.matMul(params.effective(INPUT_WEIGHT, m));
    return params.has(INPUT_BIAS) ? p.add(params.effective(INPUT_BIAS, m)) : p;
  }

  /**
   * One GRU update on states {@code [..., H]}.
   *
   * @param inputRz x·W_i + b_i of the r and z gates, {@code [..., 2H]}
   * @param inputN x·W_in + b_in, {@code [..., H]}
   */
  private NDArray cell(
      NDArray h, NDArray inputRz, NDArray inputN, NDArray recurrent, NDArray recurrentBias) {
    int last = h.getShape().dimension() - 1;
    NDArray gh = h.matMul(recurrent);
    if (recurrentBias != null) {
      gh = gh.add(recurrentBias);
    }
    NDList ghParts = gh.split(new long[] {2L * units}, last);
    NDList rz = ai.djl.nn.Activation.sigmoid(ghParts.get(0).add(inputRz)).split(2, last);
    NDArray n = ai.djl.nn.Activation.tanh(inputN.add(rz.get(0).mul(ghParts.get(1))));
    return n.add(rz.get(1).mul(h.sub(n)));
  }

  /** H, the number of units (equal to {@link #hiddenSize()} for a GRU). */
  int units() {
    return units;
  }
}
