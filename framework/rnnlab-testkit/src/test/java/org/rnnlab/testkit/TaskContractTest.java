package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

class TaskContractTest {

  /** Two-step trials whose cue is drawn from the generator, plus an optional hidden counter. */
  static class CueTask implements OpenLoopTask {
    private final boolean leaksState;
    private final int targetClass;
    private final AtomicInteger drawn = new AtomicInteger();

    CueTask(boolean leaksState, int targetClass) {
      this.leaksState = leaksState;
      this.targetClass = targetClass;
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
      return List.of("no", "yes");
    }

    @Override
    public TargetKind targetKind() {
      return TargetKind.CLASS_INDEX;
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      float cue = (float) random.nextGaussian() + (leaksState ? drawn.incrementAndGet() : 0);
      return new Trial(
          new float[][] {{cue}, {0}},
          null,
          new int[] {0, targetClass},
          new float[] {1, 1},
          List.of(new Period("cue", 0, 1), new Period("response", 1, 2)),
          Map.of("cue", (double) cue));
    }
  }

  @Test
  void aDeterministicWellFormedTaskPasses() {
    assertThatCode(() -> TaskContract.assertTrialsWellFormed(new CueTask(false, 1), 10, 1L))
        .doesNotThrowAnyException();
  }

  @Test
  void randomnessFromOutsideTheGeneratorIsCaught() {
    assertThatThrownBy(() -> TaskContract.assertTrialsWellFormed(new CueTask(true, 1), 10, 1L))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("same seed");
  }

  @Test
  void aClassIndexWithoutAnOutputChannelIsCaught() {
    assertThatThrownBy(() -> TaskContract.assertTrialsWellFormed(new CueTask(false, 2), 1, 1L))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("names an output channel");
  }
}
