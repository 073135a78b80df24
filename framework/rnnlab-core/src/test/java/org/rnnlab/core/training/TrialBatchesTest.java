package org.rnnlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.core.fixtures.InitialSignTask;

class TrialBatchesTest {

  /** Trials of 3 to 7 steps whose single input counts the trial's own steps: 1, 2, 3, … */
  private static final OpenLoopTask COUNTING =
      new OpenLoopTask() {
        @Override
        public double dtMs() {
          return 10;
        }

        @Override
        public List<String> inputChannels() {
          return List.of("count");
        }

        @Override
        public List<String> outputChannels() {
          return List.of("a", "b");
        }

        @Override
        public TargetKind targetKind() {
          return TargetKind.CLASS_INDEX;
        }

        @Override
        public Trial newTrial(RandomGenerator random) {
          int steps = 3 + random.nextInt(5);
          float[][] in = new float[steps][1];
          int[] classes = new int[steps];
          float[] mask = new float[steps];
          for (int t = 0; t < steps; t++) {
            in[t][0] = t + 1;
            classes[t] = t == steps - 1 ? 1 : 0;
            mask[t] = 1;
          }
          return new Trial(in, null, classes, mask, List.of(), Map.of("steps", steps));
        }
      };

  @Test
  void streamsConcatenateTrialsAcrossBatchBoundaries() {
    BatchSource source =
        TrialBatches.stream(COUNTING, 4, List.of(new SplittableRandom(1), new SplittableRandom(2)));

    List<Float> row0 = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Batch b = source.next();
      assertThat(b.inputs()).hasSize(2 * 4);
      for (int s = 0; s < 4; s++) {
        row0.add(b.inputs()[s]);
      }
    }
    // The stream of row 0 is trials laid end to end: each count restarts at 1 only after a trial's
    // last step, wherever the batch boundaries fall.
    for (int i = 1; i < row0.size(); i++) {
      assertThat(row0.get(i)).isIn(1f, row0.get(i - 1) + 1);
    }
    assertThat(row0.subList(4, row0.size())).contains(1f);
  }

  @Test
  void streamsAreReproducibleAndSkippable() {
    BatchSource a =
        TrialBatches.stream(COUNTING, 6, List.of(new SplittableRandom(5), new SplittableRandom(6)));
    BatchSource b =
        TrialBatches.stream(COUNTING, 6, List.of(new SplittableRandom(5), new SplittableRandom(6)));
    a.next();
    a.next();
    b.skip(2);

    assertThat(a.next().inputs()).isEqualTo(b.next().inputs());
  }

  @Test
  void trialAlignedBatchesPadWithMaskZeroAndRecordLengths() {
    Batch b = TrialBatches.trialAligned(COUNTING, 8, new SplittableRandom(3)).next();

    int max = 0;
    for (int r = 0; r < b.batchSize(); r++) {
      max = Math.max(max, b.lengths()[r]);
    }
    assertThat(b.steps()).isEqualTo(max);
    for (int r = 0; r < b.batchSize(); r++) {
      for (int s = 0; s < b.steps(); s++) {
        float expected = s < b.lengths()[r] ? 1 : 0;
        assertThat(b.mask()[r * b.steps() + s]).isEqualTo(expected);
        assertThat(b.inputs()[r * b.steps() + s]).isEqualTo(s < b.lengths()[r] ? s + 1 : 0);
      }
    }
    assertThat(b.trials()).hasSize(8);
  }

  /**
   * Like {@link #COUNTING}, with periods: fixation (first step), stimulus, decision (last step).
   */
  private static final OpenLoopTask WITH_PERIODS =
      new OpenLoopTask() {
        @Override
        public double dtMs() {
          return 10;
        }

        @Override
        public List<String> inputChannels() {
          return List.of("count");
        }

        @Override
        public List<String> outputChannels() {
          return List.of("a", "b");
        }

        @Override
        public TargetKind targetKind() {
          return TargetKind.CLASS_INDEX;
        }

        @Override
        public Trial newTrial(RandomGenerator random) {
          Trial t = COUNTING.newTrial(random);
          int steps = t.steps();
          return new Trial(
              t.inputs(),
              null,
              t.classTargets(),
              t.mask(),
              List.of(
                  new Period("fixation", 0, 1),
                  new Period("stimulus", 1, steps - 1),
                  new Period("decision", steps - 1, steps)),
              t.metadata());
        }
      };

  private static String label(Batch b, int i) {
    int index = b.periods()[i];
    return index == TrialBatches.NO_PERIOD ? null : b.periodNames().get(index);
  }

  @Test
  void trialAlignedBatchesLabelEveryStepWithItsPeriodAndPaddingWithNone() {
    Batch b = TrialBatches.trialAligned(WITH_PERIODS, 8, new SplittableRandom(3)).next();

    assertThat(b.periodNames()).containsExactly("fixation", "stimulus", "decision");
    for (int r = 0; r < b.batchSize(); r++) {
      int len = b.lengths()[r];
      for (int s = 0; s < b.steps(); s++) {
        String expected =
            s >= len ? null : s == 0 ? "fixation" : s == len - 1 ? "decision" : "stimulus";
        assertThat(label(b, r * b.steps() + s)).as("row %d step %d", r, s).isEqualTo(expected);
      }
    }
  }

  @Test
  void streamsLabelStepsWithThePeriodOfTheirTrialAcrossBatchBoundaries() {
    BatchSource source =
        TrialBatches.stream(
            WITH_PERIODS, 5, List.of(new SplittableRandom(1), new SplittableRandom(2)));
    for (int k = 0; k < 6; k++) {
      Batch b = source.next();
      for (int i = 0; i < b.batchSize() * b.steps(); i++) {
        // Counts restart at 1 on a trial's first step; class 1 marks its last step.
        String expected =
            b.inputs()[i] == 1f ? "fixation" : b.classTargets()[i] == 1 ? "decision" : "stimulus";
        assertThat(label(b, i)).as("batch %d element %d", k, i).isEqualTo(expected);
      }
    }
  }

  @Test
  void trialsWithoutPeriodsLeaveEveryStepUnlabelled() {
    Batch b = TrialBatches.trialAligned(COUNTING, 3, new SplittableRandom(3)).next();

    assertThat(b.periodNames()).isEmpty();
    assertThat(b.periods()).containsOnly(TrialBatches.NO_PERIOD);
  }

  private static OpenLoopTask initialSign(long size) {
    return (OpenLoopTask)
        new InitialSignTask().create(new Parameters(Map.of("size", size, "steps", 4L)));
  }

  @Test
  void trialAlignedBatchesCarryOneInitialConditionPerRow() {
    Batch b = TrialBatches.trialAligned(initialSign(3), 5, new SplittableRandom(4)).next();

    assertThat(b.initialConditionSize()).isEqualTo(3);
    assertThat(b.initialConditions()).hasSize(5 * 3);
    for (int r = 0; r < 5; r++) {
      float[] row = Arrays.copyOfRange(b.initialConditions(), r * 3, r * 3 + 3);
      assertThat(row).containsExactly(b.trials().get(r).initialCondition());
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(b.initialConditionsArray(manager).getShape()).isEqualTo(new Shape(5, 3));
    }
  }

  @Test
  void batchesOfTasksWithoutInitialConditionsHaveNone() {
    Batch aligned = TrialBatches.trialAligned(COUNTING, 3, new SplittableRandom(1)).next();
    Batch streamed = TrialBatches.stream(COUNTING, 4, List.of(new SplittableRandom(1))).next();

    assertThat(aligned.initialConditionSize()).isZero();
    assertThat(aligned.initialConditions()).isNull();
    assertThat(streamed.initialConditions()).isNull();
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(aligned.initialConditionsArray(manager)).isNull();
    }
  }

  @Test
  void streamsRefuseATaskWithInitialConditionsBecauseTheirSequencesStartMidTrial() {
    assertThatThrownBy(
            () -> TrialBatches.stream(initialSign(2), 10, List.of(new SplittableRandom(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start in the middle of a trial")
        .hasMessageContaining("set train.batching: trials");
  }

  @Test
  void aTrialWhoseInitialConditionDisagreesWithTheDeclaredSizeIsRejected() {
    OpenLoopTask declaresThree = initialSign(3);
    Trial shortOne = initialSign(2).newTrial(new SplittableRandom(1));
    Trial withIc = initialSign(2).newTrial(new SplittableRandom(1));

    assertThatThrownBy(() -> TrialBatches.padded(declaresThree, List.of(shortOne)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "task declares initialConditionSize 3 but produced a trial with an initial condition"
                + " of 2");
    assertThatThrownBy(() -> TrialBatches.padded(COUNTING, List.of(withIc)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declares initialConditionSize 0");
    assertThatThrownBy(
            () -> TrialBatches.padded(declaresThree, List.of(withIc.withInitialCondition(null))))
        .hasMessageContaining("no initial condition");
  }
}
