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
 * A long short-term memory network with PyTorch's gate equations ({@code nn.LSTM}/{@code
 * nn.LSTMCell}) and a linear readout of h:
 *
 * <pre>
 * [h̃, c̃] = [h, c] + σ·ξ                         (state noise, only when σ &gt; 0)
 * i, f, g, o = x·W_i + b_i + h̃·W_h + b_h        (gates side by side, PyTorch's order)
 * c' = sigmoid(f) ⊙ c̃ + sigmoid(i) ⊙ tanh(g)
 * h' = sigmoid(o) ⊙ tanh(c'),                    y = h'·W_out + b_out
 * </pre>
 *
 * <p><b>State:</b> the concatenation {@code [h, c]}, {@code [batch, 2H]} — h in the first H
 * columns, the cell state c in the last H — so that {@code step} is a function of the full state
 * (fixed points and Jacobians need it) and {@link #hiddenSize()} is 2H for {@code hidden: H}. The
 * readout reads the h half only; an activity regulariser on the hidden states sees both halves.
 *
 * <p>Parameters, stored input-major: {@code input.weight [I, 4H]}, {@code recurrent.weight [H,
 * 4H]}, {@code input.bias [4H]}, {@code recurrent.bias [4H]} (each bias optional), {@code
 * output.weight [H, O]}, {@code output.bias [O]}, {@code initial.state [2H]} (h then c), {@code
 * encoder.weight [C, 2H]} (with {@code encoder: linear}; it sets h and c). Drawn in that order;
 * PyTorch's default is U(−1/√H, 1/√H) for every gate weight and bias ({@code uniform} with n = H),
 * other initialisers fill each gate's block separately.
 *
 * <p>{@link #forward} without noise runs PyTorch's fused LSTM ({@code torch::lstm}) for h, which
 * returns the cell state of the last step only; the cell states of all steps are then recovered
 * from the recorded h: the gates of all steps in two batched products (the previous h of every step
 * is known), and {@code c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t} with two element-wise operations per step.
 * This equals what the fused operation computed (to rounding), and autograd sees a correct function
 * of the parameters. The outputs are read from the fused h directly, so the recovery enters the
 * backward pass only when a loss reads the hidden states: at hidden 512 it costs about as much as
 * the fused operation's own recurrent products. With noise it runs the same cell as {@link #step},
 * with the input projections of all steps in one product. Not thread-safe; intermediate arrays
 * belong to the inputs' manager.
 */
final class LstmNetwork extends CellNetwork {

  private final int units;

  /**
   * @param units H; the state has 2H entries
   * @param noiseStd σ of the state noise, ≥ 0
   * @throws IllegalArgumentException if σ is negative or an initialiser cannot fill its matrix
   */
  LstmNetwork(
      NetworkShape shape,
      int units,
      double noiseStd,
      ModelOptions options,
      RandomGenerator random,
      NDManager manager) {
    super(shape, 2 * units, options, manager);
    this.units = units;
    addGateLayers(units, 4, random);
    addOutputLayer(units, false, random);
    addInitialState(random);
    applyConstraints(units, 4);
    setStepNoise(noiseStd);
  }

  @Override
  public SequenceOutput forward(NDArray inputs, NDArray s0, Noise noise) {
    int steps = checkSequence(inputs, s0);
    NDManager m = inputs.getManager();
    if (noisy(noise)) {
      NDArray hidden = loop(inputs, s0, noise, steps, m);
      return new SequenceOutput(readout(hidden), hidden);
    }
    NDList hc0 = s0.split(2, 1);
    NDArray hs = GateOps.fusedLstm(this, inputs, hc0.get(0), hc0.get(1), m);
    // The outputs are read from the fused h directly (the same values readout(hidden) gives), so
    // that the recovery of c below is on the backward path only of losses that read the states.
    return new SequenceOutput(
        readoutOf(hs), withCellStates(inputs, hs, hc0.get(0), hc0.get(1), steps, m));
  }

  /** {@code [h, c]} of every step, c recovered from the fused h; see the class comment. */
  private NDArray withCellStates(
      NDArray inputs, NDArray hs, NDArray h0, NDArray c0, int steps, NDManager m) {
    NDArray previous =
        steps == 1
            ? h0.expandDims(1)
            : h0.expandDims(1).concat(hs.get(":, :" + (steps - 1) + ", :"), 1);
    NDArray gates = gates(project(inputs, m), previous, m);
    NDList parts = gates.split(4, 2);
    NDArray forget = ai.djl.nn.Activation.sigmoid(parts.get(1));
    NDArray write =
        ai.djl.nn.Activation.sigmoid(parts.get(0)).mul(ai.djl.nn.Activation.tanh(parts.get(2)));
    NDList forgets = GateOps.perStep(forget, steps);
    NDList writes = GateOps.perStep(write, steps);
    NDList cells = new NDList(steps);
    NDArray c = c0.expandDims(1);
    for (int t = 0; t < steps; t++) {
      c = forgets.get(t).mul(c).add(writes.get(t));
      cells.add(c);
    }
    NDArray cs = steps == 1 ? c : NDArrays.concat(cells, 1);
    return hs.concat(cs, 2);
  }

  private NDArray loop(NDArray inputs, NDArray s0, Noise noise, int steps, NDManager m) {
    long batch = inputs.getShape().get(0);
    NDList projected = GateOps.perStep(project(inputs, m), steps);
    NDList noises = GateOps.perStep(sequenceNoise(noise, batch, steps, m), steps);
    NDList states = new NDList(steps);
    NDArray s = s0.expandDims(1);
    for (int t = 0; t < steps; t++) {
      s = cell(s.add(noises.get(t)), projected.get(t), m);
      states.add(s);
    }
    return steps == 1 ? s : NDArrays.concat(states, 1);
  }

  @Override
  public NDArray step(NDArray s, NDArray x, Noise noise) {
    checkStep(s, x);
    NDManager m = x.getManager();
    if (noisy(noise)) {
      s = s.add(stepNoise(noise, x.getShape().get(0), m));
    }
    return cell(s, project(x, m), m);
  }

  /** The h half of states {@code [..., 2H]}. */
  @Override
  NDArray readoutInput(NDArray s) {
    return s.split(2, s.getShape().dimension() - 1).get(0);
  }

  /** x·W_i + b_i for all four gates, {@code [..., 4H]}. */
  private NDArray project(NDArray x, NDManager m) {
    NDArray p = x.matMul(params.effective(INPUT_WEIGHT, m));
    return params.has(INPUT_BIAS) ? p.add(params.effective(INPUT_BIAS, m)) : p;
  }

  /** Pre-activations of the four gates from the input projection and the previous h. */
  private NDArray gates(NDArray projected, NDArray h, NDManager m) {
    NDArray g = h.matMul(params.effective(RECURRENT_WEIGHT, m));
    if (params.has(RECURRENT_BIAS)) {
      g = g.add(params.effective(RECURRENT_BIAS, m));
    }
    return g.add(projected);
  }

  /** One LSTM update on states {@code [..., 2H]}. */
  private NDArray cell(NDArray s, NDArray projected, NDManager m) {
    int last = s.getShape().dimension() - 1;
    NDList hc = s.split(2, last);
    NDList parts = gates(projected, hc.get(0), m).split(4, last);
    NDArray c =
        ai.djl.nn.Activation.sigmoid(parts.get(1))
            .mul(hc.get(1))
            .add(
                ai.djl.nn.Activation.sigmoid(parts.get(0))
                    .mul(ai.djl.nn.Activation.tanh(parts.get(2))));
    NDArray h = ai.djl.nn.Activation.sigmoid(parts.get(3)).mul(ai.djl.nn.Activation.tanh(c));
    return h.concat(c, last);
  }

  /** H, the number of units (half of {@link #hiddenSize()}). */
  int units() {
    return units;
  }
}
