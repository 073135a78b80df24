package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;

/**
 * A rate network {@code h' = (1−α)h + α·f(x·W_in + b_in + h·W_rec + b_rec + s·ξ)} with a linear
 * readout {@code y = h·W_out + b_out}, shared by {@link LeakyRnn} (α = dt/τ) and {@link VanillaRnn}
 * (α = 1, where the update is just {@code h' = f(…)}).
 *
 * <p>Weights are stored input-major ({@code x·W}): {@code input.weight [I,H]}, {@code
 * recurrent.weight [H,H]}, {@code output.weight [H,O]}, the transposes of PyTorch's {@code
 * nn.Linear.weight}. Both biases of the PyTorch tutorial's two {@code nn.Linear} layers are kept
 * ({@code input.bias}, {@code recurrent.bias}) so checkpoints map one-to-one onto a PyTorch state
 * dict; only their sum matters to the dynamics.
 *
 * <p>Noise: when σ > 0 and the caller's {@link Noise} is enabled, {@code s·ξ} with {@code s =
 * sqrt(2/α)·σ} and ξ ~ N(0, 1) is added inside f (Yang et al. 2019), one {@code [batch, H]} draw
 * per step in time order.
 *
 * <p>Every constant (α, the noise scale) is an array owned by the network's manager, created once,
 * so no Java number reaches an array operation during a forward pass. {@link #forward} projects the
 * inputs of all steps in one matrix product (noise for all steps is added there too), runs one
 * matrix product and five (α = 1: two) element-wise operations per step, and reads out all steps in
 * one product; {@link #step} performs the same operations in the same order. Not thread-safe;
 * intermediate arrays belong to the inputs' manager.
 */
final class RateNetwork implements RecurrentNetwork {

  private final int inputSize;
  private final int hiddenSize;
  private final Activation activation;
  private final boolean leaky;
  private final NDArray alpha;
  private final NDArray noiseScale;
  private final NDArray inputWeight;
  private final NDArray inputBias;
  private final NDArray recurrentWeight;
  private final NDArray recurrentBias;
  private final NDArray outputWeight;
  private final NDArray outputBias;
  private final Map<String, NDArray> parameters;

