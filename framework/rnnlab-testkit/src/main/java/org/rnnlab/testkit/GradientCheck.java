package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.fail;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;

/**
 * Finite-difference gradient checks: the gradient that DJL's autograd computes for a network or a
 * loss must agree with central differences of the same function, evaluated in float32 without a
 * gradient collector.
 *
 * <p>Plugin authors call these from their tests on a small instance of each component:
 *
 * <pre>{@code
 * @Test
 * void gradientsAreCorrect() {
 *   RecurrentNetwork net = new MyModel().create(params, new NetworkShape(3, 2, 10), random, manager);
 *   GradientCheck.assertNetworkGradients(net, 3);
 *   GradientCheck.assertLossGradients(new MyLoss().create(lossParams), LossSample.continuous());
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #assertNetworkGradients}: the scalar {@code Σ W∘y + Σ V∘h} (fixed random weights
 *       {@code W, V} on the outputs {@code y} and hidden states {@code h} of a short random
 *       sequence), once through {@code forward} and once through repeated {@code step} + {@code
 *       readout}, each without noise and with a {@link SeededNoise} that gives the same draws on
 *       every evaluation. Variables: every parameter, the inputs and the initial state.
 *   <li>{@link #assertLossGradients}: the loss value on a small {@link ForwardResult}. Variables:
 *       outputs, hidden states, the controlled variable (where it is a separate array) and every
 *       parameter in the result (for regularisers).
 *   <li>{@link #assertGradients}: the primitive both use, for any scalar built from named arrays.
 * </ul>
 *
 * <h2>How values are compared</h2>
 *
 * <p>For every variable {@code θ} the check takes several unit-norm directions {@code d}: the
 * normalised autograd gradient itself (which catches a wrong scale) and {@link
 * Settings#randomDirections()} seeded Gaussian ones (which catch components the gradient misses,
 * such as a detached path). The autograd directional derivative {@code g·d} is compared with
 * finite-difference estimates at steps {@code s = h, h/2, h/4, …} ({@code h =} {@link
 * Settings#stepSize()}, at most 5 sizes): the central difference {@code D(s) = (f(θ + sd) − f(θ −
 * sd)) / 2s}, its Richardson extrapolation {@code R(s) = (4 D(s) − D(2s)) / 3}, and the
 * extrapolated one-sided differences {@code 2 F(s) − F(2s)} forward and backward ({@code F(s) =
 * ±(f(θ ± sd) − f(θ)) / s}). A direction passes as soon as one estimate lies within {@code
 * rtol·max(|estimate|, |g·d|) + floor} of {@code g·d}. Smaller steps are tried only while the
 * estimates of a step size disagree with each other or with {@code D(2s)}: where they agree the
 * function is smooth on that scale and the verdict is final. A failure names the function ({@code
 * network forward without noise}, {@code network step with noise}, {@code loss}), the variable, the
 * direction, the autograd value, the closest estimate and every estimate.
 *
 * <h2>Why these tolerances hold in float32</h2>
 *
 * <ul>
 *   <li><b>Truncation.</b> For a smooth function {@code D(s)} errs by {@code s²/6·f'''}, {@code
 *       R(s)} by {@code O(s⁴)} and the one-sided extrapolations by {@code O(s²)}; with {@code h =
 *       0.01} along a unit-norm direction that is far below {@code rtol = 1e-2}. Piecewise-linear
 *       activations (ReLU) have kinks: a step that crosses one spoils the estimates of that size,
 *       which then disagree (forward and backward most of all) and lead to smaller steps, which
 *       cross fewer kinks; a kink on one side only leaves the one-sided estimate on the other side
 *       intact.
 *   <li><b>Rounding.</b> {@code f} is the sum, taken in double precision in Java, of float32 terms,
 *       each accurate to about {@code K·ε·|term|} with {@code ε = 2⁻²³} and {@code K = 8}; the
 *       worst measured on small tanh and ReLU networks (5–20 steps) was {@code K ≈ 1}. So {@code |f
 *       − f_exact| ≤ δ = K·ε·Σ|terms|}, and the floors are the worst cases of each estimate: {@code
 *       δ/s} for {@code D(s)}, {@code 1.5δ/s} for {@code R(s)}, {@code 5δ/s} for the one-sided
 *       ones. Rounding the perturbed values {@code θ + sd} to float32 changes the step by {@code
 *       ε|θ|} per element, a relative error below {@code 1e-5} at these steps.
 *   <li><b>Measured.</b> Over 10 seeds each of tanh and leaky-ReLU networks with 4, 8 and 16 units
 *       over 5, 10 and 20 steps the defaults gave no false failure. With the readout's gradient
 *       scaled by 1.02 (a 2 % error) 19 of 20 networks of 4 units failed, with 1.05 all of them;
 *       stop-gradients, truncated back-propagation through time and a detached noise amplitude fail
 *       by far.
 * </ul>
 *
 * <p><b>Keep it small.</b> The numbers above hold up to 16 units over 20 steps; the defaults (batch
 * 2, 5 steps) with a handful of units are the cheapest. A ReLU network with many pre-activations
 * (batch × steps × units in the thousands) has kinks closer together than any float32-safe step,
 * and a chaotic network over many steps has derivatives that change faster than {@code h}: both can
 * fail although their gradients are right. Everything random is seeded, so a verdict reproduces.
 *
 * <p>Not thread-safe (the gradient collector is engine-global); do not call it while another
 * collector is open. The variables' gradients are zeroed before and after, because the PyTorch
 * engine accumulates them, and their values are restored exactly after every perturbation.
 */
