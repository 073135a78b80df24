package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  @Test
  void theProgressBarShowsTheLossToFourSignificantDigits() {
    assertThat(ConsoleProgress.formatLoss(0.44301f)).isEqualTo("loss 0.4430");
    assertThat(ConsoleProgress.formatLoss(1.5821e-5f)).isEqualTo("loss 1.582e-05");
    assertThat(ConsoleProgress.formatLoss(Float.NaN)).isEqualTo("loss NaN");
  }
}
