package org.rnnlab.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.testkit.ComponentContract;

class LossesTest {

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  static Stream<Loss> losses() {
    return Stream.of(
        new CrossEntropy(),
        new MeanSquaredError(),
        new SoftCrossEntropy(),
        new L1Position(),
        new NbffLoss(),
        new WeightL1(),
        new WeightL2(),
        new RateL2(),
        new LatentL2(),
        new ActivityDerivative());
  }

  @ParameterizedTest
  @MethodSource("losses")
  void isWellDeclared(Loss loss) {
    ComponentContract.assertWellDeclared(loss);
  }

  private static LossFunction create(Loss loss) {
    return loss.create(ComponentContract.defaults(loss));
  }

  /** Logits for 1 trial × 3 steps × 3 classes. */
  private static final float[] LOGITS = {1f, 2f, 0.5f, -1f, 0f, 3f, 0.2f, 0.2f, 0.2f};

  private static final long[] CLASSES = {1, 0, 2};

  private ForwardResult classResult(float[] logits, long[] classes, float[] mask) {
    int steps = classes.length;
    NDArray outputs = manager.create(logits, new Shape(1, steps, logits.length / steps));
    return new ForwardResult(
        outputs,
        null,
        outputs,
        null,
        manager.create(classes, new Shape(1, steps)),
        manager.create(mask, new Shape(1, steps)),
        Map.of());
  }