  /**
   * Draws the initial weights, in this order: {@code input.weight}, {@code input.bias}, {@code
   * recurrent.weight}, {@code recurrent.bias}, {@code output.weight}, {@code output.bias}. All but
   * the recurrent weight follow PyTorch's {@code nn.Linear} default U(−1/√fanIn, 1/√fanIn).
   *
   * @param alpha dt/τ, in (0, 1]
   * @param sigma recurrent noise σ, ≥ 0
   */
  RateNetwork(
      NetworkShape shape,
      int hiddenSize,
      double alpha,
      Activation activation,
      double sigma,
      RecurrentInit init,
      double gain,
      RandomGenerator random,
      NDManager manager) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must lie in (0, 1], got " + alpha);
    }
    this.inputSize = shape.inputSize();
    this.hiddenSize = hiddenSize;
    this.activation = activation;
    this.leaky = alpha < 1;
    int in = shape.inputSize();
    int out = shape.outputSize();
    int h = hiddenSize;
    double inBound = 1 / Math.sqrt(in);
    double hBound = 1 / Math.sqrt(h);
    inputWeight = parameter(manager, Weights.uniform(in * h, inBound, random), in, h);
    inputBias = parameter(manager, Weights.uniform(h, inBound, random), h);
    recurrentWeight = parameter(manager, init.draw(h, gain, random), h, h);
    recurrentBias = parameter(manager, Weights.uniform(h, hBound, random), h);
    outputWeight = parameter(manager, Weights.uniform(h * out, hBound, random), h, out);
    outputBias = parameter(manager, Weights.uniform(out, hBound, random), out);
    this.alpha = manager.create((float) alpha);
    this.noiseScale = sigma > 0 ? manager.create((float) (Math.sqrt(2 / alpha) * sigma)) : null;
    Map<String, NDArray> named = new LinkedHashMap<>();
    named.put("input.weight", inputWeight);
    named.put("input.bias", inputBias);
    named.put("recurrent.weight", recurrentWeight);
    named.put("recurrent.bias", recurrentBias);
    named.put("output.weight", outputWeight);
    named.put("output.bias", outputBias);
    this.parameters = Collections.unmodifiableMap(named);
  }

  private static NDArray parameter(NDManager manager, float[] values, long... shape) {
    NDArray array = manager.create(values, new Shape(shape));
    array.setRequiresGradient(true);
    return array;
  }

  @Override
  public int hiddenSize() {
    return hiddenSize;
  }

  @Override
  public Map<String, NDArray> parameters() {
    return parameters;
  }

  @Override
  public NDArray initialState(int batchSize, NDManager manager) {
    return manager.zeros(new Shape(batchSize, hiddenSize));
  }

  /**
   * @throws IllegalArgumentException if the inputs are not {@code [batch, steps ≥ 1, inputSize]} or
   *     {@code h0} is not {@code [batch, hiddenSize]}
   */
  @Override
  public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
    Shape shape = inputs.getShape();
    if (shape.dimension() != 3 || shape.get(2) != inputSize || shape.get(1) < 1) {
      throw new IllegalArgumentException(
          "inputs must be [batch, steps, " + inputSize + "], got " + shape);
    }
    long batch = shape.get(0);
    int steps = Math.toIntExact(shape.get(1));
    checkState(h0, batch);
    NDArray drive = project(inputs);
    if (noisy(noise)) {
      NDList draws = new NDList(steps);
      for (int t = 0; t < steps; t++) {
        draws.add(noise.standardNormal(new Shape(batch, hiddenSize), inputs.getManager()));
      }
      drive = drive.add(NDArrays.stack(draws, 1).mul(noiseScale));
    }
    // The state is kept as [batch, 1, hidden] so each step adds a slice of the drive directly.
    NDList drives = steps == 1 ? new NDList(drive) : drive.split(steps, 1);
    NDList states = new NDList(steps);
    NDArray h = h0.expandDims(1);
    for (int t = 0; t < steps; t++) {
      h = update(h, drives.get(t));
      states.add(h);
    }
    NDArray hidden = steps == 1 ? h : NDArrays.concat(states, 1);
    return new SequenceOutput(readout(hidden), hidden);
  }

  /**
   * @throws IllegalArgumentException if {@code h} is not {@code [batch, hiddenSize]} or {@code x}
   *     not {@code [batch, inputSize]}
   */
  @Override
  public NDArray step(NDArray h, NDArray x, Noise noise) {
    Shape shape = x.getShape();
    if (shape.dimension() != 2 || shape.get(1) != inputSize) {
      throw new IllegalArgumentException("x must be [batch, " + inputSize + "], got " + shape);
    }
    checkState(h, shape.get(0));
    NDArray drive = project(x);
    if (noisy(noise)) {
      NDArray draw = noise.standardNormal(new Shape(shape.get(0), hiddenSize), x.getManager());
      drive = drive.add(draw.mul(noiseScale));
    }
    return update(h, drive);
  }

  @Override
  public NDArray readout(NDArray h) {
    return h.matMul(outputWeight).add(outputBias);
  }

  private NDArray project(NDArray x) {
    return x.matMul(inputWeight).add(inputBias).add(recurrentBias);
  }

  private NDArray update(NDArray h, NDArray drive) {
    NDArray rate = activation.apply(h.matMul(recurrentWeight).add(drive));
    // (1−α)h + α·r written as h + α(r − h): one multiplication fewer per step.
    return leaky ? h.add(rate.sub(h).mul(alpha)) : rate;
  }

  private boolean noisy(Noise noise) {
    return noiseScale != null && noise.enabled();
  }

  private void checkState(NDArray h, long batch) {
    Shape s = h.getShape();
    if (s.dimension() != 2 || s.get(0) != batch || s.get(1) != hiddenSize) {
      throw new IllegalArgumentException(
          "state must be [" + batch + ", " + hiddenSize + "], got " + s);
    }
  }
}
