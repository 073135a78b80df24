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
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.testkit.ComponentContract;

/**
 * Cross-entropy weighs each step by its target's class: {@code classWeights}, PyTorch's {@code
 * CrossEntropyLoss(weight=…)}. The task of {@link Tasks#classes} has outputs {@code a, b}.
 */
class ClassWeightsTest {

  /** Logits for 1 trial × 4 steps × 2 classes; targets a, a, b, a; mask 1, 1, 1, 0.5. */
  private static final float[] LOGITS = {1f, 0f, 2f, -1f, 0.5f, 0.3f, -2f, 1f};

  private static final long[] TARGETS = {0, 0, 1, 0};
  private static final float[] MASK = {1, 1, 1, 0.5f};

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private static double negLogLikelihood(int step) {
    double a = LOGITS[step * 2];
    double b = LOGITS[step * 2 + 1];
    double target = TARGETS[step] == 0 ? a : b;
    return Math.log(Math.exp(a) + Math.exp(b)) - target;
  }

  private ForwardResult batch() {
    NDArray y = manager.create(LOGITS, new Shape(1, 4, 2));
    return new ForwardResult(
        y,
        null,
        y,
        null,
        manager.create(TARGETS, new Shape(1, 4)),
        manager.create(MASK, new Shape(1, 4)),
        Map.of());
  }

  private static LossFunction checked(Map<String, ?> params) {
    CrossEntropy loss = new CrossEntropy();
    LossFunction f = loss.create(ComponentContract.parameters(loss, params));
    f.check(Tasks.classes(List.of()));
    return f;
  }

  @Test
  void aWeightedClassCountsMoreInTheWeightedMean() {
    float loss = checked(Map.of("classWeights", Map.of("b", 10))).compute(batch()).getFloat();

    // step weights: mask × class weight = 1, 1, 10, 0.5
    double expected =
        (negLogLikelihood(0)
                + negLogLikelihood(1)
                + 10 * negLogLikelihood(2)
                + 0.5 * negLogLikelihood(3))
            / 12.5;
    assertThat((double) loss).isCloseTo(expected, within(1e-5));
  }

  @Test
  void withoutClassWeightsEveryClassKeepsOne() {
    float plain = checked(Map.of()).compute(batch()).getFloat();
    float ones =
        checked(Map.of("classWeights", Map.of("a", 1, "b", 1))).compute(batch()).getFloat();

    assertThat(ones).isEqualTo(plain);
  }

  @Test
  void aClassThatIsNotAnOutputIsRejectedBeforeTrainingNamingTheOutputs() {
    CrossEntropy loss = new CrossEntropy();
    LossFunction f =
        loss.create(ComponentContract.parameters(loss, Map.of("classWeights", Map.of("go", 20))));

    assertThatThrownBy(() -> f.check(Tasks.classes(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("classWeights names class 'go'")
        .hasMessageContaining("its outputs are [a, b]");
  }

  @Test
  void classWeightsAreNotSilentlyIgnoredWhenTheFunctionWasNeverChecked() {
    CrossEntropy loss = new CrossEntropy();
    LossFunction f =
        loss.create(ComponentContract.parameters(loss, Map.of("classWeights", Map.of("b", 2))));

    assertThatThrownBy(() -> f.compute(batch())).isInstanceOf(IllegalStateException.class);
  }
}
