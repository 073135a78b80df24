package org.rnnlab.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossFunction;
import org.rnnlab.testkit.ComponentContract;

/** Weight and activity regularisers against hand-computed values. */
class RegularisersTest {

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

  // ---- weights

  /** A gated model's parameters, named by rnnlab's convention, each filled with one value. */
  private Map<String, NDArray> gatedModel() {
    Map<String, NDArray> p = new LinkedHashMap<>();
    p.put("input.weight", manager.full(new Shape(2, 3), 1f)); // 6 elements of 1
    p.put("input.bias", manager.full(new Shape(3), 100f));
    p.put("recurrent.weight_ih", manager.full(new Shape(3, 3), -2f)); // 9 of -2
    p.put("recurrent.weight_hh", manager.full(new Shape(3, 3), 3f)); // 9 of 3
    p.put("recurrent.bias", manager.full(new Shape(3), 100f));
    p.put("output.weight", manager.full(new Shape(3, 1), 0.5f)); // 3 of 0.5
    p.put("output.bias", manager.full(new Shape(1), 100f));
    p.put("initial.state", manager.full(new Shape(3), 100f));
    return p;
  }

  private ForwardResult withParameters(Map<String, NDArray> parameters) {
    NDArray y = manager.zeros(new Shape(1, 2, 1));
    return new ForwardResult(y, y, y, y, null, manager.ones(new Shape(1, 2)), parameters);
  }

  private float penalty(Loss loss, Map<String, ?> params) {
    return create(loss, params).compute(withParameters(gatedModel())).getFloat();
  }

  @Test
  void l2WeightsAddsEveryWeightMatrixsMeanSquareByDefault() {
    // input 1, recurrent.weight_ih 4, recurrent.weight_hh 9, output 0.25; biases and the
    // initial state (100) are not weight matrices
    assertThat(penalty(new WeightL2(), Map.of())).isCloseTo(1 + 4 + 9 + 0.25f, within(1e-5f));
    assertThat(penalty(new WeightL2(), Map.of("matrices", List.of("recurrent"))))
        .isCloseTo(13f, within(1e-5f));
  }

  @Test
  void l2WeightsWithSumReductionIsTheSquaredFrobeniusNorm() {
    assertThat(
            penalty(new WeightL2(), Map.of("matrices", List.of("recurrent"), "reduction", "sum")))
        .isCloseTo(9 * 4 + 9 * 9, within(1e-4f));
  }

  @Test
  void l1WeightsAddsEachSelectedMatrixsMeanAbsoluteValue() {
    assertThat(penalty(new WeightL1(), Map.of("matrices", List.of("input", "output"))))
        .isCloseTo(1 + 0.5f, within(1e-6f));
    assertThat(
            penalty(new WeightL1(), Map.of("matrices", List.of("recurrent"), "reduction", "sum")))
        .isCloseTo(9 * 2 + 9 * 3, within(1e-4f));
  }

  @Test
  void exactNamesSelectOneParameterAndOverlapsCountOnce() {
    assertThat(penalty(new WeightL1(), Map.of("matrices", List.of("recurrent.weight_hh"))))
        .isCloseTo(3f, within(1e-6f));
    assertThat(penalty(new WeightL1(), Map.of("matrices", List.of("recurrent.bias"))))
        .isCloseTo(100f, within(1e-4f));
    assertThat(
            penalty(
                new WeightL1(), Map.of("matrices", List.of("recurrent", "recurrent.weight_hh"))))
        .isCloseTo(5f, within(1e-6f));
  }