  /** −log softmax(logits at step t)[class], in double precision. */
  private static double negLogLikelihood(float[] logits, int step, int classes, long target) {
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += Math.exp(logits[step * classes + c]);
    }
    return Math.log(sum) - logits[step * classes + (int) target];
  }

  @Test
  void crossEntropyIsTheMeanNegativeLogLikelihoodOfTheTargetClass() {
    float loss =
        create(new CrossEntropy())
            .compute(classResult(LOGITS, CLASSES, new float[] {1, 1, 1}))
            .getFloat();
    double expected =
        (negLogLikelihood(LOGITS, 0, 3, 1)
                + negLogLikelihood(LOGITS, 1, 3, 0)
                + negLogLikelihood(LOGITS, 2, 3, 2))
            / 3;
    assertThat((double) loss).isCloseTo(expected, within(1e-5));
  }

  @Test
  void crossEntropyIgnoresMaskedStepsAndWeighsTheOthers() {
    LossFunction ce = create(new CrossEntropy());
    float[] mask = {1, 0, 0.5f};
    float loss = ce.compute(classResult(LOGITS, CLASSES, mask)).getFloat();
    double expected =
        (negLogLikelihood(LOGITS, 0, 3, 1) + 0.5 * negLogLikelihood(LOGITS, 2, 3, 2)) / 1.5;
    assertThat((double) loss).isCloseTo(expected, within(1e-5));

    float[] changed = LOGITS.clone();
    changed[3] = 40f; // only the masked step changes, and its target too
    float again = ce.compute(classResult(changed, new long[] {1, 2, 2}, mask)).getFloat();
    assertThat(again).isEqualTo(loss);
  }

  @Test
  void crossEntropyOfAnAllZeroMaskIsZero() {
    float loss =
        create(new CrossEntropy()).compute(classResult(LOGITS, CLASSES, new float[3])).getFloat();
    assertThat(loss).isZero();
  }

  @Test
  void crossEntropyStaysFiniteForExtremeLogits() {
    float[] extreme = {1e4f, -1e4f, 0f, -1e4f, 1e4f, 0f, 0f, 0f, 1e4f};
    float loss =
        create(new CrossEntropy())
            .compute(classResult(extreme, new long[] {1, 0, 2}, new float[] {1, 1, 1}))
            .getFloat();
    assertThat(loss)
        .isFinite()
        .isCloseTo(4e4f / 3, within(1f)); // two steps wrong by 2e4, one right
  }

  @Test
  void crossEntropyGradientIsSoftmaxMinusOneHotOverTheMaskSum() {
    float[] mask = {1, 0, 1};
    ForwardResult result = classResult(LOGITS, CLASSES, mask);
    NDArray outputs = result.outputs();
    outputs.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(create(new CrossEntropy()).compute(result));
    }
    float[] grad = outputs.getGradient().toFloatArray();
    for (int t = 0; t < 3; t++) {
      double sum = 0;
      for (int c = 0; c < 3; c++) {
        sum += Math.exp(LOGITS[t * 3 + c]);
      }
      for (int c = 0; c < 3; c++) {
        double softmax = Math.exp(LOGITS[t * 3 + c]) / sum;
        double expected = mask[t] * (softmax - (c == CLASSES[t] ? 1 : 0)) / 2;
        assertThat((double) grad[t * 3 + c])
            .as("step %d class %d", t, c)
            .isCloseTo(expected, within(1e-6));
      }
    }
  }

  @Test
  void crossEntropyWithoutClassTargetsFailsClearly() {
    NDArray outputs = manager.zeros(new Shape(1, 2, 3));
    ForwardResult continuous =
        new ForwardResult(
            outputs, null, outputs, outputs, null, manager.ones(new Shape(1, 2)), Map.of());
    assertThatThrownBy(() -> create(new CrossEntropy()).compute(continuous))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("class targets")
        .hasMessageContaining("mse");
  }

  @Test
  void crossEntropyRejectsMismatchedShapes() {
    NDArray outputs = manager.zeros(new Shape(2, 4, 3));
    ForwardResult bad =
        new ForwardResult(
            outputs,
            null,
            outputs,
            null,
            manager.zeros(new Shape(2, 4), ai.djl.ndarray.types.DataType.INT64),
            manager.ones(new Shape(2, 5)),
            Map.of());
    assertThatThrownBy(() -> create(new CrossEntropy()).compute(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mask");
  }

  /** 2 trials × 2 steps × 2 dims. */
  private ForwardResult continuousResult(float[] controlled, float[] targets, float[] mask) {
    Shape shape = new Shape(2, 2, 2);
    NDArray z = manager.create(controlled, shape);
    return new ForwardResult(
        z,
        null,
        z,
        manager.create(targets, shape),
        null,
        manager.create(mask, new Shape(2, 2)),
        Map.of());
  }

  private static final float[] CONTROLLED = {0f, 1f, 2f, 3f, -1f, 0.5f, 4f, 4f};
  private static final float[] TARGETS = {0f, 0f, 1f, 1f, 1f, 1f, 4f, 3f};

  @Test
  void yangsWeightingMultipliesTheErrorByMaskAndOutputWeightsBeforeSquaring() {
    Shape shape = new Shape(2, 2, 2);
    NDArray z = manager.create(CONTROLLED, shape);
    float[] mask = {1f, 5f, 0f, 1f};
    float[] weights = {2f, 1f};
    ForwardResult r =
        new ForwardResult(
            z,
            null,
            z,
            manager.create(TARGETS, shape),
            null,
            manager.create(mask, new Shape(2, 2)),
            Map.of(),
            manager.create(weights));
    Loss mse = new MeanSquaredError();

    float loss =
        mse.create(ComponentContract.parameters(mse, Map.of("weighting", "error")))
            .compute(r)
            .getFloat();

    double expected = 0;
    for (int i = 0; i < CONTROLLED.length; i++) {
      double e = (CONTROLLED[i] - TARGETS[i]) * mask[i / 2] * weights[i % 2];
      expected += e * e;
    }
    assertThat(loss).isCloseTo((float) (expected / CONTROLLED.length), within(1e-5f));
  }

  @Test
  void outputWeightsMultiplyEachDimensionsSquaredError() {
    Shape shape = new Shape(2, 2, 2);
    NDArray z = manager.create(CONTROLLED, shape);
    float[] weights = {2f, 0f};
    ForwardResult r =
        new ForwardResult(
            z,
            null,
            z,
            manager.create(TARGETS, shape),
            null,
            manager.ones(new Shape(2, 2)),
            Map.of(),
            manager.create(weights));

    float loss = create(new MeanSquaredError()).compute(r).getFloat();

    double expected = 0;
    for (int i = 0; i < CONTROLLED.length; i += 2) {
      double e = CONTROLLED[i] - TARGETS[i];
      expected += 2 * e * e / 2;
    }
    assertThat(loss).isCloseTo((float) (expected / 4), within(1e-5f));
  }

  @Test
  void mseAveragesSquaredErrorsOverMaskedStepsAndDimensions() {
    float loss =
        create(new MeanSquaredError())
            .compute(continuousResult(CONTROLLED, TARGETS, new float[] {1, 1, 1, 1}))
            .getFloat();
    // squared errors: (0,1), (1,4), (4,0.25), (0,1): sum 11.25 over 8 values
    assertThat((double) loss).isCloseTo(11.25 / 8, within(1e-6));
  }

  @Test
  void mseIgnoresMaskedSteps() {
    LossFunction mse = create(new MeanSquaredError());
    float[] mask = {0, 1, 1, 0};
    float loss = mse.compute(continuousResult(CONTROLLED, TARGETS, mask)).getFloat();
    // steps kept: (1,4) and (4,0.25): sum 9.25 over 2 steps × 2 dims
    assertThat((double) loss).isCloseTo(9.25 / 4, within(1e-6));
    float[] changed = CONTROLLED.clone();
    changed[0] = 100f;
    changed[7] = -100f;
    assertThat(mse.compute(continuousResult(changed, TARGETS, mask)).getFloat()).isEqualTo(loss);
  }

  @Test
  void mseWithoutContinuousTargetsFailsClearly() {
    ForwardResult classes = classResult(LOGITS, CLASSES, new float[] {1, 1, 1});
    assertThatThrownBy(() -> create(new MeanSquaredError()).compute(classes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("continuous targets")
        .hasMessageContaining("cross-entropy");
  }

  @Test
  void lossesKeepFiniteGradientsOverManyCollectors() {
    NDArray logits = manager.randomNormal(new Shape(8, 20, 3));
    logits.setRequiresGradient(true);
    NDArray classes =
        manager.randomInteger(0, 3, new Shape(8, 20), ai.djl.ndarray.types.DataType.INT64);
    NDArray targets = manager.randomNormal(new Shape(8, 20, 3));
    NDArray mask = manager.ones(new Shape(8, 20));
    LossFunction ce = create(new CrossEntropy());
    LossFunction mse = create(new MeanSquaredError());
    for (int i = 0; i < 50; i++) {
      try (NDManager step = manager.newSubManager();
          GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray z = logits.mul(step.create(1f));
        NDArray loss =
            ce.compute(new ForwardResult(z, null, z, null, classes, mask, Map.of()))
                .add(mse.compute(new ForwardResult(z, null, z, targets, null, mask, Map.of())));
        collector.backward(loss);
      }
      try (NDArray g = logits.getGradient()) {
        for (float v : g.toFloatArray()) {
          assertThat(v).isFinite();
        }
        g.subi(g);
      }
    }
  }
}
