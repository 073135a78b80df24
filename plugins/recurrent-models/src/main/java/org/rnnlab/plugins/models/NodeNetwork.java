package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.SequenceOutput;

/**
 * CtDB's {@code NODE}: a neural ODE whose vector field is an MLP, integrated with a fixed Euler
 * step as in CtDB's {@code MLPCell}:
 *
 * <pre>
 * a_1 = relu([h, u]·W_1 + b_1),  a_k = relu(a_{k−1}·W_k + b_k) for k = 2 … L−1
 * h'  = h + s·(a_{L−1}·W_L + b_L),                                y = h'·W_out + b_out
 * </pre>
 *
 * <p>with s = 0.1 in CtDB (the {@code vectorFieldScale} parameter; there is no dt: the task's time
 * step does not enter). The input enters only the first layer, concatenated after the state. With L
 * layers there are L linear maps and L−1 ReLUs. <b>State:</b> h, the latent (3-dimensional in
 * CtDB's config).
 *
 * <p>Parameters, drawn in this order: {@code vectorfield.layer1.weight [H + I, W]} (rows: the H
 * state entries, then the I inputs), {@code vectorfield.layer1.bias [W]}, …, {@code
 * vectorfield.layerL.weight [W, H]}, {@code vectorfield.layerL.bias [H]}, all from PyTorch's {@code
 * nn.Linear} default U(−1/√fanIn, 1/√fanIn); {@code output.weight [H, O]} ({@code outputInit},
 * CtDB: N(0, 0.01²)), {@code output.bias [O]} (zero, as CtDB); {@code initial.state [H]} (CtDB's
 * learned {@code latent_ics}).
 *
 * <p>Per step: L matrix products and 2L element-wise operations; the input's share of the first
 * layer is computed for all steps in one product. The model has no noise. Not thread-safe;
 * intermediate arrays belong to the inputs' manager.
 */
final class NodeNetwork extends CellNetwork {

  private final int layers;
  private final NDArray scale;

  /**
   * @param latent H
   * @param layers L ≥ 2
   * @param width W, the width of the hidden layers
   * @param vectorFieldScale s &gt; 0
   * @throws IllegalArgumentException if L &lt; 2, W &lt; 1, s ≤ 0 or the readout initialiser cannot
   *     fill its matrix
   */
  NodeNetwork(
      NetworkShape shape,
      int latent,
      int layers,
      int width,
      double vectorFieldScale,
      ModelOptions options,
      RandomGenerator random,
      NDManager manager) {
    super(shape, latent, options, manager);
    if (layers < 2) {
      throw new IllegalArgumentException(
          "layers must be at least 2 (an input and an output layer of the vector field), got "
              + layers);
    }
    if (width < 1) {
      throw new IllegalArgumentException("layerWidth must be at least 1, got " + width);
    }
    if (!(vectorFieldScale > 0 && Double.isFinite(vectorFieldScale))) {
      throw new IllegalArgumentException(
          "vectorFieldScale must be a finite number > 0, got " + vectorFieldScale);
    }
    this.layers = layers;
    for (int k = 1; k <= layers; k++) {
      int fanIn = k == 1 ? latent + inputSize : width;
      int fanOut = k == layers ? latent : width;
      double bound = 1 / Math.sqrt(fanIn);
      params.add(weight(k), Weights.uniform(fanIn * fanOut, bound, random), fanIn, fanOut);
      params.add(bias(k), Weights.uniform(fanOut, bound, random), fanOut);
    }
    addOutputLayer(latent, true, random);
    addInitialState(random);
    this.scale = constant(vectorFieldScale);
  }

  static String weight(int layer) {
    return "vectorfield.layer" + layer + ".weight";
  }

  static String bias(int layer) {
    return "vectorfield.layer" + layer + ".bias";
  }

  @Override
  public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
    int steps = checkSequence(inputs, h0);
    NDManager m = inputs.getManager();
    Field field = field(m);
    NDList drives = GateOps.perStep(field.project(inputs), steps);
    NDList states = new NDList(steps);
    NDArray h = h0.expandDims(1);
    for (int t = 0; t < steps; t++) {
      h = field.update(h, drives.get(t));
      states.add(h);
    }
    NDArray hidden = steps == 1 ? h : NDArrays.concat(states, 1);
    return new SequenceOutput(readout(hidden), hidden);
  }

  @Override
  public NDArray step(NDArray h, NDArray x, Noise noise) {
    checkStep(h, x);
    Field field = field(x.getManager());
    return field.update(h, field.project(x));
  }

  /** The vector field's arrays for one computation, the first layer split into state and input. */
  private Field field(NDManager m) {
    NDList first = params.effective(weight(1), m).split(new long[] {hiddenSize}, 0);
    first.attach(m);
    List<NDArray> weights = new ArrayList<>();
    List<NDArray> biases = new ArrayList<>();
    weights.add(first.get(0));
    biases.add(params.effective(bias(1), m));
    for (int k = 2; k <= layers; k++) {
      weights.add(params.effective(weight(k), m));
      biases.add(params.effective(bias(k), m));
    }
    return new Field(first.get(1), weights, biases);
  }

  private final class Field {
    private final NDArray inputWeight;
    private final List<NDArray> weights;
    private final List<NDArray> biases;

    Field(NDArray inputWeight, List<NDArray> weights, List<NDArray> biases) {
      this.inputWeight = inputWeight;
      this.weights = weights;
      this.biases = biases;
    }

    /** The input's share of the first layer, u·W_1u + b_1. */
    NDArray project(NDArray u) {
      return u.matMul(inputWeight).add(biases.get(0));
    }

    NDArray update(NDArray h, NDArray drive) {
      NDArray a = ai.djl.nn.Activation.relu(h.matMul(weights.get(0)).add(drive));
      for (int k = 1; k < layers - 1; k++) {
        a = ai.djl.nn.Activation.relu(a.matMul(weights.get(k)).add(biases.get(k)));
      }
      NDArray velocity = a.matMul(weights.get(layers - 1)).add(biases.get(layers - 1));
      return h.add(velocity.mul(scale));
    }
  }
}
