package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.loss.LossContext;
import org.rnnlab.api.loss.LossFunction;

/**
 * The shared computation of {@code l1-weights} and {@code l2-weights}: a penalty per selected
 * matrix, added over matrices. {@code reduction: mean} averages each matrix's elementwise penalty
 * (PsychRNN's {@code reduce_mean} per matrix, Cueva &amp; Wei's {@code mean(W_in²) +
 * mean(W_out²)}); {@code sum} adds them (Sorscher's {@code ‖W_hh‖²_F}).
 */
final class WeightPenalty implements LossFunction {

  static final String REDUCTION = "reduction";
  static final String MEAN = "mean";
  static final String SUM = "sum";

  static ParameterSpec reductionSpec() {
    return ParameterSpec.choice(
        REDUCTION,
        MEAN,
        List.of(MEAN, SUM),
        "'mean': each matrix's mean elementwise penalty, added over matrices (PsychRNN); 'sum':"
            + " the elementwise penalties summed (Sorscher's squared Frobenius norm)");
  }

  private final String loss;
  private final boolean squared;
  private final boolean sum;
  private final List<String> entries;

  WeightPenalty(String loss, boolean squared, Parameters params) {
    this.loss = loss;
    this.squared = squared;
    this.sum = params.string(REDUCTION).equals(SUM);
    this.entries = params.strings(MatrixSelection.MATRICES);
  }

  @Override
  public NDArray compute(ForwardResult result) {
    Map<String, NDArray> parameters = result.parameters();
    NDArray total = null;
    for (String name : MatrixSelection.select(loss, entries, parameters.keySet())) {
      NDArray w = parameters.get(name);
      NDArray elementwise = squared ? w.square() : w.abs();
      NDArray term = sum ? elementwise.sum() : elementwise.mean();
      total = total == null ? term : total.add(term);
    }
    return total;
  }

  @Override
  public void check(LossContext context) {
    MatrixSelection.select(loss, entries, context.parameterNames());
  }
}
