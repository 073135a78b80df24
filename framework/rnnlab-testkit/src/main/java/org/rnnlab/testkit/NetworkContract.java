package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;

/**
 * Behavioural checks that every {@link RecurrentNetwork} must pass, whatever its cell.
 *
 * <ul>
 *   <li>{@link #assertStepMatchesForward}: {@code forward} computes exactly what repeated {@code
 *       step} calls compute, with and without noise, and its outputs are {@code readout} of its
 *       hidden states. Analyses (fixed points, Jacobians) rely on this.
 *   <li>{@link #assertTrainsWithFiniteGradients}: a plain training loop (Adam, one sub-manager and
 *       one gradient collector per step, gradients zeroed after each update) keeps every gradient
 *       of every parameter finite at every step, gives every parameter a non-zero gradient, and
 *       lowers the loss. This is the regression test for DJL's "Java number inside a gradient
 *       collector" trap, which shows up as NaN gradients after a dozen or so steps while the loss
 *       still looks fine. A network with an encoder starts each sequence from its encoding of a
 *       random initial condition, so the encoder must get gradients too.
 *   <li>{@link #assertEncodesInitialConditions}: a network with an encoder maps initial conditions
 *       {@code [batch, initialConditionSize()]} to states {@code [batch, hiddenSize()]} that depend
 *       on them, deterministically, differentiably, and rejects conditions of another width.
 * </ul>
 *
 * <p>The checks draw their data from seeded {@link SplittableRandom}s, so a failure reproduces.
 * They create and close their own {@link NDManager}s; the network's parameters stay owned by the
 * network. Training changes the network's parameters: use a fresh network for other tests. Not
 * thread-safe (the gradient collector is engine-global).
 */
public final class NetworkContract {

  private static final double ABSOLUTE_TOLERANCE = 1e-5;
  private static final double RELATIVE_TOLERANCE = 1e-5;

  private NetworkContract() {}

  /**
   * Settings of the training check.
   *
   * @param batchSize sequences per step
   * @param sequenceLength steps per sequence
   * @param learningRate Adam's step size
   * @param seed seed of inputs, teacher and targets
   * @param lossRatio the mean loss over the last tenth of the steps must be below {@code lossRatio}
   *     times the mean loss over the first tenth
   */
  public record TrainingSetup(
      int batchSize, int sequenceLength, double learningRate, long seed, double lossRatio) {

    /**
     * @throws IllegalArgumentException if a size is below 1, the learning rate is not positive or
     *     the ratio is not in (0, 1]
     */
    public TrainingSetup {
      if (batchSize < 1 || sequenceLength < 1 || !(learningRate > 0)) {
        throw new IllegalArgumentException(
            "training setup needs batchSize, sequenceLength >= 1 and learningRate > 0, got "
                + batchSize
                + ", "
                + sequenceLength
                + ", "
                + learningRate);
      }
      if (!(lossRatio > 0 && lossRatio <= 1)) {
        throw new IllegalArgumentException("lossRatio must lie in (0, 1], got " + lossRatio);
      }
    }

    /** Batch 16, 50 steps per sequence, learning rate 0.01, seed 42, loss ratio 0.8. */
    public static TrainingSetup standard() {
      return new TrainingSetup(16, 50, 0.01, 42L, 0.8);
    }
  }

  /**
   * Checks {@code forward} against repeated {@code step} on a batch of 4 sequences of 12 steps.
   *
   * @see #assertStepMatchesForward(RecurrentNetwork, int, int, int, long)
   */
  public static void assertStepMatchesForward(RecurrentNetwork network, int inputSize) {
    assertStepMatchesForward(network, inputSize, 4, 12, 7L);
  }

