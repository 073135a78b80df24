package org.rnnlab.api.task;

import java.util.random.RandomGenerator;

/**
 * A task whose trials do not depend on what the network does (NeuroGym's supervised setting).
 *
 * <p>The core turns trials into batches, either trial-aligned (padded, with lengths) or as
 * NeuroGym-style continuous streams (trials concatenated and cut into fixed-length sequences), so a
 * task only describes single trials.
 */
public non-sealed interface OpenLoopTask extends TaskInstance {

  /** Whether trials carry class indices or continuous targets. */
  TargetKind targetKind();

  /**
   * Constant factors per output channel on the loss, for tasks whose source weighs channels
   * differently (Yang et al. 2019 weigh the fixation output twice), or null for equal weights.
   * Losses that support it (such as {@code mse}) read them from {@code ForwardResult}.
   *
   * @return {@code [outputChannels]} non-negative factors, or null
   */
  default float[] outputWeights() {
    return null;
  }

  /**
   * The length of the initial condition every trial carries ({@link Trial#initialCondition()}), or
   * 0 (the default) when trials carry none.
   *
   * <p>A task that gives initial conditions (Sorscher et al. 2019: the place-cell activity at the
   * start of each path) must give one of exactly this length with every trial. The core then starts
   * each trial from the state the model's encoder computes from it ({@link
   * org.rnnlab.api.model.RecurrentNetwork#initialState(ai.djl.ndarray.NDArray,
   * ai.djl.ndarray.NDManager, org.rnnlab.api.model.Noise)}); before training it refuses a model
   * without an encoder, and {@code stream} batching, whose sequences start in the middle of trials.
   */
  default int initialConditionSize() {
    return 0;
  }

  /**
   * Draws one trial.
   *
   * <p>Determinism contract: the trial must be a function of the generator's state alone (and of
   * the parameters), so that the same seed gives the same trials.
   *
   * @param random the run's task stream; the task must not use any other source of randomness
   */
  Trial newTrial(RandomGenerator random);

  /**
   * The trial variables this task lets a caller fix instead of drawing them, such as {@link
   * #GROUND_TRUTH}; empty by default. Wrappers such as NeuroGym's side bias use this.
   */
  default java.util.Set<String> conditions() {
    return java.util.Set.of();
  }

  /**
   * Draws one trial with some variables fixed.
   *
   * @param conditions values for some of {@link #conditions()}; empty draws as {@link
   *     #newTrial(RandomGenerator)}
   * @throws IllegalArgumentException if a condition is not supported or its value is invalid
   */
  default Trial newTrial(RandomGenerator random, java.util.Map<String, Object> conditions) {
    if (conditions.isEmpty()) {
      return newTrial(random);
    }
    throw new IllegalArgumentException(
        "this task draws all of its trial variables itself and cannot be given "
            + conditions.keySet());
  }

  /**
   * The values {@link #GROUND_TRUTH} can take, in the order in which wrappers list per-choice
   * settings (side bias's {@code probs}, trial history's first and second choice). By default the
   * classes after fixation, {@code 1 … outputChannels − 1}. A task whose correct answer can be to
   * keep fixating includes 0: go/no-go's choices are {@code [0, 1]} (no-go, go), as NeuroGym's
   * {@code choices}. Meaningful only for tasks whose {@link #conditions()} contain {@link
   * #GROUND_TRUTH}.
   */
  default java.util.List<Integer> groundTruthChoices() {
    return java.util.stream.IntStream.range(1, outputChannels().size()).boxed().toList();
  }

  /**
   * Condition key: the trial's correct class index (class 0 being fixation), one of {@link
   * #groundTruthChoices()}.
   */
  String GROUND_TRUTH = "groundTruth";
}
