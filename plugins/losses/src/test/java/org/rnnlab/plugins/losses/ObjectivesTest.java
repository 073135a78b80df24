package org.rnnlab.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.testkit.ComponentContract;

/** soft-cross-entropy, l1-position and nbff against hand-computed values. */
class ObjectivesTest {

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private static LossFunction create(Loss loss) {
    return loss.create(ComponentContract.defaults(loss));
  }

  private static LossFunction create(Loss loss, Map<String, ?> params) {
    return loss.create(ComponentContract.parameters(loss, params));
  }

  // ---- soft-cross-entropy

  /** 2 trials × 2 steps × 3 outputs. */
  private static final float[] LOGITS = {
    0.5f, -1f, 2f, 1f, 1f, 0f, -2f, 0.3f, 0.7f, 3f, -0.5f, 0.1f
  };

  private ForwardResult distributions(float[] targets, float[] mask) {
    NDArray y = manager.create(LOGITS, new Shape(2, 2, 3));
    return new ForwardResult(
        y,
        null,
        y,
        manager.create(targets, new Shape(2, 2, 3)),
        null,
        manager.create(mask, new Shape(2, 2)),
        Map.of());
  }

  private static double softCrossEntropyAt(int step, float[] targets) {
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      sum += Math.exp(LOGITS[step * 3 + k]);
    }
    double ce = 0;
    for (int k = 0; k < 3; k++) {
      ce -= targets[step * 3 + k] * (LOGITS[step * 3 + k] - Math.log(sum));
    }
    return ce;
  }

  private static final float[] DISTRIBUTIONS = {
    0.2f, 0.3f, 0.5f, 1f, 0f, 0f, 0.25f, 0.25f, 0.5f, 0.1f, 0.8f, 0.1f
  };

  @Test
  void softCrossEntropyIsTheMaskedMeanOfMinusTargetTimesLogSoftmax() {
    float[] mask = {1, 0.5f, 0, 1};
    float loss =
        create(new SoftCrossEntropy()).compute(distributions(DISTRIBUTIONS, mask)).getFloat();

    double expected =
        (softCrossEntropyAt(0, DISTRIBUTIONS)
                + 0.5 * softCrossEntropyAt(1, DISTRIBUTIONS)
                + softCrossEntropyAt(3, DISTRIBUTIONS))
            / 2.5;
    assertThat((double) loss).isCloseTo(expected, within(1e-5));
  }

  @Test
  void softCrossEntropyOfOneHotTargetsEqualsCrossEntropy() {
    long[] classes = {2, 0, 1, 1};
    float[] oneHot = new float[12];
    for (int s = 0; s < 4; s++) {
      oneHot[s * 3 + (int) classes[s]] = 1;
    }
    float[] mask = {1, 0.5f, 0, 1};
    NDArray y = manager.create(LOGITS, new Shape(2, 2, 3));
    ForwardResult asClasses =
        new ForwardResult(
            y,
            null,
            y,
            null,
            manager.create(classes, new Shape(2, 2)),
            manager.create(mask, new Shape(2, 2)),
            Map.of());

    float soft = create(new SoftCrossEntropy()).compute(distributions(oneHot, mask)).getFloat();
    float hard = create(new CrossEntropy()).compute(asClasses).getFloat();

    assertThat(soft).isCloseTo(hard, within(1e-6f));
  }

  @Test
  void softCrossEntropyIgnoresStepsWithoutWeightEvenIfTheyAreNoDistribution() {
    float[] padded = DISTRIBUTIONS.clone();
    padded[9] = 0; // the last step is padding: all-zero targets, mask 0
    padded[10] = 0;
    padded[11] = 0;
    assertThatCode(
            () ->
                create(new SoftCrossEntropy())
                    .compute(distributions(padded, new float[] {1, 1, 1, 0})))
        .doesNotThrowAnyException();
  }

  @Test
  void softCrossEntropyRejectsTargetsThatAreNoDistribution() {
    float[] regression = DISTRIBUTIONS.clone();
    regression[0] = 2f;
    assertThatThrownBy(
            () ->
                create(new SoftCrossEntropy())
                    .compute(distributions(regression, new float[] {1, 1, 1, 1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs distribution targets")
        .hasMessageContaining("off 1 by 1.8")
        .hasMessageContaining("'mse'");
    float[] negative = DISTRIBUTIONS.clone();
    negative[0] = -0.2f;
    negative[2] = 0.9f;
    assertThatThrownBy(
            () ->
                create(new SoftCrossEntropy())
                    .compute(distributions(negative, new float[] {1, 1, 1, 1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("smallest target is -0.2");
  }

  @Test
  void softCrossEntropyRejectsClassTargets() {
    NDArray y = manager.create(LOGITS, new Shape(2, 2, 3));
    ForwardResult classes =
        new ForwardResult(
            y,
            null,
            y,
            null,
            manager.create(new long[] {0, 1, 2, 0}, new Shape(2, 2)),
            manager.ones(new Shape(2, 2)),
            Map.of());

    assertThatThrownBy(() -> create(new SoftCrossEntropy()).compute(classes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs distribution targets")
        .hasMessageContaining("class targets; use 'cross-entropy'");
    assertThatThrownBy(() -> create(new SoftCrossEntropy()).check(Tasks.classes(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("class targets; use 'cross-entropy'");
    assertThatThrownBy(() -> create(new SoftCrossEntropy()).check(Tasks.closed(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closed-loop");
  }

  // ---- l1-position

  /** 2 trials × 2 steps × 2 dims. */
  private static final float[] POSITIONS = {0f, 1f, 2f, 3f, -1f, 0.5f, 4f, 4f};

  private static final float[] GOALS = {0f, 0f, 1f, 1f, 1f, 1f, 4f, 3f};

  private ForwardResult positions(float[] mask, float[] outputWeights) {
    Shape shape = new Shape(2, 2, 2);
    NDArray z = manager.create(POSITIONS, shape);
    return new ForwardResult(
        manager.zeros(new Shape(2, 2, 6)),
        null,
        z,
        manager.create(GOALS, shape),
        null,
        manager.create(mask, new Shape(2, 2)),
        Map.of(),
        outputWeights == null ? null : manager.create(outputWeights));
  }

  @Test
  void l1PositionSumsAbsoluteErrorsOverDimensionsAndAveragesOverSteps() {
    float loss =
        create(new L1Position()).compute(positions(new float[] {1, 1, 1, 1}, null)).getFloat();
    // per step Σ_d |z − y*|: 1, 3, 2.5, 1 (MotorNet: mean(sum(|x − y|, -1)))
    assertThat(loss).isCloseTo(7.5f / 4, within(1e-6f));

    float masked =
        create(new L1Position()).compute(positions(new float[] {0, 1, 2, 0}, null)).getFloat();
    assertThat(masked).isCloseTo((3 + 2 * 2.5f) / 3, within(1e-6f));

    float weighted =
        create(new L1Position())
            .compute(positions(new float[] {1, 1, 1, 1}, new float[] {2, 0}))
            .getFloat();
    // only dimension 0, doubled: 0, 1, 2, 0
    assertThat(weighted).isCloseTo(2 * 3f / 4, within(1e-6f));
  }

  @Test
  void l1PositionNeedsContinuousTargets() {
    assertThatThrownBy(() -> create(new L1Position()).check(Tasks.classes(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("l1-position needs continuous targets");
    assertThatCode(() -> create(new L1Position()).check(Tasks.closed(List.of())))
        .doesNotThrowAnyException();
  }

  // ---- nbff

  @Test
  void nbffBlindsTheFirstStepsAndTheStepsAfterEachTransitionPerDimension() {
    // one trial, 12 steps, 2 bits; bit 0 flips at step 6, bit 1 at steps 2 and 10
    float[] targets = new float[12 * 2];
    for (int t = 0; t < 12; t++) {
      targets[t * 2] = t >= 6 ? 1 : 0;
      targets[t * 2 + 1] = t >= 2 && t < 10 ? 1 : 0;
    }

    float[] keep = NbffLoss.blindMask(targets, 1, 12, 2, 3, 2);

    float[] bit0 = new float[12];
    float[] bit1 = new float[12];
    for (int t = 0; t < 12; t++) {
      bit0[t] = keep[t * 2];
      bit1[t] = keep[t * 2 + 1];
    }
    // initial 2 steps blind; the change step itself counts; the 3 steps after it are blind
    assertThat(bit0).containsExactly(0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1);
    assertThat(bit1).containsExactly(0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0);
  }

  @Test
  void nbffIsTheMeanOverAllElementsOfTheBlindedSquaredError() {
    // 1 trial, 8 steps, 1 bit flipping at step 6; prediction 0.5 everywhere
    float[] targets = {0, 0, 0, 0, 0, 0, 1, 1};
    NDArray z = manager.full(new Shape(1, 8, 1), 0.5f);
    ForwardResult r =
        new ForwardResult(
            z,
            null,
            z,
            manager.create(targets, new Shape(1, 8, 1)),
            null,
            manager.ones(new Shape(1, 8)),
            Map.of());

    float loss = create(new NbffLoss()).compute(r).getFloat();

    // defaults: steps 0-4 blind, step 6 counts, step 7 blind: steps 5 and 6 count, 0.25 each,
    // divided by all 8 elements
    assertThat(loss).isCloseTo(0.5f / 8, within(1e-7f));
    float noBlind =
        create(new NbffLoss(), Map.of("transitionBlind", 0, "initialBlind", 0))
            .compute(r)
            .getFloat();
    assertThat(noBlind).isCloseTo(0.25f, within(1e-7f));
  }

  @Test
  void nbffNeedsContinuousTargets() {
    assertThatThrownBy(() -> create(new NbffLoss()).check(Tasks.classes(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nbff needs continuous targets");
  }

  @Test
  void mseAndCrossEntropyCheckTheTargetKindBeforeTraining() {
    assertThatThrownBy(() -> create(new MeanSquaredError()).check(Tasks.classes(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use 'cross-entropy'");
    assertThatThrownBy(() -> create(new CrossEntropy()).check(Tasks.closed(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use 'mse'");
    assertThatCode(() -> create(new CrossEntropy()).check(Tasks.classes(List.of())))
        .doesNotThrowAnyException();
  }
}