  @Test
  void rolesAndAllSelectNestedWeightMatricesToo() {
    Map<String, NDArray> ode = new LinkedHashMap<>();
    ode.put("vectorfield.layer1.weight", manager.full(new Shape(2, 2), 2f)); // mean square 4
    ode.put("vectorfield.layer1.bias", manager.full(new Shape(2), 100f));
    ode.put("vectorfield.layer2.weight", manager.full(new Shape(2, 2), 1f)); // 1
    ode.put("output.weight", manager.full(new Shape(2, 1), 3f)); // 9
    ode.put("initial.state", manager.full(new Shape(2), 100f));
    LossFunction all = create(new WeightL2(), Map.of());
    LossFunction field = create(new WeightL2(), Map.of("matrices", List.of("vectorfield")));

    assertThat(all.compute(withParameters(ode)).getFloat()).isCloseTo(14f, within(1e-5f));
    assertThat(field.compute(withParameters(ode)).getFloat()).isCloseTo(5f, within(1e-5f));
    assertThatThrownBy(
            () ->
                create(new WeightL2(), Map.of("matrices", List.of("input")))
                    .check(Tasks.continuous(List.of(), List.copyOf(ode.keySet()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'input' matches no parameter")
        .hasMessageContaining("vectorfield.layer1.weight");
  }

  @Test
  void aSelectionThatMatchesNoParameterIsAClearErrorAtStart() {
    LossFunction l2 = create(new WeightL2(), Map.of("matrices", List.of("recurent")));
    List<String> names = List.copyOf(gatedModel().keySet());

    assertThatThrownBy(() -> l2.check(Tasks.continuous(List.of(), names)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("matrices entry 'recurent' matches no parameter")
        .hasMessageContaining("give 'all', a role")
        .hasMessageContaining("[input.weight, input.bias, recurrent.weight_ih");
    LossFunction named = create(new WeightL2(), Map.of("matrices", List.of("readout.weight")));
    assertThatThrownBy(() -> named.compute(withParameters(gatedModel())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'readout.weight' matches no parameter");
    assertThatCode(() -> create(new WeightL2(), Map.of()).check(Tasks.closed(names)))
        .doesNotThrowAnyException();
  }

  @Test
  void weightPenaltiesPassGradientsToTheSelectedMatricesOnly() {
    Map<String, NDArray> p = gatedModel();
    p.values().forEach(a -> a.setRequiresGradient(true));
    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
      c.backward(
          create(new WeightL2(), Map.of("matrices", List.of("output"))).compute(withParameters(p)));
    }
    // d/dW mean(W²) = 2W / n = 2·0.5 / 3
    for (float g : p.get("output.weight").getGradient().toFloatArray()) {
      assertThat(g).isCloseTo(1f / 3, within(1e-6f));
    }
    assertThat(p.get("recurrent.weight_hh").getGradient().toFloatArray()).containsOnly(0f);
  }

  // ---- activity

  /** 2 trials × 3 steps × 2 units. */
  private static final float[] HIDDEN = {1, -2, 0, 3, 2, 2, -1, 0, 0.5f, 0.5f, 4, -4};

  private ForwardResult withHidden(float[] hidden, float[] mask) {
    NDArray y = manager.zeros(new Shape(2, 3, 1));
    return new ForwardResult(
        y,
        manager.create(hidden, new Shape(2, 3, 2)),
        y,
        y,
        null,
        manager.create(mask, new Shape(2, 3)),
        Map.of());
  }

  private static final float[] ALL = {1, 1, 1, 1, 1, 1};

  @Test
  void l2RateIsTheMeanSquareOverBatchStepsAndUnits() {
    double sum = 0;
    for (float h : HIDDEN) {
      sum += h * h;
    }
    float loss = create(new RateL2(), Map.of()).compute(withHidden(HIDDEN, ALL)).getFloat();
    assertThat((double) loss).isCloseTo(sum / 12, within(1e-5));
    // the default ignores the mask, as the sources' reduce_mean
    float masked =
        create(new RateL2(), Map.of())
            .compute(withHidden(HIDDEN, new float[] {1, 0, 0, 0, 0, 0}))
            .getFloat();
    assertThat(masked).isEqualTo(loss);
  }

  @Test
  void l2RateCanApplyATransferAndWeighStepsByTheMask() {
    double relu = 0;
    for (float h : HIDDEN) {
      relu += h > 0 ? h * h : 0;
    }
    assertThat(
            (double)
                create(new RateL2(), Map.of("transfer", "relu"))
                    .compute(withHidden(HIDDEN, ALL))
                    .getFloat())
        .isCloseTo(relu / 12, within(1e-5));
    assertThat(
            create(new RateL2(), Map.of("transfer", "tanh"))
                .compute(withHidden(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, ALL))
                .getFloat())
        .isCloseTo((float) (Math.tanh(1) * Math.tanh(1)), within(1e-6f));
    // masked: step (0,1) alone, mean over units of (0² + 3²)
    assertThat(
            create(new RateL2(), Map.of("masked", true))
                .compute(withHidden(HIDDEN, new float[] {0, 1, 0, 0, 0, 0}))
                .getFloat())
        .isCloseTo(4.5f, within(1e-6f));
  }

  @Test
  void latentL2IsTheBatchMeanOfEachTrialsTrajectoryNorm() {
    double first = Math.sqrt(1 + 4 + 0 + 9 + 4 + 4);
    double second = Math.sqrt(1 + 0 + 0.25 + 0.25 + 16 + 16);
    float loss = create(new LatentL2(), Map.of()).compute(withHidden(HIDDEN, ALL)).getFloat();
    assertThat((double) loss).isCloseTo((first + second) / 2, within(1e-5));

    float masked =
        create(new LatentL2(), Map.of("masked", true))
            .compute(withHidden(HIDDEN, new float[] {1, 1, 0, 0, 0, 1}))
            .getFloat();
    assertThat((double) masked)
        .isCloseTo((Math.sqrt(1 + 4 + 0 + 9) + Math.sqrt(32)) / 2, within(1e-5));
  }

  @Test
  void latentL2OfAZeroTrajectoryHasAFiniteGradient() {
    NDArray h = manager.zeros(new Shape(2, 3, 2));
    h.setRequiresGradient(true);
    NDArray y = manager.zeros(new Shape(2, 3, 1));
    ForwardResult r = new ForwardResult(y, h, y, y, null, manager.ones(new Shape(2, 3)), Map.of());
    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
      c.backward(create(new LatentL2(), Map.of()).compute(r));
    }
    assertThat(h.getGradient().toFloatArray()).containsOnly(0f);
  }

  @Test
  void activityDerivativeIsTheMeanSquaredDifferenceOfConsecutiveStates() {
    // trial 0: (1,-2)→(0,3)→(2,2): diffs (-1,5), (2,-1); trial 1: (-1,0)→(.5,.5)→(4,-4):
    // diffs (1.5,.5), (3.5,-4.5)
    double[] squares = {1 + 25, 4 + 1, 2.25 + 0.25, 12.25 + 20.25};
    double sum = 0;
    for (double s : squares) {
      sum += s;
    }
    float loss =
        create(new ActivityDerivative(), Map.of()).compute(withHidden(HIDDEN, ALL)).getFloat();
    assertThat((double) loss).isCloseTo(sum / 8, within(1e-5));

    // masked: a difference counts where both of its steps are in the mask
    float masked =
        create(new ActivityDerivative(), Map.of("masked", true))
            .compute(withHidden(HIDDEN, new float[] {1, 1, 0, 0, 1, 1}))
            .getFloat();
    assertThat((double) masked).isCloseTo((26.0 / 2 + 32.5 / 2) / 2, within(1e-5));
  }

  @Test
  void activityRegularisersNeedHiddenStates() {
    NDArray y = manager.zeros(new Shape(1, 2, 1));
    ForwardResult none =
        new ForwardResult(y, null, y, y, null, manager.ones(new Shape(1, 2)), Map.of());
    for (Loss loss : List.of(new RateL2(), new LatentL2(), new ActivityDerivative())) {
      assertThatThrownBy(() -> create(loss, Map.of()).compute(none))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(loss.id() + " needs the hidden states");
    }
  }
}
