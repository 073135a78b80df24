package org.rnnlab.plugins.wrappers;

import java.util.LinkedHashMap;
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
 * NeuroGym's {@code TrialHistory} wrapper for two-choice tasks: the ground truth depends on the
 * previous trial's, with a repetition probability that changes between blocks.
 *
 * <p>As in the source: block {@code b} has repetition probability {@code repeatProbabilities[b]};
 * the first block is drawn uniformly from the first two; with {@code blockSwitchProbability} 0 the
 * block advances to the next (cyclically) whenever the number of trials so far is a multiple of
 * {@code blockTrials} (so also before the very first trial), otherwise with that probability before
 * every trial. If the previous ground truth was the first choice, the first comes with the block's
 * probability; otherwise (the second, or no previous trial) the second does. The choices are the
 * task's {@link OpenLoopTask#groundTruthChoices()}: {@code choice-1, choice-2} for two-alternative
 * tasks, {@code no-go, go} for go/no-go.
 *
 * <p>Each stream of trials has its own history and blocks. Trials gain the metadata {@code block}
 * and {@code repeatProbability}.
 */
@Extension
public final class TrialHistory implements TaskWrapper {

  /** The id scripts use. */
  public static final String ID = "trial-history";

  /** Creates the component; PF4J and Guice call this. */
  public TrialHistory() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's TrialHistory wrapper: the correct choice repeats with a block-wise"
        + " probability";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.numbers(
                "repeatProbabilities",
                List.of(0.2, 0.8),
                "",
                "Probability of repeating the previous choice, one per block")
            .withRange(0, 1),
        ParameterSpec.integer("blockTrials", 200, "trials", "Trials per block").withMin(1),
        ParameterSpec.number(
                "blockSwitchProbability",
                0,
                "",
                "If > 0, move to the next block with this probability before each trial instead")
            .withRange(0, 1));
  }

  /**
   * @throws IllegalArgumentException if the task is not a two-choice task that can be given its
   *     ground truth
   */
  @Override
  public OpenLoopTask wrap(OpenLoopTask inner, Parameters params) {
    boolean conditionable = inner.conditions().contains(OpenLoopTask.GROUND_TRUTH);
    List<Integer> choices = inner.groundTruthChoices();
    if (inner.targetKind() != TargetKind.CLASS_INDEX || !conditionable || choices.size() != 2) {
      throw new IllegalArgumentException(
          "trial-history needs a two-choice task with class targets that can be given its ground"
              + " truth (conditions: groundTruth, two ground-truth choices); this task's"
              + " conditions are "
              + inner.conditions()
              + (conditionable ? " and its choices " + choices : ""));
    }
    int first = choices.get(0);
    int second = choices.get(1);
    double[] repeat = params.numbers("repeatProbabilities");
    int blockTrials = params.count("blockTrials");
    double switchProbability = params.number("blockSwitchProbability");
    return new GroundTruthStream<int[]>(inner) {
      /** {block, previous choice (1 first, 2 second, 0 none yet), trials so far}. */
      @Override
      int[] start(RandomGenerator random) {
        return new int[] {random.nextInt(Math.min(2, repeat.length)), 0, 0};
      }

      @Override
      Choice next(int[] state, RandomGenerator random) {
        boolean advance =
            switchProbability > 0
                ? random.nextDouble() < switchProbability
                : state[2] % blockTrials == 0;
        if (advance) {
          state[0] = (state[0] + 1) % repeat.length;
        }
        double p = repeat[state[0]];
        double pChoice1 = state[1] == 1 ? p : 1 - p;
        state[1] = random.nextDouble() < pChoice1 ? 1 : 2;
        int groundTruth = state[1] == 1 ? first : second;
        state[2]++;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("block", state[0]);
        metadata.put("repeatProbability", p);
        return new Choice(groundTruth, metadata);
      }
    };
  }
}