  /**
   * Checks that {@code forward} equals repeated {@code step} followed by {@code readout}, from a
   * random initial state, once without noise and once with two {@link SeededNoise}s of the same
   * seed (so the network must draw one noise array per step, in time order, in both paths).
   *
   * <p>Values must agree to within 1e-5 absolute plus 1e-5 relative, which allows for a different
   * summation order in batched matrix products but not for a different formula.
   *
   * @param network the network under test; not modified
   * @param inputSize the number of input channels the network was built for
   * @param batchSize sequences in the batch
   * @param steps steps per sequence
   * @param seed seed of the inputs, the initial state and the noise
   * @throws AssertionError naming the first disagreeing step, sequence and unit
   */
  public static void assertStepMatchesForward(
      RecurrentNetwork network, int inputSize, int batchSize, int steps, long seed) {
    int hidden = network.hiddenSize();
    assertThat(hidden).as("hiddenSize").isPositive();
    try (NDManager manager = NDManager.newBaseManager()) {
      SplittableRandom random = new SplittableRandom(seed);
      NDArray inputs =
          manager.create(
              gaussian(random, batchSize * steps * inputSize, 1.0),
              new Shape(batchSize, steps, inputSize));
      NDArray zero = network.initialState(batchSize, manager);
      assertThat(zero.getShape()).as("initialState shape").isEqualTo(new Shape(batchSize, hidden));
      NDArray h0 =
          manager.create(gaussian(random, batchSize * hidden, 0.5), new Shape(batchSize, hidden));

      Noise[][] noisePairs = {
        {Noise.NONE, Noise.NONE}, {new SeededNoise(seed + 1), new SeededNoise(seed + 1)}
      };
      for (Noise[] pair : noisePairs) {
        String mode = pair[0].enabled() ? "with noise" : "without noise";
        SequenceOutput out = network.forward(inputs, h0, pair[0]);
        Shape hiddenShape = out.hidden().getShape();
        assertThat(hiddenShape)
            .as("forward hidden shape %s", mode)
            .isEqualTo(new Shape(batchSize, steps, hidden));
        Shape outputShape = out.outputs().getShape();
        assertThat(outputShape.dimension()).as("forward outputs rank").isEqualTo(3);
        assertThat(outputShape.get(0)).as("forward outputs batch").isEqualTo(batchSize);
        assertThat(outputShape.get(1)).as("forward outputs steps").isEqualTo(steps);
        int outputSize = Math.toIntExact(outputShape.get(2));
        float[] forwardHidden = out.hidden().toFloatArray();
        float[] forwardOutputs = out.outputs().toFloatArray();

        NDArray h = h0;
        for (int t = 0; t < steps; t++) {
          NDArray x = inputs.get(":, " + t + ", :");
          h = network.step(h, x, pair[1]);
          assertThat(h.getShape()).as("step shape").isEqualTo(new Shape(batchSize, hidden));
          assertSliceEquals(
              "hidden state " + mode, forwardHidden, h.toFloatArray(), t, steps, hidden);
          assertSliceEquals(
              "readout " + mode,
              forwardOutputs,
              network.readout(h).toFloatArray(),
              t,
              steps,
              outputSize);
        }
      }
    }
  }

  /**
   * Trains with {@link TrainingSetup#standard()}.
   *
   * @see #assertTrainsWithFiniteGradients(RecurrentNetwork, int, int, TrainingSetup)
   */
  public static List<Double> assertTrainsWithFiniteGradients(
      RecurrentNetwork network, int inputSize, int steps) {
    return assertTrainsWithFiniteGradients(network, inputSize, steps, TrainingSetup.standard());
  }