public final class GradientCheck {

  /** float32 machine epsilon, 2⁻²³. */
  static final double FLOAT_EPSILON = Math.ulp(1f);

  /** Rounding-error allowance {@code K} per term, in units of {@code ε·|term|}. */
  static final double ROUNDING_FACTOR = 8;

  /** Step sizes tried per direction: h, h/2, …, h/2^(LEVELS−1). */
  static final int LEVELS = 5;

  private GradientCheck() {}

  /**
   * Step size, tolerance, directions and seed of a check.
   *
   * @param stepSize {@code h}, the largest step along a unit-norm direction of each variable
   * @param relativeTolerance {@code rtol}, the relative part of the tolerance
   * @param randomDirections seeded Gaussian directions per variable, besides the gradient's own
   * @param seed seed of the directions and of the random data the checks build
   */
  public record Settings(
      double stepSize, double relativeTolerance, int randomDirections, long seed) {

    /**
     * @throws IllegalArgumentException if the step size is not in (0, 1], the tolerance not in (0,
     *     1) or there are no random directions
     */
    public Settings {
      if (!(stepSize > 0 && stepSize <= 1)) {
        throw new IllegalArgumentException("stepSize must lie in (0, 1], got " + stepSize);
      }
      if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
        throw new IllegalArgumentException(
            "relativeTolerance must lie in (0, 1), got " + relativeTolerance);
      }
      if (randomDirections < 1) {
        throw new IllegalArgumentException(
            "randomDirections must be at least 1, got " + randomDirections);
      }
    }

    /** Step 0.01, relative tolerance 1e-2, 3 random directions, seed 11. */
    public static Settings standard() {
      return new Settings(0.01, 1e-2, 3, 11L);
    }

