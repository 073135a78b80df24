package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogProgressTest {

  private final StringWriter text = new StringWriter();
  private long nowNanos;
  private final LogProgress progress =
      new LogProgress(new PrintWriter(text), Duration.ofSeconds(30), () -> nowNanos);

  private List<String> lines() {
    return text.toString().lines().toList();
  }

  private void step(int step, float loss, double atSeconds) {
    nowNanos = (long) (atSeconds * 1e9);
    progress.stepFinished(step, loss);
  }

  @Test
  void writesAtMostOneLinePerIntervalWithTheMeanLossSinceThePreviousLine() {
    progress.started(0, 1000);
    step(1, 1.0f, 10);
    step(2, 3.0f, 29.9);
    assertThat(lines()).containsExactly("train starts: 1,000 steps");

    step(3, 2.0f, 30);
    step(4, 0.5f, 45);
    assertThat(lines())
        .containsExactly(
            "train starts: 1,000 steps",
            "train step 3/1,000 (0.3%)  mean loss 2.000 over 3 steps  elapsed 0:00:30"
                + "  about 2:46:10 left");
  }

  @Test
  void theLastLineComesWhenTrainingEndsAndHasNoTimeLeft() {
    progress.started(0, 2);
    step(1, 1.0f, 1);
    step(2, 0.5f, 2);
    progress.finished();
    assertThat(lines())
        .containsExactly(
            "train starts: 2 steps",
            "train step 2/2 (100.0%)  mean loss 0.7500 over 2 steps  elapsed 0:00:02");
  }

  @Test
  void aResumedRunEstimatesTheTimeLeftFromThisLegsPaceOnly() {
    nowNanos = 0;
    progress.started(50_000, 150_000);
    step(50_100, 0.01f, 20);
    step(50_200, 0.01f, 40);
    assertThat(lines().get(0)).isEqualTo("train resumes at step 50,000 of 150,000 steps");
    // 200 steps in 40 s: 0.2 s per step, 99,800 steps left.
    assertThat(lines().get(1)).endsWith("elapsed 0:00:40  about 5:32:40 left");
  }

  @Test
  void noLineIsRepeatedWhenTrainingEndsRightAfterOne() {
    progress.started(0, 10);
    step(10, 0.1f, 31);
    progress.finished();
    assertThat(lines()).hasSize(2);
  }

  @Test
  void linesContainNoCarriageReturns() {
    progress.started(0, 3);
    for (int s = 1; s <= 3; s++) {
      step(s, 0.2f, 40.0 * s);
    }
    progress.finished();
    assertThat(text.toString()).doesNotContain("\r");
  }
}
