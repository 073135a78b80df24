package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Calls into PyTorch's fused recurrent operations ({@code torch::gru}, {@code torch::lstm}) through
 * DJL's {@code NDArrayEx}, for the gated networks' noise-free forward passes.
 *
 * <p>The fused operations take PyTorch's layout: {@code weight_ih [gates·H, I]}, {@code weight_hh
 * [gates·H, H]}, {@code bias_ih}, {@code bias_hh}, and states {@code [layers, batch, H]}. Our
 * parameters are stored input-major, so the two matrices are transposed (two operations per
 * sequence, attached to the caller's manager so that nothing accumulates on the network's). They
 * run as one native call that loops over time and records autograd inside libtorch, so DJL's
 * per-operation overhead is paid once per sequence instead of a dozen times per step, and there are
 * no Java scalars anywhere.
 */
final class GateOps {

  private GateOps() {}

  /** {@code a [batch, steps, …]} cut into {@code steps} arrays {@code [batch, 1, …]}. */
  static NDList perStep(NDArray a, int steps) {
    return steps == 1 ? new NDList(a) : a.split(steps, 1);
  }

  /** The hidden states {@code [batch, steps, H]} of a GRU from {@code h0 [batch, H]}. */
  static NDArray fusedGru(GruNetwork net, NDArray inputs, NDArray h0, NDManager m) {
    Weights w = weights(net, 3 * net.units(), m);
    NDList out =
        inputs
            .getNDArrayInternal()
            .gru(inputs, h0.expandDims(0), w.list(), w.hasBiases(), 1, 0.0, true, false, true);
    out.get(1).close();
    return out.get(0);
  }

  /**
   * The hidden outputs h {@code [batch, steps, H]} of an LSTM from {@code h0, c0 [batch, H]} (the
   * fused operation returns the cell state of the last step only).
   */
  static NDArray fusedLstm(LstmNetwork net, NDArray inputs, NDArray h0, NDArray c0, NDManager m) {
    Weights w = weights(net, 4 * net.units(), m);
    NDList out =
        inputs
            .getNDArrayInternal()
            .lstm(
                inputs,
                new NDList(h0.expandDims(0), c0.expandDims(0)),
                w.list(),
                w.hasBiases(),
                1,
                0.0,
                true,
                false,
                true);
    out.get(1).close();
    out.get(2).close();
    return out.get(0);
  }

  private record Weights(NDList list, boolean hasBiases) {}

  private static Weights weights(CellNetwork net, int width, NDManager m) {
    NetworkParameters p = net.params;
    NDArray wih = p.effective(CellNetwork.INPUT_WEIGHT, m).transpose();
    wih.attach(m);
    NDArray whh = p.effective(CellNetwork.RECURRENT_WEIGHT, m).transpose();
    whh.attach(m);
    boolean hasInputBias = p.has(CellNetwork.INPUT_BIAS);
    boolean hasRecurrentBias = p.has(CellNetwork.RECURRENT_BIAS);
    if (!hasInputBias && !hasRecurrentBias) {
      return new Weights(new NDList(wih, whh), false);
    }
    NDArray bih = hasInputBias ? p.effective(CellNetwork.INPUT_BIAS, m) : m.zeros(new Shape(width));
    NDArray bhh =
        hasRecurrentBias ? p.effective(CellNetwork.RECURRENT_BIAS, m) : m.zeros(new Shape(width));
    return new Weights(new NDList(wih, whh, bih, bhh), true);
  }
}
