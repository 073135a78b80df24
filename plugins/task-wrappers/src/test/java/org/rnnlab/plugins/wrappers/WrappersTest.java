package org.rnnlab.plugins.wrappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

class WrappersTest {

  /** Two-choice trials of 4 steps: input 0.5 on every step, the answer at the last step. */
  static final class Choices implements OpenLoopTask {
    private final boolean conditionable;

    Choices(boolean conditionable) {
      this.conditionable = conditionable;
    }

    @Override
    public double dtMs() {
      return 10;
    }

    @Override
    public List<String> inputChannels() {
      return List.of("cue");
    }

    @Override
    public List<String> outputChannels() {
      return List.of("fixate", "choice-1", "choice-2");
    }

    @Override
    public TargetKind targetKind() {
      return TargetKind.CLASS_INDEX;
    }

    @Override
    public Set<String> conditions() {
      return conditionable ? Set.of(GROUND_TRUTH) : Set.of();
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      return newTrial(random, Map.of());
    }

    @Override
    public Trial newTrial(RandomGenerator random, Map<String, Object> conditions) {
      int gt = conditions.get(GROUND_TRUTH) instanceof Integer g ? g : 1 + random.nextInt(2);
      float[][] in = new float[4][1];
      for (float[] step : in) {
        step[0] = 0.5f;
      }
      float[] mask = new float[4];
      Arrays.fill(mask, 1f);
      return new Trial(
          in,
          null,
          new int[] {0, 0, 0, gt},
          mask,
          List.of(
              new Period("fixation", 0, 1),
              new Period("stimulus", 1, 3),
              new Period("decision", 3, 4)),
          Map.of("groundTruth", gt));
    }
  }

  /**
   * {@link Choices} as a go/no-go task: outputs {@code fixate, go}, ground truth 0 (no-go, keep
   * fixating) or 1 (go), as NeuroGym's {@code GoNogo}.
   */
  static final class GoOrNoGo extends Delegating {
    GoOrNoGo() {
      super(new Choices(true));
    }

    @Override
    public List<String> outputChannels() {
      return List.of("fixate", "go");
    }

    @Override
    public List<Integer> groundTruthChoices() {
      return List.of(0, 1);
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      return newTrial(random, Map.of());
    }

    @Override
    public Trial newTrial(RandomGenerator random, Map<String, Object> conditions) {
      Map<String, Object> given = new java.util.HashMap<>(conditions);
      given.putIfAbsent(GROUND_TRUTH, random.nextInt(2));
      return inner.newTrial(random, given);
    }
  }

  private static OpenLoopTask wrap(
      org.rnnlab.api.task.TaskWrapper wrapper, OpenLoopTask inner, Map<String, ?> values) {
    Parameters p = ComponentContract.parameters(wrapper, values);
    return wrapper.wrap(inner, p);
  }

  @Test
  void wrappersAreWellDeclaredAndKeepTasksWellFormed() {
    ComponentContract.assertWellDeclared(new InputNoise());
    ComponentContract.assertWellDeclared(new SideBias());
    TaskContract.assertTrialsWellFormed(wrap(new InputNoise(), new Choices(true), Map.of()), 20, 1);
    TaskContract.assertTrialsWellFormed(wrap(new SideBias(), new Choices(true), Map.of()), 20, 1);
  }

