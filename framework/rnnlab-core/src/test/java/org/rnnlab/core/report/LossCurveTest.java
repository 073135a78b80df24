package org.rnnlab.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.analysis.LinePlot;

class LossCurveTest {

  private static final String HEADER =
      "step,loss,loss/cross-entropy,loss/rate-l2,learning_rate,grad_norm,wall_time_s";

  @TempDir Path dir;

  @Test
  void drawsALongRunWithLossTermsAsAn800By500Png() throws IOException {
    Path csv = syntheticRun(5000);
    Path png = dir.resolve("loss-curve.png");

    LossCurve.write(csv, png);

    BufferedImage image = FigureRendererTest.decode(png);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(500);
  }

  @Test
  void plotsLossEachTermAndAMovingAverageOnALogAxis() throws IOException {
    LossCurve.Curves curves = LossCurve.read(syntheticRun(5000));

    LinePlot plot = curves.plot();
    assertThat(plot.title()).isEqualTo("Training loss");
    assertThat(plot.xLabel()).isEqualTo("step");
    assertThat(plot.yLabel()).isEqualTo("loss");
    assertThat(plot.series())
        .extracting(LinePlot.Series::name)
        .containsExactly(
            "loss", "loss/cross-entropy", "loss/rate-l2", "loss (moving average over 100 rows)");
    assertThat(curves.logY()).isTrue();
  }

  @Test
  void drawsAtMostAbout2000PointsPerLineEndingAtTheLastStep() throws IOException {
    int rows = 123_457;
    LossCurve.Curves curves = LossCurve.read(syntheticRun(rows));

    for (LinePlot.Series s : curves.plot().series()) {
      assertThat(s.x().length).as(s.name()).isBetween(1000, LossCurve.MAX_POINTS + 1);
    }
    LinePlot.Series loss = curves.plot().series().get(0);
    assertThat(loss.x()[0]).isEqualTo(1);
    assertThat(loss.x()[loss.x().length - 1]).isEqualTo(rows);
  }

  @Test
  void theMovingAverageIsCentredOnItsWindow() throws IOException {
    // loss = step, so a centred average of any window equals the step it is drawn at.
    Path csv = dir.resolve("metrics.csv");
    StringBuilder text = new StringBuilder("step,loss\n");
    for (int step = 1; step <= 300; step++) {
      text.append(step).append(',').append(step).append('\n');
    }
    Files.writeString(csv, text);

    LinePlot.Series average = LossCurve.read(csv).plot().series().get(1);

    assertThat(average.name()).startsWith(LossCurve.MOVING_AVERAGE_PREFIX);
    assertThat(average.x()).isNotEmpty();
    for (int i = 0; i < average.x().length; i++) {
      assertThat(average.y()[i]).isCloseTo(average.x()[i], within(0.5001));
    }
  }

  @Test
  void shortRunsHaveNoMovingAverage() throws IOException {
    LossCurve.Curves curves = LossCurve.read(syntheticRun(LossCurve.SMOOTHING_MIN_ROWS));

    assertThat(curves.plot().series())
        .extracting(LinePlot.Series::name)
        .containsExactly("loss", "loss/cross-entropy", "loss/rate-l2");
    assertThat(curves.plot().series().get(0).x()).hasSize(LossCurve.SMOOTHING_MIN_ROWS);
  }

  @Test
  void usesALinearAxisWhenAValueIsNotPositive() throws IOException {
    Path csv = dir.resolve("metrics.csv");
    Files.writeString(csv, "step,loss\n1,0.5\n2,0.0\n3,-0.1\n");

    assertThat(LossCurve.read(csv).logY()).isFalse();
    LossCurve.write(csv, dir.resolve("loss-curve.png"));
  }

  @Test
  void readsMissingAndNonFiniteValuesAsGaps() throws IOException {
    Path csv = dir.resolve("metrics.csv");
    Files.writeString(
        csv, "\uFEFFstep,loss\r\n1,2.0\r\n2,nan\r\n3,\r\n4,inf\r\n\r\n5,oops\r\n6\r\n7,1.0\r\n");

    LossCurve.Curves curves = LossCurve.read(csv);

    LinePlot.Series loss = curves.plot().series().get(0);
    assertThat(loss.x()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(loss.y()[0]).isEqualTo(2.0);
    assertThat(loss.y()[3]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(loss.y()[6]).isEqualTo(1.0);
    assertThat(curves.logY()).isTrue();
    LossCurve.write(csv, dir.resolve("loss-curve.png"));
  }

  @Test
  void withoutAStepColumnTheRowNumberIsTheXAxis() throws IOException {
    Path csv = dir.resolve("metrics.csv");
    Files.writeString(csv, "loss,grad_norm\n0.9,1\n0.8,1\n0.7,1\n");

    LinePlot.Series loss = LossCurve.read(csv).plot().series().get(0);

    assertThat(loss.x()).containsExactly(0, 1, 2);
    assertThat(loss.y()).containsExactly(0.9, 0.8, 0.7);
  }

  @Test
  void anEmptyOrHeaderOnlyFileGivesAnEmptyFigure() throws IOException {
    for (String content : List.of("", HEADER + "\n", "step,learning_rate\n1,0.01\n")) {
      Path csv = dir.resolve("metrics.csv");
      Files.writeString(csv, content);
      Path png = dir.resolve("loss-curve.png");

      LossCurve.write(csv, png);

      assertThat(FigureRendererTest.decode(png).getWidth()).as(content).isEqualTo(800);
    }
  }

  @Test
  void aMissingFileIsAnError() {
    assertThatThrownBy(() -> LossCurve.write(dir.resolve("nope.csv"), dir.resolve("x.png")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void parsesNumbersAsJavaAndPythonWriteThem() {
    assertThat(LossCurve.parseNumber("1.5e-3")).isEqualTo(1.5e-3);
    assertThat(LossCurve.parseNumber("NaN")).isNaN();
    assertThat(LossCurve.parseNumber("nan")).isNaN();
    assertThat(LossCurve.parseNumber("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(LossCurve.parseNumber("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(LossCurve.parseNumber("")).isNaN();
    assertThat(LossCurve.parseNumber("n/a")).isNaN();
  }

  /** A run whose loss decays from about 2.3 with noise, logged every step from 1. */
  private Path syntheticRun(int rows) throws IOException {
    Path csv = dir.resolve("metrics.csv");
    java.util.Random random = new java.util.Random(7);
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      out.write(HEADER);
      out.newLine();
      for (int step = 1; step <= rows; step++) {
        double ce = 2.3 * Math.exp(-step / 800.0) + 0.02 + 0.05 * random.nextDouble();
        double l2 = 1e-3 * (1 + Math.sin(step / 300.0) * 0.5);
        // Appending doubles rather than String.format keeps 100k-row fixtures fast.
        out.append(Integer.toString(step))
            .append(',')
            .append(Double.toString(ce + l2))
            .append(',')
            .append(Double.toString(ce))
            .append(',')
            .append(Double.toString(l2))
            .append(",0.01,")
            .append(Double.toString(1 + random.nextDouble()))
            .append(',')
            .append(Double.toString(step * 0.012));
        out.newLine();
      }
    }
    return csv;
  }
}
