package org.rnnlab.cli.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.task.Trial;
import org.rnnlab.core.io.Npz;

class TrialArchiveTest {

  private final ConfiguredTask task = ContinuousTask.configured(2);
  private final List<Trial> trials = task.draw(3, 0); // 30, 20 and 30 steps

  @Test
  void continuousTargetsArePaddedWithZerosAndMaskedOut() {
    Map<String, Npz.Array> arrays = new TrialArchive(task, 0, trials).arrays();

    assertThat(arrays).doesNotContainKey("class_targets");
    assertThat(arrays.get("inputs").shape()).containsExactly(3, 30, 2);
    assertThat(arrays.get("targets").shape()).containsExactly(3, 30, 2);
    assertThat(arrays.get("lengths").floats()).containsExactly(30f, 20f, 30f);
    float[] mask = arrays.get("mask").floats();
    float[] targets = arrays.get("targets").floats();
    for (int s = 20; s < 30; s++) { // the padding of the second trial
      assertThat(mask[30 + s]).isZero();
      assertThat(targets[(30 + s) * 2]).isZero();
      assertThat(targets[(30 + s) * 2 + 1]).isZero();
    }
  }

  @Test
  void periodsAreTheUnionInFirstSeenOrderWithMinusOneWhereMissing() {
    TrialArchive archive = new TrialArchive(task, 0, trials);
    Map<String, Npz.Array> arrays = archive.arrays();

    assertThat(archive.periodNames()).containsExactly("cue", "delay", "go");
    assertThat(arrays.get("period_start").shape()).containsExactly(3, 3);
    assertThat(arrays.get("period_start").floats())
        .containsExactly(0, 10, 20, /* no delay */ 0, -1, 10, 0, 10, 20);
    assertThat(arrays.get("period_end").floats())
        .containsExactly(10, 20, 30, 10, -1, 20, 10, 20, 30);
  }

  @Test
  void numericAndBooleanMetadataBecomeArraysAndTextStaysInTheSidecar() {
    TrialArchive archive = new TrialArchive(task, 5, trials);
    Map<String, Npz.Array> arrays = archive.arrays();
    Map<String, Object> sidecar = archive.sidecar();

    assertThat(arrays).containsKeys("meta_angle", "meta_delayed").doesNotContainKey("meta_label");
    assertThat(arrays.get("meta_angle").dtype()).isEqualTo("<f8");
    assertThat(arrays.get("meta_delayed").floats()).containsExactly(1, 0, 1);
    assertThat(sidecar)
        .containsEntry("seed", 5L)
        .containsEntry("target_kind", "continuous")
        .containsEntry("output_channels", List.of("x", "y"))
        .containsEntry("numeric_metadata", List.of("angle", "delayed"));
    @SuppressWarnings("unchecked")
    Map<String, Object> second = ((List<Map<String, Object>>) sidecar.get("trials")).get(1);
    assertThat(second).containsEntry("steps", 20);
    assertThat(second.get("periods"))
        .isEqualTo(Map.of("cue", List.of(0, 10), "go", List.of(10, 20)));
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) second.get("metadata");
    assertThat(metadata).containsEntry("delayed", false).containsEntry("label", "short");
  }
}
