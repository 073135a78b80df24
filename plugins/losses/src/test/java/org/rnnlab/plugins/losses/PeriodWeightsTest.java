package org.rnnlab.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Losses weigh each step by its trial period: {@code periodWeights}. */
class PeriodWeightsTest {

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private static LossFunction create(Loss loss, Map<String, ?> params) {
    return loss.create(ComponentContract.parameters(loss, params));
  }

  /**
   * One trial of 4 steps, one dimension, target 0: errors 1, 2, 3, 4 (squared 1, 4, 9, 16). Steps 0
   * and 1 are fixation, step 2 decision, step 3 in no period.
   */
  private ForwardResult continuous(float[] controlled, List<String> names, int[] labels) {
    NDArray z = manager.create(controlled, new Shape(1, 4, 1));
    return new ForwardResult(
        z,
        null,
        z,
        manager.zeros(new Shape(1, 4, 1)),
        null,
        manager.ones(new Shape(1, 4)),
        Map.of(),
        null,
        manager.create(labels, new Shape(1, 4)),
        names);
  }

  private static final float[] ERRORS = {1, 2, 3, 4};
  private static final List<String> NAMES = List.of("fixation", "decision");
  private static final int[] LABELS = {0, 0, 1, -1};

  private float mse(Map<String, ?> params, ForwardResult r) {
    return create(new MeanSquaredError(), params).compute(r).getFloat();
  }

  @Test
  void weightedPeriodsCountMoreAndUnlistedPeriodsAndUnlabelledStepsKeepOne() {
    float loss =
        mse(Map.of("periodWeights", Map.of("decision", 5)), continuous(ERRORS, NAMES, LABELS));

    // weights 1, 1, 5, 1 on squared errors 1, 4, 9, 16
    assertThat(loss).isCloseTo((1 + 4 + 45 + 16) / 8f, within(1e-5f));
  }

  @Test
  void withoutPeriodWeightsTheMaskAloneWeighs() {
    assertThat(mse(Map.of(), continuous(ERRORS, NAMES, LABELS))).isCloseTo(30 / 4f, within(1e-5f));
  }

  @Test
  void aPeriodWeightedZeroDoesNotChangeTheLoss() {
    Map<String, ?> params = Map.of("periodWeights", Map.of("fixation", 0));
    float loss = mse(params, continuous(ERRORS, NAMES, LABELS));
    assertThat(loss).isCloseTo((9 + 16) / 2f, within(1e-5f));

    float changed = mse(params, continuous(new float[] {-50, 70, 3, 4}, NAMES, LABELS));
    assertThat(changed).isEqualTo(loss);
  }

  @Test
  void periodsAreLookedUpByNameWhateverTheirIndexInTheBatch() {
    Map<String, ?> params = Map.of("periodWeights", Map.of("decision", 5));
    float a = mse(params, continuous(ERRORS, NAMES, LABELS));
    float b =
        mse(params, continuous(ERRORS, List.of("decision", "fixation"), new int[] {1, 1, 0, -1}));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void yangsWeightingMultipliesTheErrorByMaskTimesPeriodWeight() {
    float loss =
        mse(
            Map.of("weighting", "error", "periodWeights", Map.of("decision", 2)),
            continuous(ERRORS, NAMES, LABELS));
    // ((e · w)²): 1, 4, 36, 16 over 4 elements
    assertThat(loss).isCloseTo(57 / 4f, within(1e-5f));
  }

  @Test
  void l1PositionHonoursPeriodWeights() {
    float loss =
        create(new L1Position(), Map.of("periodWeights", Map.of("decision", 5, "fixation", 0)))
            .compute(continuous(ERRORS, NAMES, LABELS))
            .getFloat();
    // weights 0, 0, 5, 1 on |errors| 3 and 4
    assertThat(loss).isCloseTo((15 + 4) / 6f, within(1e-5f));
  }

  /** Logits for 1 trial × 3 steps × 3 classes. */
  private static final float[] LOGITS = {1f, 2f, 0.5f, -1f, 0f, 3f, 0.2f, 0.2f, 0.2f};

  private static double negLogLikelihood(int step, int target) {
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      sum += Math.exp(LOGITS[step * 3 + c]);
    }
    return Math.log(sum) - LOGITS[step * 3 + target];
  }

