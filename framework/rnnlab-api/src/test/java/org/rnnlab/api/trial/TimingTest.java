package org.rnnlab.api.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimingTest {

  @Test
  void readsEveryScriptForm() {
    assertThat(Timing.fromValue(500L)).isEqualTo(Timing.constant(500));
    assertThat(Timing.fromValue(List.of(300L, 500.0))).isEqualTo(Timing.choice(300, 500));
    assertThat(Timing.fromValue(Map.of("uniform", List.of(300, 700))))
        .isEqualTo(Timing.uniform(300, 700));
    assertThat(Timing.fromValue(Map.of("truncatedExponential", List.of(600, 300, 3000))))
        .isEqualTo(Timing.truncatedExponential(600, 300, 3000));
    assertThat(Timing.fromValue(Map.of("until", 2000))).isEqualTo(Timing.until(2000));
    assertThatThrownBy(() -> Timing.fromValue(Map.of("gamma", 3)))
        .hasMessageContaining("{uniform: [low, high]}");
  }

  @Test
  void theScriptFormRoundTrips() {
    for (Timing t :
        List.of(
            Timing.constant(100),
            Timing.uniform(1, 2),
            Timing.choice(3, 4),
            Timing.truncatedExponential(600, 300, 3000),
            Timing.until(5))) {
      assertThat(Timing.fromValue(t.toValue())).isEqualTo(t);
    }
  }

  @Test
  void truncatedExponentialStaysInItsRangeWithItsMean() {
    Timing t = Timing.truncatedExponential(600, 300, 3000);
    SplittableRandom random = new SplittableRandom(3);
    double sum = 0;
    int n = 20000;
    for (int i = 0; i < n; i++) {
      double v = t.sampleMs(random, 0);
      assertThat(v).isBetween(300.0, 3000.0);
      sum += v;
    }
    assertThat(sum / n).isCloseTo(t.meanMs(), within(10.0));
  }

  @Test
  void uniformAndChoiceSampleTheirSupport() {
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 1000; i++) {
      assertThat(Timing.uniform(800, 1500).sampleMs(random, 0)).isBetween(800.0, 1500.0);
      assertThat(Timing.choice(300, 500).sampleMs(random, 0)).isIn(300.0, 500.0);
    }
  }
}
