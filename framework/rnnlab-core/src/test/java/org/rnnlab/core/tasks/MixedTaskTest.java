package org.rnnlab.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Trial;
import org.rnnlab.core.fixtures.InitialSignTask;
import org.rnnlab.core.fixtures.SignTask;
import org.rnnlab.core.fixtures.Specs;

class MixedTaskTest {

  private static OpenLoopTask sign(long stimulusSteps) {
    return (OpenLoopTask)
        new SignTask()
            .create(
                new Parameters(
                    Map.of(
                        "dt",
                        10.0,
                        "stimulusSteps",
                        stimulusSteps,
                        "noise",
                        0.5,
                        "timing",
                        Map.of("decision", 30.0))));
  }

  @Test
  void theRandomScheduleDrawsEveryTaskAndTagsTheTrials() {
    MixedTask mixed =
        new MixedTask(List.of("a", "b"), List.of(sign(2), sign(6)), TaskMixer.RANDOM, 1, false);
    SplittableRandom random = new SplittableRandom(1);
    List<Object> seen = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Trial t = mixed.newTrial(random);
      seen.add(t.metadata().get("task"));
      assertThat(t.steps()).isEqualTo(t.metadata().get("task").equals("a") ? 5 : 9);
    }
    assertThat(seen).contains("a", "b");
    assertThat(seen.stream().filter("a"::equals).count()).isBetween(70L, 130L);
  }

  @Test
  void theBlockScheduleKeepsOneTaskPerBlock() {
    MixedTask mixed =
        new MixedTask(List.of("a", "b"), List.of(sign(2), sign(6)), TaskMixer.BLOCK, 10, false);
    SplittableRandom random = new SplittableRandom(2);
    for (int block = 0; block < 5; block++) {
      Object first = mixed.newTrial(random).metadata().get("task");
      for (int i = 1; i < 10; i++) {
        assertThat(mixed.newTrial(random).metadata().get("task")).isEqualTo(first);
      }
    }
  }

  @Test
  void ruleInputsAreOneHotForTheWholeTrial() {
    MixedTask mixed =
        new MixedTask(List.of("a", "b"), List.of(sign(2), sign(6)), TaskMixer.RANDOM, 1, true);
    assertThat(mixed.inputChannels()).containsExactly("signal", "rule-a", "rule-b");
    Trial t = mixed.newTrial(new SplittableRandom(3));
    int index = (Integer) t.metadata().get("taskIndex");
    for (float[] step : t.inputs()) {
      assertThat(step[1 + index]).isEqualTo(1f);
      assertThat(step[2 - index]).isZero();
    }
  }

  @Test
  void tasksWithOtherTimeStepsCannotBeMixed() {
    OpenLoopTask coarse =
        (OpenLoopTask)
            new SignTask()
                .create(
                    new Parameters(
                        Map.of(
                            "dt",
                            20.0,
                            "stimulusSteps",
                            2L,
                            "noise",
                            0.5,
                            "timing",
                            Map.of("decision", 40.0))));

    assertThatThrownBy(
            () ->
                new MixedTask(
                    List.of("fine", "coarse"),
                    List.of(sign(2), coarse),
                    TaskMixer.RANDOM,
                    1,
                    false))
        .hasMessageContaining("'fine' and 'coarse' have different time steps");
  }

  @Test
  void aScriptCanMixTasksAndEachEntryIsCheckedAgainstItsOwnComponent() {
    Map<String, Object> tree = Specs.signTree(5);
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", "task-mixer");
    task.put("schedule", "block");
    task.put("tasks", List.of(Map.of("id", "sign"), Map.of("id", "sign", "stimulusSteps", 3L)));
    tree.put("task", task);

    ExperimentSpec spec = Specs.resolve(tree);

    @SuppressWarnings("unchecked")
    Map<String, Object> resolved = (Map<String, Object>) spec.tree().get("task");
    assertThat(resolved).containsEntry("schedule", "block").containsEntry("blockTrials", 50L);
    assertThat((List<?>) resolved.get("tasks")).hasSize(2);

    task.put("tasks", List.of(Map.of("id", "sign", "stimulusStep", 3L)));
    assertThatThrownBy(() -> Specs.resolve(tree))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("task.tasks[0].stimulusStep")
        .hasMessageContaining("did you mean 'stimulusSteps'?");
    task.put("tasks", List.of(Map.of("id", "task-mixer")));
    assertThatThrownBy(() -> Specs.resolve(tree)).hasMessageContaining("cannot be nested");
  }

  private static OpenLoopTask initialSign(long size) {
    return (OpenLoopTask)
        new InitialSignTask().create(new Parameters(Map.of("size", size, "steps", 4L)));
  }

  @Test
  void mixedTrialsKeepTheirInitialConditions() {
    OpenLoopTask task = initialSign(2);
    MixedTask mixed =
        new MixedTask(List.of("a", "b"), List.of(task, initialSign(2)), TaskMixer.RANDOM, 1, true);

    Trial t = mixed.newTrial(new SplittableRandom(5));

    assertThat(mixed.initialConditionSize()).isEqualTo(2);
    assertThat(t.initialCondition()).hasSize(2);
    assertThat(t.metadata().get("positive")).isEqualTo(t.initialCondition()[0] > 0);
  }

  @Test
  void tasksWithOtherInitialConditionSizesCannotBeMixed() {
    assertThatThrownBy(
            () ->
                new MixedTask(
                    List.of("two", "three"),
                    List.of(initialSign(2), initialSign(3)),
                    TaskMixer.RANDOM,
                    1,
                    false))
        .hasMessageContaining("'two' and 'three' give initial conditions of different sizes");
  }
}