  @Test
  void crossEntropyHonoursPeriodWeights() {
    NDArray y = manager.create(LOGITS, new Shape(1, 3, 3));
    ForwardResult r =
        new ForwardResult(
            y,
            null,
            y,
            null,
            manager.create(new long[] {1, 0, 2}, new Shape(1, 3)),
            manager.create(new float[] {1, 1, 0.5f}, new Shape(1, 3)),
            Map.of(),
            null,
            manager.create(new int[] {0, 1, 1}, new Shape(1, 3)),
            List.of("stimulus", "decision"));

    float loss =
        create(new CrossEntropy(), Map.of("periodWeights", Map.of("decision", 2)))
            .compute(r)
            .getFloat();

    // step weights: mask × period weight = 1, 2, 1
    double expected =
        (negLogLikelihood(0, 1) + 2 * negLogLikelihood(1, 0) + negLogLikelihood(2, 2)) / 4;
    assertThat((double) loss).isCloseTo(expected, within(1e-5));
  }

  @Test
  void softCrossEntropyHonoursPeriodWeights() {
    NDArray y = manager.create(LOGITS, new Shape(1, 3, 3));
    float[] oneHot = {0, 1, 0, 1, 0, 0, 0, 0, 1};
    ForwardResult r =
        new ForwardResult(
            y,
            null,
            y,
            manager.create(oneHot, new Shape(1, 3, 3)),
            null,
            manager.ones(new Shape(1, 3)),
            Map.of(),
            null,
            manager.create(new int[] {0, 1, 1}, new Shape(1, 3)),
            List.of("stimulus", "decision"));

    float loss =
        create(new SoftCrossEntropy(), Map.of("periodWeights", Map.of("stimulus", 0)))
            .compute(r)
            .getFloat();

    double expected = (negLogLikelihood(1, 0) + negLogLikelihood(2, 2)) / 2;
    assertThat((double) loss).isCloseTo(expected, within(1e-5));
  }

  @Test
  void periodWeightsWithoutPeriodLabelsFailClearly() {
    NDArray z = manager.ones(new Shape(1, 4, 1));
    ForwardResult closedLoop =
        new ForwardResult(
            z,
            null,
            z,
            manager.zeros(new Shape(1, 4, 1)),
            null,
            manager.ones(new Shape(1, 4)),
            Map.of());

    assertThatThrownBy(() -> mse(Map.of("periodWeights", Map.of("decision", 5)), closedLoop))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periodWeights")
        .hasMessageContaining("no period labels");
    assertThat(mse(Map.of(), closedLoop)).isEqualTo(1f);
  }

  @Test
  void unknownPeriodNamesAreRejectedBeforeTrainingNamingTheTasksPeriods() {
    LossFunction mse =
        create(new MeanSquaredError(), Map.of("periodWeights", Map.of("decison", 5)));

    assertThatThrownBy(() -> mse.check(Tasks.continuous(NAMES, List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periodWeights names period 'decison'")
        .hasMessageContaining("its periods are [fixation, decision]");
  }

  @Test
  void periodWeightsOnATaskWithoutPeriodsAreRejectedBeforeTraining() {
    LossFunction mse =
        create(new MeanSquaredError(), Map.of("periodWeights", Map.of("decision", 5)));

    assertThatThrownBy(() -> mse.check(Tasks.closed(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no periods (it is closed-loop)");
  }

  @Test
  void negativePeriodWeightsAreBadInput() {
    assertThatThrownBy(
            () -> create(new MeanSquaredError(), Map.of("periodWeights", Map.of("decision", -1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be at least 0");
  }
}