    /** The same settings with another seed. */
    public Settings withSeed(long newSeed) {
      return new Settings(stepSize, relativeTolerance, randomDirections, newSeed);
    }
  }

  // ------------------------------------------------------------------ networks

  /**
   * Checks a network's gradients on a batch of 2 sequences of 5 steps with {@link
   * Settings#standard()}.
   *
   * @see #assertNetworkGradients(RecurrentNetwork, int, int, int, Settings)
   */
  public static void assertNetworkGradients(RecurrentNetwork network, int inputSize) {
    assertNetworkGradients(network, inputSize, 2, 5, Settings.standard());
  }

  /**
   * Checks the gradients of {@code f = Σ W∘y + Σ V∘h} with respect to every parameter, the inputs
   * and the initial state, where {@code y} and {@code h} are the outputs and hidden states of the
   * network on random N(0, 1) inputs from a random N(0, 0.25) initial state, and {@code W}, {@code
   * V} are fixed N(0, 1) weights. Four functions are checked: through {@code forward} and through
   * repeated {@code step} followed by {@code readout}, each without noise and with a {@link
   * SeededNoise} re-created for every evaluation (so the noise is the same in all of them).
   *
   * <p>Keep the network small (a handful of units): every direction costs two to ten evaluations of
   * the sequence, and the tolerances in the class documentation are stated for small sizes.
   *
   * @param network the network under test; its parameters are restored exactly and left with zero
   *     gradients
   * @param inputSize the number of input channels the network was built for
   * @param batchSize sequences in the batch
   * @param steps steps per sequence
   * @param settings step size, tolerance, directions and seed
   * @throws AssertionError naming the path ({@code forward} or {@code step}), the noise, the
   *     variable (for example {@code parameter 'recurrent.weight'}) and the values that disagree
   */
  public static void assertNetworkGradients(
      RecurrentNetwork network, int inputSize, int batchSize, int steps, Settings settings) {
    if (inputSize < 1 || batchSize < 1 || steps < 1) {
      throw new IllegalArgumentException(
          "inputSize, batchSize and steps must be at least 1, got "
              + inputSize
              + ", "
              + batchSize
              + ", "
              + steps);
    }
    int hidden = network.hiddenSize();
    try (NDManager manager = NDManager.newBaseManager()) {
      SplittableRandom random = new SplittableRandom(settings.seed());
      int outputSize;
      try (NDManager probe = manager.newSubManager()) {
        Shape s = network.readout(network.initialState(1, probe)).getShape();
        outputSize = Math.toIntExact(s.get(s.dimension() - 1));
      }
      NDArray inputs =
          manager.create(
              gaussian(random, batchSize * steps * inputSize, 1.0),
              new Shape(batchSize, steps, inputSize));
      NDArray h0 =
          manager.create(gaussian(random, batchSize * hidden, 0.5), new Shape(batchSize, hidden));
      NDArray outputWeights =
          manager.create(
              gaussian(random, batchSize * steps * outputSize, 1.0),
              new Shape(batchSize, steps, outputSize));
      NDArray hiddenWeights =
          manager.create(
              gaussian(random, batchSize * steps * hidden, 1.0),
              new Shape(batchSize, steps, hidden));
      List<NDArray> outputWeightAt = new ArrayList<>();
      List<NDArray> hiddenWeightAt = new ArrayList<>();
      for (int t = 0; t < steps; t++) {
        String slice = ":, " + t + ", :";
        outputWeightAt.add(outputWeights.get(slice));
        hiddenWeightAt.add(hiddenWeights.get(slice));
      }

      Map<String, NDArray> variables = new LinkedHashMap<>();
      network.parameters().forEach((name, p) -> variables.put("parameter '" + name + "'", p));
      variables.put("inputs", inputs);
      variables.put("initial state", h0);
      long noiseSeed = settings.seed() + 1;
      List<Supplier<Noise>> noises = List.of(() -> Noise.NONE, () -> new SeededNoise(noiseSeed));
      for (Supplier<Noise> noise : noises) {
        String mode = noise.get().enabled() ? "with noise" : "without noise";
        assertGradients(
            "network forward " + mode,
            variables,
            m -> {
              SequenceOutput out = network.forward(inputs, h0, noise.get());
              return NDArrays.concat(
                  new NDList(
                      out.outputs().mul(outputWeights).flatten(),
                      out.hidden().mul(hiddenWeights).flatten()));
            },
            settings);
        assertGradients(
            "network step " + mode,
            variables,
            m -> {
              Noise n = noise.get();
              NDList terms = new NDList();
              NDArray h = h0;
              for (int t = 0; t < steps; t++) {
                // sliced here, under the collector, so that the slice carries the gradient
                h = network.step(h, inputs.get(":, " + t + ", :"), n);
                terms.add(network.readout(h).mul(outputWeightAt.get(t)).flatten());
                terms.add(h.mul(hiddenWeightAt.get(t)).flatten());
              }
              return NDArrays.concat(terms);
            },
            settings);
      }
    }
  }

  // ------------------------------------------------------------------ losses

  /**
   * Checks a loss on a random result with {@link Settings#standard()}.
   *
   * @see #assertLossGradients(LossFunction, Function, Settings)
   */
  public static void assertLossGradients(LossFunction loss, LossSample sample) {
    assertLossGradients(loss, sample, Settings.standard());
  }

  /**
   * Checks a loss's gradient with respect to the outputs, the hidden states, the controlled
   * variable (when it is a separate array) and every parameter of the result (regularisers).
   *
   * <p>{@code result} builds the forward result once, with arrays owned by the manager it is given;
   * the check attaches gradients to those arrays, so they must be leaves (made with {@code create},
   * {@code randomNormal}, …, not computed from other arrays), float32, and {@code controlled}
   * either a separate leaf or the very same array as {@code outputs}. Targets, class targets, mask
   * and output weights are constants. {@link LossSample} builds such results; write your own where
   * a loss needs particular targets (for example piecewise-constant ones).
   *
   * @param loss the configured loss under test
   * @param result builds the forward result the loss is evaluated on
   * @param settings step size, tolerance, directions and seed
   * @throws AssertionError naming the variable (for example {@code hidden} or {@code parameter
   *     'w'}) and the values that disagree, or if the loss is not a finite scalar
   */
  public static void assertLossGradients(
      LossFunction loss, Function<NDManager, ForwardResult> result, Settings settings) {
    try (NDManager manager = NDManager.newBaseManager()) {
      ForwardResult r = result.apply(manager);
      Map<NDArray, String> seen = new IdentityHashMap<>();
      Map<String, NDArray> variables = new LinkedHashMap<>();
      boolean shared = r.controlled() == r.outputs();
      addVariable(variables, seen, shared ? "outputs (also controlled)" : "outputs", r.outputs());
      addVariable(variables, seen, "hidden", r.hidden());
      addVariable(variables, seen, "controlled", r.controlled());
      if (r.parameters() != null) {
        r.parameters().forEach((n, p) -> addVariable(variables, seen, "parameter '" + n + "'", p));
      }
      assertGradients(
          "loss",
          variables,
          m -> {
            NDArray value = loss.compute(r);
            if (value.getShape().dimension() != 0) {
              fail("loss: compute must return a scalar (shape []), got shape %s", value.getShape());
            }
            return value.reshape(new Shape(1));
          },
          settings);
    }
  }

  private static void addVariable(
      Map<String, NDArray> variables, Map<NDArray, String> seen, String name, NDArray array) {
    if (array == null || seen.containsKey(array)) {
      return;
    }
    seen.put(array, name);
    variables.put(name, array);
  }

  /**
   * A small random {@link ForwardResult} for {@link #assertLossGradients(LossFunction,
   * LossSample)}: outputs, hidden states and (if separate) the controlled variable N(0, 1); targets
   * N(0, 0.25) or class indices uniform over the outputs; a mask of 0, 1 and 5 (one step in four
   * each at 0 and 5, never all zero); parameters N(0, 0.25) of the given shapes; output weights
   * uniform in [0.5, 2] when asked for.
   *
   * @param batchSize sequences
   * @param steps steps per sequence
   * @param outputSize output channels (classes for class targets)
   * @param hiddenSize hidden units
   * @param classTargets class indices instead of continuous targets
   * @param separateControlled a controlled variable distinct from the outputs (a closed-loop task);
   *     otherwise {@code controlled} is the outputs array itself, as for open-loop tasks
   * @param parameterShapes parameters by name and shape, as a network would hand them to
   *     regularisers
   * @param outputWeights whether to set per-output weights
   * @param seed seed of every value
   */
  public record LossSample(
      int batchSize,
      int steps,
      int outputSize,
      int hiddenSize,
      boolean classTargets,
      boolean separateControlled,
      Map<String, Shape> parameterShapes,
      boolean outputWeights,
      long seed)
      implements Function<NDManager, ForwardResult> {

    /**
     * @throws IllegalArgumentException if a size is below 1 (below 2 outputs for class targets)
     */
    public LossSample {
      if (batchSize < 1 || steps < 1 || outputSize < 1 || hiddenSize < 1) {
        throw new IllegalArgumentException(
            "loss sample sizes must be at least 1, got batch "
                + batchSize
                + ", steps "
                + steps
                + ", outputs "
                + outputSize
                + ", hidden "
                + hiddenSize);
      }
      if (classTargets && outputSize < 2) {
        throw new IllegalArgumentException(
            "class targets need at least 2 outputs, got " + outputSize);
      }
      parameterShapes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameterShapes));
    }

    /**
     * Continuous targets: batch 3, 6 steps, 2 outputs, 4 hidden units, controlled = outputs,
     * parameters {@code weight [4, 4]} and {@code bias [4]}, no output weights, seed 5.
     */
    public static LossSample continuous() {
      Map<String, Shape> p = new LinkedHashMap<>();
      p.put("weight", new Shape(4, 4));
      p.put("bias", new Shape(4));
      return new LossSample(3, 6, 2, 4, false, false, p, false, 5L);
    }

    /** As {@link #continuous()} with class targets over 3 classes. */
    public static LossSample classes() {
      LossSample c = continuous();
      return new LossSample(3, 6, 3, 4, true, false, c.parameterShapes, false, 5L);
    }

    /** The same sample with a controlled variable distinct from the outputs. */
    public LossSample withSeparateControlled() {
      return new LossSample(
          batchSize,
          steps,
          outputSize,
          hiddenSize,
          classTargets,
          true,
          parameterShapes,
          outputWeights,
          seed);
    }

    /** The same sample with per-output weights. */
    public LossSample withOutputWeights() {
      return new LossSample(
          batchSize,
          steps,
          outputSize,
          hiddenSize,
          classTargets,
          separateControlled,
          parameterShapes,
          true,
          seed);
    }

    /** The same sample with other parameters. */
    public LossSample withParameters(Map<String, Shape> shapes) {
      return new LossSample(
          batchSize,
          steps,
          outputSize,
          hiddenSize,
          classTargets,
          separateControlled,
          shapes,
          outputWeights,
          seed);
    }

    /** The same sample with another seed. */
    public LossSample withSeed(long newSeed) {
      return new LossSample(
          batchSize,
          steps,
          outputSize,
          hiddenSize,
          classTargets,
          separateControlled,
          parameterShapes,
          outputWeights,
          newSeed);
    }

    /** Builds the result; every array is a leaf owned by {@code manager}. */
    @Override
    public ForwardResult apply(NDManager manager) {
      SplittableRandom random = new SplittableRandom(seed);
      Shape out = new Shape(batchSize, steps, outputSize);
      NDArray outputs = manager.create(gaussian(random, (int) out.size(), 1.0), out);
      Shape hid = new Shape(batchSize, steps, hiddenSize);
      NDArray hidden = manager.create(gaussian(random, (int) hid.size(), 1.0), hid);
      NDArray controlled =
          separateControlled
              ? manager.create(gaussian(random, (int) out.size(), 1.0), out)
              : outputs;
      NDArray targets = null;
      NDArray classes = null;
      if (classTargets) {
        long[] c = new long[batchSize * steps];
        for (int i = 0; i < c.length; i++) {
          c[i] = random.nextInt(outputSize);
        }
        classes = manager.create(c, new Shape(batchSize, steps));
      } else {
        targets = manager.create(gaussian(random, (int) out.size(), 0.5), out);
      }
      float[] m = new float[batchSize * steps];
      for (int i = 0; i < m.length; i++) {
        int k = random.nextInt(4);
        m[i] = k == 0 ? 0f : k == 3 ? 5f : 1f;
      }
      m[0] = 1f; // never all zero
      NDArray mask = manager.create(m, new Shape(batchSize, steps));
      Map<String, NDArray> parameters = new LinkedHashMap<>();
      parameterShapes.forEach(
          (name, shape) ->
              parameters.put(
                  name, manager.create(gaussian(random, (int) shape.size(), 0.5), shape)));
      NDArray weights = null;
      if (outputWeights) {
        float[] w = new float[outputSize];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) (0.5 + 1.5 * random.nextDouble());
        }
        weights = manager.create(w, new Shape(outputSize));
      }
      return new ForwardResult(
          outputs, hidden, controlled, targets, classes, mask, parameters, weights);
    }
  }

  // ------------------------------------------------------------------ the primitive

  /**
   * Checks autograd against central differences for the scalar {@code f = Σ terms}, where {@code
   * terms} is the array {@code terms.apply(manager)} returns (any shape; return a one-element array
   * for a scalar). See the class documentation for directions, estimates and tolerances.
   *
   * <p>{@code terms} is called once inside a gradient collector (its sum is back-propagated) and
   * six times per direction outside one; it must read the variables' current values each time, draw
   * any randomness afresh from the same seed, and may allocate its intermediate arrays in the
   * sub-manager it is given (closed after each call). Like any code that runs under a gradient
   * collector it must not pass Java numbers to array operations.
   *
   * @param what names the function in failure messages
   * @param variables float32 arrays to differentiate with respect to, by name; gradients are
   *     attached to those that have none (they must then be leaves)
   * @param terms computes the terms of {@code f} from the variables
   * @param settings step size, tolerance, directions and seed
   * @throws AssertionError naming {@code what}, the variable and the disagreeing values, or if a
   *     value or a gradient is not finite
   */
  public static void assertGradients(
      String what,
      Map<String, NDArray> variables,
      Function<NDManager, NDArray> terms,
      Settings settings) {
    for (Map.Entry<String, NDArray> e : variables.entrySet()) {
      NDArray v = e.getValue();
      if (v.getDataType() != DataType.FLOAT32) {
        fail("%s: %s is %s; the gradient check needs float32", what, e.getKey(), v.getDataType());
      }
      if (!v.hasGradient()) {
        v.setRequiresGradient(true);
      }
    }
    Map<String, double[]> gradients = autograd(what, variables, terms);
    double[] centre = evaluate(what, terms);
    SplittableRandom random = new SplittableRandom(settings.seed());
    try (NDManager manager = NDManager.newBaseManager()) {
      for (Map.Entry<String, NDArray> e : variables.entrySet()) {
        String name = e.getKey();
        NDArray v = e.getValue();
        float[] original = v.toFloatArray();
        double[] g = gradients.get(name);
        List<double[]> directions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double gNorm = norm(g);
        if (gNorm > 0) {
          directions.add(scale(g, 1 / gNorm));
          labels.add("the autograd gradient's direction");
        }
        for (int k = 0; k < settings.randomDirections(); k++) {
          double[] d = new double[g.length];
          for (int i = 0; i < d.length; i++) {
            d[i] = random.nextGaussian();
          }
          directions.add(scale(d, 1 / norm(d)));
          labels.add("random direction " + (k + 1));
        }
        try {
          for (int k = 0; k < directions.size(); k++) {
            compare(
                what,
                name,
                labels.get(k),
                v,
                original,
                g,
                directions.get(k),
                centre,
                terms,
                settings);
          }
        } finally {
          v.set(original);
        }
      }
    }
  }

  private static Map<String, double[]> autograd(
      String what, Map<String, NDArray> variables, Function<NDManager, NDArray> terms) {
    variables.values().forEach(GradientCheck::zeroGradient);
    Map<String, double[]> gradients = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray t = terms.apply(manager);
        collector.backward(t.sum());
      }
      for (Map.Entry<String, NDArray> e : variables.entrySet()) {
        float[] g;
        try (NDArray grad = e.getValue().getGradient()) {
          g = grad.toFloatArray();
          grad.subi(grad); // the PyTorch engine accumulates gradients across collectors
        }
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
          if (!Float.isFinite(g[i])) {
            fail(
                "%s: autograd gives a non-finite gradient %s for %s at element %d",
                what, g[i], e.getKey(), i);
          }
          out[i] = g[i];
        }
        gradients.put(e.getKey(), out);
      }
    }
    return gradients;
  }

  private static void zeroGradient(NDArray v) {
    try (NDArray grad = v.getGradient()) {
      grad.subi(grad);
    }
  }

  /** Compares one directional derivative; see the class documentation. */
  private static void compare(
      String what,
      String name,
      String label,
      NDArray v,
      float[] original,
      double[] g,
      double[] d,
      double[] centre,
      Function<NDManager, NDArray> terms,
      Settings settings) {
    double autograd = dot(g, d);
    List<String> names = new ArrayList<>();
    List<Double> estimates = new ArrayList<>();
    List<Double> floors = new ArrayList<>();
    double magnitude = centre[1];
    double previousCentral = Double.NaN;
    double previousForward = Double.NaN;
    double previousBackward = Double.NaN;
    double best = Double.POSITIVE_INFINITY;
    int bestIndex = -1;
    for (int level = 0; level < LEVELS; level++) {
      double step = settings.stepSize() / (1 << level);
      double[] plus = evaluate(what, v, original, d, step, terms);
      double[] minus = evaluate(what, v, original, d, -step, terms);
      magnitude = Math.max(magnitude, Math.max(plus[1], minus[1]));
      double delta = ROUNDING_FACTOR * FLOAT_EPSILON * magnitude;
      double central = (plus[0] - minus[0]) / (2 * step);
      double forward = (plus[0] - centre[0]) / step;
      double backward = (centre[0] - minus[0]) / step;
      int first = estimates.size();
      String at = String.format("%.3g", step);
      names.add("D(" + at + ")");
      estimates.add(central);
      floors.add(delta / step);
      if (level > 0) {
        names.add("R(" + at + ")");
        estimates.add((4 * central - previousCentral) / 3);
        floors.add(1.5 * delta / step);
        names.add("forward R(" + at + ")");
        estimates.add(2 * forward - previousForward);
        floors.add(5 * delta / step);
        names.add("backward R(" + at + ")");
        estimates.add(2 * backward - previousBackward);
        floors.add(5 * delta / step);
      }
      for (int k = first; k < estimates.size(); k++) {
        double e = estimates.get(k);
        double tolerance =
            settings.relativeTolerance() * Math.max(Math.abs(e), Math.abs(autograd))
                + floors.get(k);
        double ratio = Math.abs(e - autograd) / tolerance;
        if (ratio <= 1) {
          return;
        }
        if (ratio < best) {
          best = ratio;
          bestIndex = k;
        }
      }
      if (level > 0) {
        // Estimates that agree with each other (and with the central difference of the step
        // before) mean the function is smooth on this scale: they are as good as they get, and
        // smaller steps would only add rounding error and chances for a wrong gradient to slip
        // through. A kink shows up as forward and backward estimates that disagree.
        double low = previousCentral;
        double high = previousCentral;
        double largest = Math.abs(previousCentral);
        for (int k = first; k < estimates.size(); k++) {
          low = Math.min(low, estimates.get(k));
          high = Math.max(high, estimates.get(k));
          largest = Math.max(largest, Math.abs(estimates.get(k)));
        }
        if (high - low <= settings.relativeTolerance() * largest + 10 * delta / step) {
          break;
        }
      }
      previousCentral = central;
      previousForward = forward;
      previousBackward = backward;
    }
    StringBuilder all = new StringBuilder();
    for (int k = 0; k < estimates.size(); k++) {
      all.append(k == 0 ? "" : ", ")
          .append(names.get(k))
          .append(String.format(" = %.6g", estimates.get(k)));
    }
    double closest = estimates.get(bestIndex);
    fail(
        "%s: gradient of %s along %s: autograd gives %.6g but central differences give %.6g"
            + " (%s; |difference| %.3g is %.3g times its tolerance); all estimates: %s",
        what,
        name,
        label,
        autograd,
        closest,
        names.get(bestIndex),
        Math.abs(closest - autograd),
        best,
        all);
  }

  /** {@code {f, Σ|terms|}} at {@code original + step·d}, in double. */
  private static double[] evaluate(
      String what,
      NDArray v,
      float[] original,
      double[] d,
      double step,
      Function<NDManager, NDArray> terms) {
    float[] moved = new float[original.length];
    for (int i = 0; i < moved.length; i++) {
      moved[i] = (float) (original[i] + step * d[i]);
    }
    v.set(moved);
    return evaluate(what + " after a step of " + step, terms);
  }

  /** {@code {f, Σ|terms|}} at the variables' current values, in double. */
  private static double[] evaluate(String what, Function<NDManager, NDArray> terms) {
    float[] values;
    try (NDManager sub = NDManager.newBaseManager()) {
      values = terms.apply(sub).toFloatArray();
    }
    double sum = 0;
    double magnitude = 0;
    for (float x : values) {
      if (!Float.isFinite(x)) {
        fail("%s: the function is not finite (%s)", what, x);
      }
      sum += x;
      magnitude += Math.abs(x);
    }
    return new double[] {sum, magnitude};
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double[] scale(double[] a, double factor) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] * factor;
    }
    return out;
  }

  private static float[] gaussian(SplittableRandom random, int n, double std) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (std * random.nextGaussian());
    }
    return out;
  }
}
