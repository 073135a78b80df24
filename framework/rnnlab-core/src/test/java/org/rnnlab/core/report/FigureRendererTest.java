package org.rnnlab.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.analysis.LinePlot;
import org.rnnlab.api.analysis.LinePlot.Series;

class FigureRendererTest {

  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  @TempDir Path dir;

  @Test
  void writesAn800By500PngThatImageIoDecodes() throws IOException {
    LinePlot plot =
        LinePlot.of("Psychometric curve", "coherence (%)", "P(right)")
            .with(
                new Series(
                    "data",
                    new double[] {-50, -10, 0, 10, 50},
                    new double[] {0, .2, .5, .8, 1},
                    true))
            .with(new Series("fit", new double[] {-50, 0, 50}, new double[] {.02, .5, .98}, false));
    Path png = dir.resolve("psychometric.png");

    FigureRenderer.writePng(plot, png);

    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(500);
  }

  @Test
  void backgroundIsWhite() throws IOException {
    Path png = dir.resolve("line.png");
    FigureRenderer.writePng(
        LinePlot.of("t", "x", "y")
            .with(new Series("a", new double[] {1, 2}, new double[] {3, 4}, false)),
        png);

    BufferedImage image = decode(png);
    assertThat(image.getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
    assertThat(image.getRGB(797, 497) & 0xffffff).isEqualTo(0xffffff);
  }

  @Test
  void anEmptyPlotGivesAnEmptyChartNotAnException() throws IOException {
    Path png = dir.resolve("empty.png");

    FigureRenderer.writePng(LinePlot.of("Nothing yet", "x", "y"), png);

    assertThat(decode(png).getWidth()).isEqualTo(800);
  }

  static Stream<Arguments> undrawableValues() {
    return Stream.of(
        Arguments.of("NaN in y", new double[] {1, 2, 3}, new double[] {1, NAN, 3}, false),
        Arguments.of("NaN in x", new double[] {1, NAN, 3}, new double[] {1, 2, 3}, false),
        Arguments.of("only NaN", new double[] {NAN, NAN}, new double[] {NAN, NAN}, false),
        Arguments.of("infinities", new double[] {1, 2, 3}, new double[] {-INF, 2, INF}, false),
        Arguments.of("no points", new double[0], new double[0], false),
        Arguments.of("one point", new double[] {1}, new double[] {1}, false),
        Arguments.of("log x at zero", new double[] {0, 1, 10}, new double[] {1, 2, 3}, true),
        Arguments.of("log x all negative", new double[] {-1, -2}, new double[] {1, 2}, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("undrawableValues")
  void valuesThatCannotBeDrawnAreSkipped(String label, double[] x, double[] y, boolean logX) {
    for (boolean markersOnly : new boolean[] {false, true}) {
      LinePlot plot = LinePlot.of(label, "x", "y").with(new Series(label, x, y, markersOnly));
      LinePlot withLog = logX ? plot.withLogX() : plot;
      Path png = dir.resolve(label.replace(' ', '-') + "-" + markersOnly + ".png");

      assertThatCode(() -> FigureRenderer.writePng(withLog, png)).doesNotThrowAnyException();
      assertThat(png).isRegularFile();
    }
  }

  @Test
  void duplicateAndMissingSeriesNamesAreAccepted() throws IOException {
    LinePlot plot =
        LinePlot.of("t", "x", "y")
            .with(new Series("same", new double[] {1, 2}, new double[] {1, 2}, false))
            .with(new Series("same", new double[] {1, 2}, new double[] {2, 1}, false))
            .with(new Series(null, new double[] {1, 2}, new double[] {0, 0}, true))
            .with(new Series("", new double[] {1, 2}, new double[] {3, 3}, true));
    Path png = dir.resolve("names.png");

    FigureRenderer.writePng(plot, png);

    assertThat(decode(png).getHeight()).isEqualTo(500);
  }

  @Test
  void createsParentFoldersAndReplacesAnExistingFile() throws IOException {
    Path png = dir.resolve("analysis/decision-accuracy/curve.png");
    LinePlot plot =
        LinePlot.of("t", "x", "y")
            .with(new Series("a", new double[] {1, 2}, new double[] {3, 4}, false));

    FigureRenderer.writePng(plot, png);
    FigureRenderer.writePng(plot, png);

    assertThat(decode(png).getWidth()).isEqualTo(800);
    try (Stream<Path> files = Files.list(png.getParent())) {
      assertThat(files).containsExactly(png);
    }
  }

  @Test
  void theSamePlotGivesTheSameBytes() throws IOException {
    LinePlot plot =
        LinePlot.of("t", "x", "y")
            .with(new Series("a", new double[] {1, 2, 3}, new double[] {3, 1, 2}, false))
            .with(new Series("b", new double[] {1, 2, 3}, new double[] {1, 2, 3}, true))
            .withLogX();
    Path first = dir.resolve("first.png");
    Path second = dir.resolve("second.png");

    FigureRenderer.writePng(plot, first);
    FigureRenderer.writePng(plot, second);

    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }

  static BufferedImage decode(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("decoded %s", png).isNotNull();
    return image;
  }
}