  @Test
  void inputNoiseAddsGaussianNoiseOfTheGivenStdToEveryInput() {
    OpenLoopTask noisy = wrap(new InputNoise(), new Choices(true), Map.of("std", 0.3));
    SplittableRandom random = new SplittableRandom(2);
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int i = 0; i < 2000; i++) {
      for (float[] step : noisy.newTrial(random).inputs()) {
        double e = step[0] - 0.5;
        sum += e;
        squares += e * e;
        n++;
      }
    }
    assertThat(sum / n).isCloseTo(0, within(0.01));
    assertThat(Math.sqrt(squares / n)).isCloseTo(0.3, within(0.01));
  }

  @Test
  void sideBiasDrawsTheGroundTruthFromTheBlocksProbabilities() {
    OpenLoopTask biased =
        wrap(new SideBias(), new Choices(true), Map.of("probs", List.of(0.9, 0.1, 0.1, 0.9)));
    int[][] counts = countsByBlockAndGroundTruth(biased, 3, 3);
    for (int block = 0; block < 2; block++) {
      double p1 = (double) counts[block][1] / (counts[block][1] + counts[block][2]);
      assertThat(p1).isCloseTo(block == 0 ? 0.9 : 0.1, within(0.03));
    }
  }

  /** Trials of two side-bias blocks counted as {@code [block][groundTruth]}, over 4000 trials. */
  private static int[][] countsByBlockAndGroundTruth(OpenLoopTask biased, long seed, int classes) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] counts = new int[2][classes];
    for (int i = 0; i < 4000; i++) {
      Trial t = biased.newTrial(random);
      counts[(Integer) t.metadata().get("block")][(Integer) t.metadata().get("groundTruth")]++;
    }
    return counts;
  }

  @Test
  void blocksSwitchAfterBlockTrialsTheFirstBlockBeingOneShorterAsInNeuroGym() {
    OpenLoopTask biased = wrap(new SideBias(), new Choices(true), Map.of("blockTrials", 5));
    SplittableRandom random = new SplittableRandom(4);
    int[] blocks = new int[24];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = (Integer) biased.newTrial(random).metadata().get("block");
    }
    List<Integer> switches = List.of(4, 9, 14, 19);
    for (int i = 1; i < blocks.length; i++) {
      boolean switched = blocks[i] != blocks[i - 1];
      assertThat(switched).as("switch before trial %d", i).isEqualTo(switches.contains(i));
    }
  }

  @Test
  void sideBiasExplainsWhatDoesNotFit() {
    assertThatThrownBy(() -> wrap(new SideBias(), new Choices(false), Map.of()))
        .hasMessageContaining("can be given its ground truth");
    assertThatThrownBy(
            () -> wrap(new SideBias(), new Choices(true), Map.of("probs", List.of(0.5, 0.3, 0.2))))
        .hasMessageContaining("not a whole number of rows of 2 choices");
    assertThatThrownBy(
            () -> wrap(new SideBias(), new Choices(true), Map.of("probs", List.of(0.5, 0.3))))
        .hasMessageContaining("sums to 0.8");
  }

  @Test
  void reactionTimeMakesTheAnswerTheTargetFromTheSecondStimulusStepOn() {
    OpenLoopTask rt = wrap(new ReactionTime(), new Choices(true), Map.of());
    ComponentContract.assertWellDeclared(new ReactionTime());
    TaskContract.assertTrialsWellFormed(rt, 20, 5);

    Trial t = rt.newTrial(new SplittableRandom(1));

    int gt = (Integer) t.metadata().get("groundTruth");
    assertThat(t.classTargets()).containsExactly(0, 0, gt, gt);
    assertThat(t.metadata()).containsEntry("reactionTime", true);
  }

  @Test
  void trialHistoryAlternatesWithRepeatProbabilityZeroAndRepeatsAsOftenAsAsked() {
    ComponentContract.assertWellDeclared(new TrialHistory());
    OpenLoopTask alternating =
        wrap(
            new TrialHistory(),
            new Choices(true),
            Map.of("repeatProbabilities", List.of(0.0, 0.0)));
    SplittableRandom random = new SplittableRandom(6);
    int previous = (Integer) alternating.newTrial(random).metadata().get("groundTruth");
    assertThat(previous).isEqualTo(1);
    for (int i = 0; i < 50; i++) {
      int gt = (Integer) alternating.newTrial(random).metadata().get("groundTruth");
      assertThat(gt).isNotEqualTo(previous);
      previous = gt;
    }

    OpenLoopTask sticky =
        wrap(
            new TrialHistory(),
            new Choices(true),
            Map.of("repeatProbabilities", List.of(0.8, 0.8), "blockTrials", 1000));
    SplittableRandom r = new SplittableRandom(7);
    int last = (Integer) sticky.newTrial(r).metadata().get("groundTruth");
    int repeats = 0;
    int n = 4000;
    for (int i = 0; i < n; i++) {
      int gt = (Integer) sticky.newTrial(r).metadata().get("groundTruth");
      repeats += gt == last ? 1 : 0;
      last = gt;
    }
    assertThat((double) repeats / n).isCloseTo(0.8, within(0.03));
  }

  @Test
  void onGoNoGoSideBiasAndTrialHistoryChooseBetweenNoGoAndGoInTheTasksOrder() {
    OpenLoopTask rareGo =
        wrap(
            new SideBias(),
            wrap(new InputNoise(), new GoOrNoGo(), Map.of()),
            Map.of("probs", List.of(0.8, 0.2, 0.2, 0.8)));
    int[][] counts = countsByBlockAndGroundTruth(rareGo, 4, 2);
    for (int block = 0; block < 2; block++) {
      double noGo = (double) counts[block][0] / (counts[block][0] + counts[block][1]);
      assertThat(noGo).as("block %d", block).isCloseTo(block == 0 ? 0.8 : 0.2, within(0.03));
    }
    assertThatThrownBy(
            () -> wrap(new SideBias(), new GoOrNoGo(), Map.of("probs", List.of(0.2, 0.3, 0.5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in the order [0, 1]");

    OpenLoopTask alternating =
        wrap(new TrialHistory(), new GoOrNoGo(), Map.of("repeatProbabilities", List.of(0.0, 0.0)));
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 20; i++) {
      assertThat(alternating.newTrial(r).metadata()).containsEntry("groundTruth", i % 2);
    }
  }

  /** {@link Choices} whose trials give a 2-value initial condition, drawn after the trial. */
  static final class ChoicesWithStart extends Delegating {
    ChoicesWithStart() {
      super(new Choices(true));
    }

    @Override
    public int initialConditionSize() {
      return 2;
    }

    @Override
    public Trial newTrial(RandomGenerator random, Map<String, Object> conditions) {
      Trial trial = inner.newTrial(random, conditions);
      return trial.withInitialCondition(
          new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()});
    }
  }

  @Test
  void everyWrapperKeepsTheTrialsInitialConditionsAndTheirSize() {
    List<org.rnnlab.api.task.TaskWrapper> wrappers =
        List.of(new InputNoise(), new SideBias(), new ReactionTime(), new TrialHistory());
    for (org.rnnlab.api.task.TaskWrapper wrapper : wrappers) {
      OpenLoopTask wrapped = wrap(wrapper, new ChoicesWithStart(), Map.of());

      assertThat(wrapped.initialConditionSize()).as(wrapper.id()).isEqualTo(2);
      TaskContract.assertTrialsWellFormed(wrapped, 10, 3);
      SplittableRandom random = new SplittableRandom(4);
      assertThat(wrapped.newTrial(random).initialCondition()).as(wrapper.id()).hasSize(2);
    }
  }
}
