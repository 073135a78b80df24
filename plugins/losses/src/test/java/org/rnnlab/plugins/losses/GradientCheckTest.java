package org.rnnlab.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.GradientCheck;
import org.rnnlab.testkit.GradientCheck.LossSample;

/**
 * Every loss, with every option that changes what it computes, has the gradient that finite
 * differences of its value give ({@link GradientCheck#assertLossGradients}), with respect to the
 * outputs, the hidden states, a separate controlled variable and the parameters, on small random
 * results (batch 3, 6 steps, a mask of 0, 1 and 5) with three seeds each (seeds 4 to 20 passed as
 * well when this class was written).
 *
 * <p>Where a loss has a kink, the instance keeps away from it rather than the check's tolerance
 * being loosened: {@code l1-position}'s errors and {@code l1-weights}' parameters are at least 0.2
 * from 0, further than any step the check takes. {@code nbff} gets piecewise-constant 0/1 targets
 * with transitions, so its blinded steps really occur; {@code soft-cross-entropy} gets targets that
 * are distributions; the period-weighted losses get period labels (with steps in no period).
 */
class GradientCheckTest {

  private static final long[] SEEDS = {1, 2, 3};

  /** Periods of the labelled results; label −1 is a step in no period. */
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "decision");

  private static final Map<String, Object> PERIOD_WEIGHTS =
      Map.of("periodWeights", Map.of("decision", 5, "fixation", 0));

  /** A loss, its settings and the result it is checked on, built from a seed. */
  record Case(
      String name,
      Loss loss,
      Map<String, ?> settings,
      LongFunction<Function<NDManager, ForwardResult>> result) {
    @Override
    public String toString() {
      return name;
    }
  }

  // ---- results
  // -----------------------------------------------------------------------------------

  /** Parameters as a gated network names them, for the regularisers. */
  private static Map<String, Shape> modelParameters() {
    Map<String, Shape> p = new LinkedHashMap<>();
    p.put("input.weight", new Shape(3, 8));
    p.put("input.bias", new Shape(8));
    p.put("recurrent.weight", new Shape(4, 8));
    p.put("recurrent.bias", new Shape(8));
    p.put("output.weight", new Shape(4, 2));
    p.put("initial.state", new Shape(4));
    return p;
  }

  private static LongFunction<Function<NDManager, ForwardResult>> continuous() {
    return seed -> LossSample.continuous().withSeed(seed);
  }

  private static LongFunction<Function<NDManager, ForwardResult>> classes() {
    return seed -> LossSample.classes().withSeed(seed);
  }

  /**
   * The sample's result with period labels: each step gets −1 or one of {@link #PERIODS},
   * uniformly, and the names are listed in another order than the weights' map so that lookup is by
   * name.
   */
  private static LongFunction<Function<NDManager, ForwardResult>> withPeriods(
      LongFunction<Function<NDManager, ForwardResult>> base) {
    return seed ->
        manager -> {
          ForwardResult r = base.apply(seed).apply(manager);
          Shape steps = r.mask().getShape();
          SplittableRandom random = new SplittableRandom(seed + 100);
          int[] labels = new int[Math.toIntExact(steps.size())];
          for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(PERIODS.size() + 1) - 1;
          }
          return new ForwardResult(
              r.outputs(),
              r.hidden(),
              r.controlled(),
              r.targets(),
              r.classTargets(),
              r.mask(),
              r.parameters(),
              r.outputWeights(),
              manager.create(labels, steps),
              PERIODS);
        };
  }

  /** The sample's result with its targets replaced by a softmax of random logits at every step. */
  private static LongFunction<Function<NDManager, ForwardResult>> distributions(
      LongFunction<Function<NDManager, ForwardResult>> base) {
    return seed ->
        manager -> {
          ForwardResult r = base.apply(seed).apply(manager);
          Shape shape = r.outputs().getShape();
          int k = Math.toIntExact(shape.get(2));
          float[] p = new float[Math.toIntExact(shape.size())];
          SplittableRandom random = new SplittableRandom(seed + 200);
          for (int row = 0; row < p.length / k; row++) {
            double sum = 0;
            double[] e = new double[k];
            for (int j = 0; j < k; j++) {
              e[j] = Math.exp(1.5 * random.nextGaussian());
              sum += e[j];
            }
            for (int j = 0; j < k; j++) {
              p[row * k + j] = (float) (e[j] / sum);
            }
          }
          return replace(r, r.outputs(), r.controlled(), manager.create(p, shape), r.parameters());
        };
  }

  /**
   * The sample's result with the controlled variable moved to {@code targets ± (0.2 + |N(0,
   * 0.25)|)} per element, so no error is within 0.2 of the kink of |·|; a new leaf, or (if the
   * sample shares them) the outputs too.
   */
  private static LongFunction<Function<NDManager, ForwardResult>> awayFromTheKink(
      LongFunction<Function<NDManager, ForwardResult>> base) {
    return seed ->
        manager -> {
          ForwardResult r = base.apply(seed).apply(manager);
          float[] targets = r.targets().toFloatArray();
          float[] z = new float[targets.length];
          SplittableRandom random = new SplittableRandom(seed + 300);
          for (int i = 0; i < z.length; i++) {
            double offset = 0.2 + Math.abs(0.5 * random.nextGaussian());
            z[i] = (float) (targets[i] + (random.nextBoolean() ? offset : -offset));
          }
          NDArray controlled = manager.create(z, r.targets().getShape());
          boolean shared = r.controlled() == r.outputs();
          return replace(
              r, shared ? controlled : r.outputs(), controlled, r.targets(), r.parameters());
        };
  }

  /** The sample's result with every parameter at {@code ±(0.2 + |N(0, 0.25)|)}. */
  private static LongFunction<Function<NDManager, ForwardResult>> weightsAwayFromZero(
      LongFunction<Function<NDManager, ForwardResult>> base) {
    return seed ->
        manager -> {
          ForwardResult r = base.apply(seed).apply(manager);
          SplittableRandom random = new SplittableRandom(seed + 400);
          Map<String, NDArray> parameters = new LinkedHashMap<>();
          r.parameters()
              .forEach(
                  (name, p) -> {
                    float[] w = new float[Math.toIntExact(p.getShape().size())];
                    for (int i = 0; i < w.length; i++) {
                      double magnitude = 0.2 + Math.abs(0.5 * random.nextGaussian());
                      w[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
                    }
                    parameters.put(name, manager.create(w, p.getShape()));
                  });
          return replace(r, r.outputs(), r.controlled(), r.targets(), parameters);
        };
  }

  private static ForwardResult replace(
      ForwardResult r,
      NDArray outputs,
      NDArray controlled,
      NDArray targets,
      Map<String, NDArray> parameters) {
    return new ForwardResult(
        outputs,
        r.hidden(),
        controlled,
        targets,
        r.classTargets(),
        r.mask(),
        parameters,
        r.outputWeights(),
        r.periods(),
        r.periodNames());
  }

  /** Batch 2, 16 steps, 3 bits; {@link #flipFlopTargets} for the targets, mask 1 but one step. */
  private static LongFunction<Function<NDManager, ForwardResult>> flipFlop() {
    return seed ->
        manager -> {
          int batch = 2;
          int steps = 16;
          int bits = 3;
          SplittableRandom random = new SplittableRandom(seed + 500);
          Shape shape = new Shape(batch, steps, bits);
          float[] mask = new float[batch * steps];
          java.util.Arrays.fill(mask, 1f);
          mask[mask.length - 1] = 0f; // padding
          NDArray targets = manager.create(flipFlopTargets(random, batch, steps, bits), shape);
          NDArray outputs = manager.create(gaussian(random, batch * steps * bits), shape);
          return new ForwardResult(
              outputs,
              manager.create(gaussian(random, batch * steps * 4), new Shape(batch, steps, 4)),
              outputs,
              targets,
              null,
              manager.create(mask, new Shape(batch, steps)),
              Map.of(),
              null);
        };
  }

  /**
   * Piecewise-constant 0/1 targets: each bit starts at a random value and flips with probability
   * 0.2 at every step, and at step 8 in any case, so every sequence has transitions after the
   * initial blind steps.
   */
  static float[] flipFlopTargets(SplittableRandom random, int batch, int steps, int bits) {
    float[] y = new float[batch * steps * bits];
    for (int b = 0; b < batch; b++) {
      for (int d = 0; d < bits; d++) {
        float v = random.nextBoolean() ? 1f : 0f;
        for (int t = 0; t < steps; t++) {
          if (t > 0 && (t == 8 || random.nextDouble() < 0.2)) {
            v = 1f - v;
          }
          y[(b * steps + t) * bits + d] = v;
        }
      }
    }
    return y;
  }

  private static float[] gaussian(SplittableRandom random, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) random.nextGaussian();
    }
    return out;
  }

  // ---- the cases
  // ---------------------------------------------------------------------------------

  private static Case of(
      String name,
      Loss loss,
      Map<String, ?> settings,
      LongFunction<Function<NDManager, ForwardResult>> result) {
    return new Case(name, loss, settings, result);
  }

  static Stream<Case> objectives() {
    LongFunction<Function<NDManager, ForwardResult>> weighted =
        seed -> LossSample.continuous().withOutputWeights().withSeed(seed);
    LongFunction<Function<NDManager, ForwardResult>> separate =
        seed -> LossSample.continuous().withSeparateControlled().withSeed(seed);
    List<Case> all = new ArrayList<>();
    for (String weighting : List.of("squared-error", "error")) {
      Map<String, Object> w = Map.of("weighting", weighting);
      Map<String, Object> wp = new LinkedHashMap<>(w);
      wp.putAll(PERIOD_WEIGHTS);
      all.add(of("mse " + weighting, new MeanSquaredError(), w, continuous()));
      all.add(of("mse " + weighting + ", output weights", new MeanSquaredError(), w, weighted));
      all.add(
          of("mse " + weighting + ", separate controlled", new MeanSquaredError(), w, separate));
      all.add(
          of(
              "mse " + weighting + ", periodWeights and output weights",
              new MeanSquaredError(),
              wp,
              withPeriods(weighted)));
    }
    all.add(of("cross-entropy", new CrossEntropy(), Map.of(), classes()));
    all.add(
        of(
            "cross-entropy, periodWeights",
            new CrossEntropy(),
            PERIOD_WEIGHTS,
            withPeriods(classes())));
    all.add(
        of(
            "soft-cross-entropy",
            new SoftCrossEntropy(),
            Map.of(),
            distributions(seed -> LossSample.continuous().withSeed(seed))));
    all.add(
        of(
            "soft-cross-entropy, periodWeights, 4 classes",
            new SoftCrossEntropy(),
            PERIOD_WEIGHTS,
            withPeriods(
                distributions(
                    seed -> new LossSample(3, 6, 4, 4, false, false, Map.of(), false, seed)))));
    all.add(of("l1-position", new L1Position(), Map.of(), awayFromTheKink(continuous())));
    all.add(
        of(
            "l1-position, separate controlled, output weights, periodWeights",
            new L1Position(),
            PERIOD_WEIGHTS,
            withPeriods(
                awayFromTheKink(
                    seed ->
                        LossSample.continuous()
                            .withSeparateControlled()
                            .withOutputWeights()
                            .withSeed(seed)))));
    all.add(of("nbff defaults", new NbffLoss(), Map.of(), flipFlop()));
    all.add(
        of(
            "nbff transitionBlind 2, initialBlind 1",
            new NbffLoss(),
            Map.of("transitionBlind", 2, "initialBlind", 1),
            flipFlop()));
    return all.stream();
  }

  static Stream<Case> regularisers() {
    LongFunction<Function<NDManager, ForwardResult>> model =
        seed -> LossSample.continuous().withParameters(modelParameters()).withSeed(seed);
    List<Case> all = new ArrayList<>();
    for (String reduction : List.of("mean", "sum")) {
      all.add(
          of(
              "l1-weights all, " + reduction,
              new WeightL1(),
              Map.of("reduction", reduction),
              weightsAwayFromZero(model)));
      all.add(
          of(
              "l2-weights all, " + reduction,
              new WeightL2(),
              Map.of("reduction", reduction),
              model));
    }
    Map<String, Object> selection =
        Map.of("matrices", List.of("recurrent", "output.weight", "input.bias"));
    all.add(
        of("l1-weights by role and name", new WeightL1(), selection, weightsAwayFromZero(model)));
    all.add(of("l2-weights by role and name", new WeightL2(), selection, model));
    for (String transfer : List.of("none", "relu", "tanh")) {
      for (boolean masked : List.of(false, true)) {
        all.add(
            of(
                "l2-rate " + transfer + (masked ? ", masked" : ""),
                new RateL2(),
                Map.of("transfer", transfer, "masked", masked),
                continuous()));
      }
    }
    for (boolean masked : List.of(false, true)) {
      String suffix = masked ? ", masked" : "";
      Map<String, Object> m = Map.of("masked", masked);
      all.add(of("latent-l2" + suffix, new LatentL2(), m, continuous()));
      all.add(of("activity-derivative" + suffix, new ActivityDerivative(), m, continuous()));
    }
    return all.stream();
  }

  // ---- the checks
  // --------------------------------------------------------------------------------

  private static void check(Case c) {
    LossFunction loss = c.loss().create(ComponentContract.parameters(c.loss(), c.settings()));
    for (long seed : SEEDS) {
      GradientCheck.assertLossGradients(
          loss, c.result().apply(seed), GradientCheck.Settings.standard().withSeed(seed));
    }
  }

  @ParameterizedTest
  @MethodSource("objectives")
  void objectivesHaveTheGradientsOfTheirValues(Case c) {
    check(c);
  }

  @ParameterizedTest
  @MethodSource("regularisers")
  void regularisersHaveTheGradientsOfTheirValues(Case c) {
    check(c);
  }

  /** Every loss id of the plugin is among the cases above. */
  @Test
  void everyLossOfThePluginIsChecked() {
    List<String> checked =
        Stream.concat(objectives(), regularisers()).map(c -> c.loss().id()).distinct().toList();
    assertThat(checked)
        .containsExactlyInAnyOrder(
            MeanSquaredError.ID,
            CrossEntropy.ID,
            SoftCrossEntropy.ID,
            L1Position.ID,
            NbffLoss.ID,
            WeightL1.ID,
            WeightL2.ID,
            RateL2.ID,
            LatentL2.ID,
            ActivityDerivative.ID);
  }

  /** The flip-flop targets do blind steps after the initial ones, so nbff's blinding is checked. */
  @Test
  void theFlipFlopTargetsHaveTransitionsAfterTheInitialBlindSteps() {
    for (long seed : SEEDS) {
      float[] y = flipFlopTargets(new SplittableRandom(seed + 500), 2, 16, 3);
      float[] keep = NbffLoss.blindMask(y, 2, 16, 3, 4, 5);
      int blindAfterStart = 0;
      for (int b = 0; b < 2; b++) {
        for (int t = 5; t < 16; t++) {
          for (int d = 0; d < 3; d++) {
            blindAfterStart += keep[(b * 16 + t) * 3 + d] == 0f ? 1 : 0;
          }
        }
      }
      assertThat(blindAfterStart).as("seed %d", seed).isGreaterThan(0);
    }
  }
}
