package org.rnnlab.plugins.wrappers;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.TaskWrapper;

/**
 * NeuroGym's {@code SideBias} wrapper: the ground truth of each trial is drawn from the choice
 * probabilities of the current block, and blocks switch to a different, uniformly chosen block.
 *
 * <p>{@code probs} is the matrix of NeuroGym's {@code probs}, one row per block and one column per
 * choice, written row after row ({@code [0.8, 0.2, 0.2, 0.8]} is two blocks of two choices); each
 * row sums to 1. Blocks switch as in the source: with {@code switchProbability} 0, after {@code
 * blockTrials} trials (the first block, like the source's, is one trial shorter, since the counter
 * is decremented before the check); with {@code switchProbability} in (0, 1), with that probability
 * before every trial. The first block is drawn uniformly when the first trial is.
 *
 * <p>Each stream of trials (each batch row of a continuous stream, the evaluation trials) has its
 * own blocks, as each copy of a NeuroGym environment has its own wrapper.
 *
 * <p>The wrapped task must accept {@link OpenLoopTask#GROUND_TRUTH} as a condition and have class
 * targets. Each row of {@code probs} has one probability per value of the task's {@link
 * OpenLoopTask#groundTruthChoices()}, in that order: {@code choice-1 … choice-n} for most tasks,
 * {@code no-go, go} for go/no-go (so {@code [0.2, 0.8, 0.8, 0.2]} alternates blocks of frequent and
 * rare go trials). Trials gain the metadata {@code block}.
 */
@Extension
public final class SideBias implements TaskWrapper {

  /** The id scripts use. */
  public static final String ID = "side-bias";

  /** Creates the component; PF4J and Guice call this. */
  public SideBias() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's SideBias wrapper: block-wise probabilities of the correct choice";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.numbers(
                "probs",
                List.of(0.8, 0.2, 0.2, 0.8),
                "",
                "Choice probabilities, one row per block written row after row; rows sum to 1")
            .withRange(0, 1),
        ParameterSpec.integer("blockTrials", 200, "trials", "Trials per block").withMin(1),
        ParameterSpec.number(
                "switchProbability",
                0,
                "",
                "If > 0, switch blocks with this probability before each trial instead")
            .withRange(0, 0.999999));
  }

  /**
   * @throws IllegalArgumentException if the task cannot be given its ground truth, or {@code probs}
   *     does not fit its number of choices or has a row that does not sum to 1
   */
  @Override
  public OpenLoopTask wrap(OpenLoopTask inner, Parameters params) {
    if (inner.targetKind() != TargetKind.CLASS_INDEX
        || !inner.conditions().contains(OpenLoopTask.GROUND_TRUTH)) {
      throw new IllegalArgumentException(
          "side-bias needs a task with class targets that can be given its ground truth"
              + " (conditions: groundTruth); this task's conditions are "
              + inner.conditions());
    }
    List<Integer> groundTruths = inner.groundTruthChoices();
    int choices = groundTruths.size();
    double[] flat = params.numbers("probs");
    if (choices < 1 || flat.length % choices != 0) {
      throw new IllegalArgumentException(
          "side-bias probs has "
              + flat.length
              + " values, not a whole number of rows of "
              + choices
              + " choices (one per choice of the task, in the order "
              + groundTruths
              + ")");
    }
    int blocks = flat.length / choices;
    double[][] probs = new double[blocks][choices];
    for (int b = 0; b < blocks; b++) {
      double sum = 0;
      for (int k = 0; k < choices; k++) {
        probs[b][k] = flat[b * choices + k];
        sum += probs[b][k];
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException(
            "side-bias probs row " + (b + 1) + " sums to " + sum + ", not 1");
      }
    }
    int blockTrials = params.count("blockTrials");
    double switchProbability = params.number("switchProbability");
    return new GroundTruthStream<int[]>(inner) {
      /** {block, trials left in it}; the first block is drawn when the stream starts. */
      @Override
      int[] start(RandomGenerator random) {
        return new int[] {random.nextInt(blocks), blockTrials};
      }

      @Override
      Choice next(int[] state, RandomGenerator random) {
        boolean switchBlock;
        if (switchProbability > 0) {
          switchBlock = random.nextDouble() < switchProbability;
        } else {
          state[1]--;
          switchBlock = state[1] <= 0;
        }
        if (switchBlock) {
          if (blocks > 1) {
            int next = random.nextInt(blocks - 1);
            state[0] = next >= state[0] ? next + 1 : next;
          }
          state[1] = blockTrials;
        }
        double u = random.nextDouble();
        int choice = choices - 1;
        double cumulative = 0;
        for (int k = 0; k < choices; k++) {
          cumulative += probs[state[0]][k];
          if (u < cumulative) {
            choice = k;
            break;
          }
        }
        return new Choice(groundTruths.get(choice), Map.of("block", state[0]));
      }
    };
  }
}
