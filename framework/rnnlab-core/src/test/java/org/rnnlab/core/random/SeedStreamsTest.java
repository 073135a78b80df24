package org.rnnlab.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedStreamsTest {

  @Test
  void aStreamStartsAtTheSameStateEveryTime() {
    SeedStreams seeds = new SeedStreams(42);

    assertThat(seeds.stream("task").nextLong()).isEqualTo(seeds.stream("task").nextLong());
    assertThat(seeds.at("noise", 17).nextDouble()).isEqualTo(seeds.at("noise", 17).nextDouble());
  }

  @Test
  void streamsOfOneSeedAreDistinctAndDependOnTheSeed() {
    SeedStreams a = new SeedStreams(42);

    assertThat(a.streamSeed("task")).isNotEqualTo(a.streamSeed("init"));
    assertThat(a.at("noise", 1).nextLong()).isNotEqualTo(a.at("noise", 2).nextLong());
    assertThat(new SeedStreams(43).streamSeed("task")).isNotEqualTo(a.streamSeed("task"));
  }

  @Test
  void describeListsTheExperimentSeedAndEveryStandardStream() {
    assertThat(new SeedStreams(1).describe())
        .containsEntry("experiment", 1L)
        .containsKeys("task", "init", "noise", "evaluation", "evaluation-noise");
  }
}
