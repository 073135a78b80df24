package org.rnnlab.cli.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.task.Trial;

class TrialFigureTest {

  @ParameterizedTest(name = "{0} input channels")
  @ValueSource(ints = {1, TrialFigure.MAX_LINE_CHANNELS, 12}) // lines, lines, heatmap
  void drawsContinuousTargetsAndTrialsOfDifferentLengths(int inputs) {
    ConfiguredTask task = ContinuousTask.configured(inputs);
    List<Trial> trials = task.draw(3, 1);

    BufferedImage image = new TrialFigure(task, 1, trials).render();

    assertThat(image.getWidth()).isBetween(700, 2000);
    assertThat(image.getHeight()).isBetween(350, 1200);
  }

  @Test
  void theSameTrialsGiveTheSamePixels() {
    ConfiguredTask first = ContinuousTask.configured(3);
    ConfiguredTask second = ContinuousTask.configured(3);
    BufferedImage a = new TrialFigure(first, 0, first.draw(2, 0)).render();
    BufferedImage b = new TrialFigure(second, 0, second.draw(2, 0)).render();

    assertThat(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()))
        .isEqualTo(b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
  }

  @Test
  void numbersReadAsPeopleWriteThem() {
    assertThat(TrialFigure.number(20.0)).isEqualTo("20");
    assertThat(TrialFigure.number(0.5)).isEqualTo("0.5");
    assertThat(TrialFigure.number(3.141592653589793)).isEqualTo("3.142");
    assertThat(TrialFigure.number(-0.0)).isEqualTo("0");
    assertThat(TrialFigure.number(1.5e-5)).isEqualTo("1.5e-05");
    assertThat(TrialFigure.tickStep(260, 1)).isEqualTo(500);
    assertThat(TrialFigure.tickStep(0.34, 1)).isEqualTo(0.5);
  }
}