  /**
   * Trains the network for {@code steps} Adam steps on fresh random inputs each step, against
   * targets from a fixed random teacher (a leaky integration of the inputs through a random linear
   * map, which any recurrent network can learn in part), and asserts that:
   *
   * <ul>
   *   <li>every gradient of every parameter is finite after every backward pass;
   *   <li>every parameter receives a non-zero gradient at least once (so {@code parameters()}
   *       returns the arrays the forward pass really uses);
   *   <li>the loss stays finite and its mean over the last tenth of the steps is below {@code
   *       setup.lossRatio()} times its mean over the first tenth.
   * </ul>
   *
   * <p>Each step uses one sub-manager (closed after the update) and one gradient collector from
   * {@code Engine.getInstance().newGradientCollector()}. The loss is computed without Java numbers.
   * The update runs in Java on the gradients' values and writes the parameters back in place;
   * gradients are zeroed after each update because the PyTorch engine accumulates them.
   *
   * @param network the network to train; its parameters change
   * @param inputSize the number of input channels the network was built for
   * @param steps number of training steps (a few hundred catches the DJL scalar trap)
   * @param setup batch, sequence length, learning rate, seed and required loss ratio
   * @return the loss at every step
   * @throws AssertionError naming the parameter and step of the first non-finite gradient, or
   *     reporting the loss curve if it did not fall enough
   */
  public static List<Double> assertTrainsWithFiniteGradients(
      RecurrentNetwork network, int inputSize, int steps, TrainingSetup setup) {
    assertThat(steps).as("steps").isGreaterThanOrEqualTo(10);
    Map<String, NDArray> parameters = network.parameters();
    assertThat(parameters).as("parameters()").isNotEmpty();
    parameters.forEach(
        (name, p) -> assertThat(p.hasGradient()).as("parameter %s has a gradient", name).isTrue());

    int batch = setup.batchSize();
    int length = setup.sequenceLength();
    int encoded = network.initialConditionSize();
    SplittableRandom random = new SplittableRandom(setup.seed());
    List<Double> losses = new ArrayList<>();
    Set<String> moved = new LinkedHashSet<>();
    Map<String, double[][]> adam = new HashMap<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      int outputSize;
      try (NDManager probe = manager.newSubManager()) {
        Shape s = network.readout(network.initialState(1, probe)).getShape();
        outputSize = Math.toIntExact(s.get(s.dimension() - 1));
      }
      float[] teacher = gaussian(random, inputSize * outputSize, 1.0 / Math.sqrt(inputSize));
      for (int step = 1; step <= steps; step++) {
        try (NDManager sub = manager.newSubManager()) {
          float[] xs = gaussian(random, batch * length * inputSize, 1.0);
          float[] ys = teach(xs, teacher, batch, length, inputSize, outputSize);
          NDArray x = sub.create(xs, new Shape(batch, length, inputSize));
          NDArray y = sub.create(ys, new Shape(batch, length, outputSize));
          NDArray loss;
          NDArray conditions =
              encoded == 0
                  ? null
                  : sub.create(gaussian(random, batch * encoded, 1.0), new Shape(batch, encoded));
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray h0 =
                conditions == null
                    ? network.initialState(batch, sub)
                    : network.initialState(conditions, sub, Noise.NONE);
            SequenceOutput out = network.forward(x, h0, Noise.NONE);
            loss = out.outputs().sub(y).square().mean();
            collector.backward(loss);
          }
          double value = loss.getFloat();
          assertThat(Double.isFinite(value)).as("loss at step %d is finite", step).isTrue();
          losses.add(value);
          for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            update(e.getKey(), e.getValue(), step, setup.learningRate(), adam, moved);
          }
        }
      }
    }
    assertThat(moved)
        .as("parameters that received a non-zero gradient")
        .containsExactlyInAnyOrderElementsOf(parameters.keySet());
    int window = Math.max(1, steps / 10);
    double first = mean(losses.subList(0, window));
    double last = mean(losses.subList(steps - window, steps));
    if (!(last < setup.lossRatio() * first)) {
      fail(
          "loss did not fall: mean of the first %d steps %.5g, of the last %d steps %.5g (needed"
              + " below %.2f x first); losses every %d steps: %s",
          window, first, window, last, setup.lossRatio(), window, every(losses, window));
    }
    return losses;
  }

  /**
   * Checks a network's encoder of initial conditions on a batch of 4 seeded standard-normal
   * conditions: the states are {@code [4, hiddenSize()]} and finite; the same conditions give the
   * same states and different conditions different ones; without noise nothing is drawn from {@link
   * Noise#NONE}; inside a gradient collector at least one parameter gets a non-zero gradient (the
   * encoder is trained; gradients are zeroed afterwards); conditions one value too wide are
   * rejected with an {@link IllegalArgumentException}.
   *
   * @param network a network built for a task whose trials give initial conditions
   * @param seed seed of the conditions
   * @throws AssertionError naming the broken invariant
   */
  public static void assertEncodesInitialConditions(RecurrentNetwork network, long seed) {
    int size = network.initialConditionSize();
    assertThat(size).as("initialConditionSize() of a network with an encoder").isPositive();
    int hidden = network.hiddenSize();
    SplittableRandom random = new SplittableRandom(seed);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray c = manager.create(gaussian(random, 4 * size, 1.0), new Shape(4, size));
      NDArray other = manager.create(gaussian(random, 4 * size, 1.0), new Shape(4, size));
      NDArray h0 = network.initialState(c, manager, Noise.NONE);
      assertThat(h0.getShape()).as("encoded state shape").isEqualTo(new Shape(4, hidden));
      float[] values = h0.toFloatArray();
      assertFinite("encoded state", values);
      assertThat(network.initialState(c, manager, Noise.NONE).toFloatArray())
          .as("the same conditions encoded twice")
          .isEqualTo(values);
      assertThat(network.initialState(other, manager, Noise.NONE).toFloatArray())
          .as("other conditions give other states")
          .isNotEqualTo(values);

      Map<String, NDArray> parameters = network.parameters();
      try (NDManager sub = manager.newSubManager()) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          collector.backward(network.initialState(c, sub, Noise.NONE).square().sum());
        }
        boolean any = false;
        for (NDArray p : parameters.values()) {
          try (NDArray g = p.getGradient()) {
            any |= g.abs().sum().getFloat() > 0;
            g.subi(g);
          }
        }
        assertThat(any).as("some parameter gets a gradient through the encoder").isTrue();
      }
      NDArray wide = manager.zeros(new Shape(4, size + 1));
      try {
        network.initialState(wide, manager, Noise.NONE);
        fail("initial conditions of width %d were accepted; the encoder reads %d", size + 1, size);
      } catch (IllegalArgumentException expected) {
        // the contract: a wrong width is bad input
      }
    }
  }

  private static void assertFinite(String what, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        fail("%s holds %s at index %d", what, values[i], i);
      }
    }
  }

  private static void update(
      String name,
      NDArray parameter,
      int step,
      double learningRate,
      Map<String, double[][]> adam,
      Set<String> moved) {
    float[] grad;
    try (NDArray g = parameter.getGradient()) {
      grad = g.toFloatArray();
      g.subi(g); // the PyTorch engine accumulates gradients across collectors
    }
    for (int i = 0; i < grad.length; i++) {
      if (!Float.isFinite(grad[i])) {
        fail(
            "gradient of parameter '%s' is %s at element %d after step %d (of shape %s)",
            name, grad[i], i, step, parameter.getShape());
      }
      if (grad[i] != 0f) {
        moved.add(name);
      }
    }
    double[][] state = adam.computeIfAbsent(name, k -> new double[2][grad.length]);
    double beta1 = 0.9;
    double beta2 = 0.999;
    double rate = learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
    float[] values = parameter.toFloatArray();
    for (int i = 0; i < grad.length; i++) {
      state[0][i] = beta1 * state[0][i] + (1 - beta1) * grad[i];
      state[1][i] = beta2 * state[1][i] + (1 - beta2) * grad[i] * grad[i];
      values[i] -= (float) (rate * state[0][i] / (Math.sqrt(state[1][i]) + 1e-8));
    }
    parameter.set(values);
  }

  /** y_t = 0.8 y_{t-1} + 0.2 M x_t, per sequence, with y_{-1} = 0. */
  private static float[] teach(
      float[] xs, float[] teacher, int batch, int length, int inputSize, int outputSize) {
    float[] ys = new float[batch * length * outputSize];
    for (int b = 0; b < batch; b++) {
      double[] y = new double[outputSize];
      for (int t = 0; t < length; t++) {
        int xo = (b * length + t) * inputSize;
        int yo = (b * length + t) * outputSize;
        for (int o = 0; o < outputSize; o++) {
          double drive = 0;
          for (int i = 0; i < inputSize; i++) {
            drive += xs[xo + i] * teacher[i * outputSize + o];
          }
          y[o] = 0.8 * y[o] + 0.2 * drive;
          ys[yo + o] = (float) y[o];
        }
      }
    }
    return ys;
  }

  private static void assertSliceEquals(
      String what, float[] sequence, float[] stepValues, int t, int steps, int width) {
    int batch = stepValues.length / width;
    for (int b = 0; b < batch; b++) {
      for (int j = 0; j < width; j++) {
        float expected = sequence[(b * steps + t) * width + j];
        float actual = stepValues[b * width + j];
        double tolerance = ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(expected);
        if (!(Math.abs(expected - actual) <= tolerance)) {
          fail(
              "%s: forward gives %s but step gives %s at step %d, sequence %d, unit %d",
              what, expected, actual, t, b, j);
        }
      }
    }
  }

  private static float[] gaussian(SplittableRandom random, int n, double std) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (std * random.nextGaussian());
    }
    return out;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static List<String> every(List<Double> values, int stride) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i += stride) {
      out.add(String.format("%.4g", values.get(i)));
    }
    return out;
  }
}
