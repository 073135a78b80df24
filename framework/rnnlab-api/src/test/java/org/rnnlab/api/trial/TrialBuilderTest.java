package org.rnnlab.api.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

class TrialBuilderTest {

  private static final ChannelLayout INPUTS =
      ChannelLayout.builder().single("fixation").group("stimulus", 2).build();
  private static final ChannelLayout OUTPUTS =
      ChannelLayout.builder().single("fixate").group("choice", 2).build();

  private TrialBuilder builder(double dtMs) {
    return new TrialBuilder(dtMs, INPUTS, OUTPUTS, TargetKind.CLASS_INDEX);
  }

  @Test
  void channelLayoutsNameGroupsAndTheirChannels() {
    assertThat(INPUTS.names()).containsExactly("fixation", "stimulus-1", "stimulus-2");
    assertThat(INPUTS.indices("stimulus")).containsExactly(1, 2);
    assertThat(INPUTS.index("stimulus-2")).isEqualTo(2);
    assertThatThrownBy(() -> INPUTS.indices("stim")).hasMessageContaining("[fixation, stimulus]");
  }

  @Test
  void sequentialPeriodsAreFlooredToTheStepGrid() {
    TrialBuilder b = builder(30);
    b.period("fixation", 100).period("stimulus", 1000).period("decision", 100);

    assertThat(b.period("fixation")).isEqualTo(new Period("fixation", 0, 3));
    assertThat(b.period("stimulus")).isEqualTo(new Period("stimulus", 3, 36));
    assertThat(b.period("decision")).isEqualTo(new Period("decision", 36, 39));
    assertThat(b.steps()).isEqualTo(39);
  }

  @Test
  void periodsCanBePlacedRelativeToOthers() {
    TrialBuilder b = builder(10);
    b.period("stimulus", 500).periodAfter("go", 100, "stimulus").periodBefore("cue", 200, "go");

    assertThat(b.period("go")).isEqualTo(new Period("go", 50, 60));
    assertThat(b.period("cue")).isEqualTo(new Period("cue", 30, 50));
    Trial t = b.build();
    assertThat(t.periods()).extracting(Period::name).containsExactly("stimulus", "cue", "go");
  }

  @Test
  void untilEndsAPeriodAtAnAbsoluteTime() {
    TrialBuilder b = builder(20);
    b.period("fixation", 300).period("wait", Timing.until(1000), new SplittableRandom(1));

    assertThat(b.period("wait")).isEqualTo(new Period("wait", 15, 50));
  }

  @Test
  void inputsTargetsAndNoiseStayInsideTheirPeriods() {
    TrialBuilder b = builder(20);
    b.periods(
        Map.of(
            "fixation", Timing.constant(100),
            "stimulus", Timing.constant(400),
            "decision", Timing.constant(100)),
        new SplittableRandom(1),
        "fixation",
        "stimulus",
        "decision");
    b.setInput(1, "fixation", "fixation", "stimulus");
    b.setInput(new float[] {0.6f, 0.4f}, "stimulus", "stimulus");
    b.addNoise(0.1, new SplittableRandom(2), "stimulus", "stimulus");
    b.classTarget(2, "decision");
    b.mask(0, "fixation");
    Trial t = b.build();

    Period stim = t.period("stimulus");
    Period decision = t.period("decision");
    for (int s = 0; s < t.steps(); s++) {
      boolean inStim = s >= stim.startStep() && s < stim.endStep();
      assertThat(t.inputs()[s][0]).isEqualTo(s < stim.endStep() ? 1f : 0f);
      if (!inStim) {
        assertThat(t.inputs()[s][1]).isZero();
      } else {
        assertThat(t.inputs()[s][1]).isCloseTo(0.6f, within(0.6f));
      }
      assertThat(t.classTargets()[s]).isEqualTo(s >= decision.startStep() ? 2 : 0);
      assertThat(t.mask()[s]).isEqualTo(s < t.period("fixation").endStep() ? 0f : 1f);
    }
  }

  @Test
  void periodsCannotBeAddedOnceArraysExist() {
    TrialBuilder b = builder(10);
    b.period("a", 100).setInput(1, "fixation");

    assertThatThrownBy(() -> b.period("b", 100)).hasMessageContaining("add all periods first");
  }

  @Test
  void targetsOfTheWrongKindAreRefused() {
    TrialBuilder b = builder(10);
    b.period("a", 100);

    assertThatThrownBy(() -> b.target(1f, "choice", "a")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.classTarget(3, "a")).hasMessageContaining("outside 0..2");
  }

  @Test
  void halvingDtKeepsDurationsInMilliseconds() {
    TrialBuilder coarse = builder(20).period("a", 300).period("b", 500);
    TrialBuilder fine = builder(10).period("a", 300).period("b", 500);

    assertThat(coarse.steps() * 20).isEqualTo(fine.steps() * 10);
    assertThat(coarse.startMs("b")).isEqualTo(fine.startMs("b"));
  }
}
