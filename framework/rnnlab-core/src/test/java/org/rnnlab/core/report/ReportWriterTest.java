package org.rnnlab.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.analysis.LinePlot;

class ReportWriterTest {

  private static final String RUN_ID = "20250101-120000-ab12cd";

  @TempDir Path tmp;

  @Test
  void writesReportHtmlIntoTheRunFolder() throws IOException {
    Path run = SampleRun.create(tmp.resolve("runs/yang-2019-pdm/" + RUN_ID));

    Path report = ReportWriter.write(run);

    assertThat(report).isEqualTo(run.resolve("report.html")).isRegularFile();
    assertThat(Files.readString(report))
        .startsWith("<!DOCTYPE html>")
        .contains("<title>yang-2019-pdm — " + RUN_ID + "</title>")
        .contains("<h1>yang-2019-pdm</h1>")
        .contains(RUN_ID);
  }

  @Test
  void showsTheSummaryNumbersWithNestedKeysFlattened() throws IOException {
    String html = Files.readString(ReportWriter.write(SampleRun.create(runDir())));

    assertThat(html)
        .contains("id=\"summary\"")
        .contains("<th scope=\"row\">final_loss</th><td>0.0123</td>")
        .contains("<th scope=\"row\">steps</th><td>2000</td>")
        .contains("<th scope=\"row\">decision-accuracy.accuracy</th><td>0.95</td>")
        .contains("<th scope=\"row\">decision-accuracy.psychometric.slope</th><td>0.12</td>")
        .contains("<th scope=\"row\">diverged_term</th><td>NaN</td>");
  }

  @Test
  void showsEachAnalysisWithItsMetricsFiguresAndFiles() throws IOException {
    String html = Files.readString(ReportWriter.write(SampleRun.create(runDir())));

    assertThat(html)
        .contains("id=\"analyses\"")
        .contains("<h3>decision-accuracy</h3>")
        .contains("<img src=\"analysis/decision-accuracy/psychometric.png\"")
        .contains("<th scope=\"row\">psychometric.bias</th><td>-0.4</td>")
        .contains("<table class=\"matrix\"><tr><td>45</td><td>5</td></tr>")
        .contains("[0, 3.2, 6.4, 12.8, 25.6, 51.2]")
        .contains("href=\"analysis/decision-accuracy/choices.npz\"");
    assertThat(html.indexOf("<h3>decision-accuracy</h3>"))
        .as("analyses sorted by id")
        .isLessThan(html.indexOf("<h3>fixed-points</h3>"));
  }

  @Test
  void showsTheLossCurveSpecProvenanceAndLinksToRunFiles() throws IOException {
    String html = Files.readString(ReportWriter.write(SampleRun.create(runDir())));

    assertThat(html)
        .contains("<img src=\"loss-curve.png\"")
        .contains("<pre class=\"spec\">name: yang-2019-pdm\n")
        .contains("<th scope=\"row\">versions.djl</th><td>0.35.1</td>")
        .contains("<th scope=\"row\">seeds.task</th><td>1234</td>")
        .contains("<th scope=\"row\">started</th><td>2025-01-01T12:00:00Z</td>")
        .contains("href=\"metrics.csv\"")
        .contains("href=\"checkpoints/model-0002.params\"")
        .contains("href=\"evaluation/hidden.npz\"")
        .doesNotContain("href=\"report.html\"");
  }

  @Test
  void escapesTextFromTheRunFolder() throws IOException {
    String html = Files.readString(ReportWriter.write(SampleRun.create(runDir())));

    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("# threshold &lt; 0.5 &amp; &quot;quoted&quot;")
        .doesNotContainIgnoringCase("<script");
  }

  @Test
  void isSelfContained() throws IOException {
    String html = Files.readString(ReportWriter.write(SampleRun.create(runDir())));

    assertThat(html)
        .doesNotContainPattern("(?i)https?:|//[a-z]")
        .doesNotContainPattern("(?i)<link|<script|@import|url\\(")
        .contains("<style>");
  }

  @Test
  void isIdenticalWhenWrittenTwice() throws IOException {
    Path run = SampleRun.create(runDir());

    String first = Files.readString(ReportWriter.write(run));
    String second = Files.readString(ReportWriter.write(run));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void aFolderWithOnlyTheSpecStillGetsAReport() throws IOException {
    Path run = Files.createDirectories(runDir());
    Files.writeString(run.resolve("spec.yaml"), "name: early-stop\nseed: 1\n");

    String html = Files.readString(ReportWriter.write(run));

    assertThat(html)
        .contains("<h1>early-stop</h1>")
        .contains("There is no summary.json")
        .contains("<pre class=\"spec\">name: early-stop\nseed: 1\n</pre>")
        .doesNotContain("id=\"summary\"")
        .doesNotContain("id=\"analyses\"");
  }

  @Test
  void anEmptyFolderGetsAReportNamedAfterItsParent() throws IOException {
    Path run = Files.createDirectories(runDir());

    String html = Files.readString(ReportWriter.write(run));

    assertThat(html).contains("<h1>yang-2019-pdm</h1>").contains(RUN_ID);
  }

  @Test
  void unreadableFilesAreReportedOnThePageNotThrown() throws IOException {
    Path run = Files.createDirectories(runDir());
    Files.writeString(run.resolve("summary.json"), "{\"accuracy\": 0.9,");
    Files.writeString(run.resolve("spec.yaml"), "name: [unclosed\n");
    Files.createDirectories(run.resolve("analysis/empty"));

    String html = Files.readString(ReportWriter.write(run));

    assertThat(html)
        .contains("Could not read summary.json")
        .contains("<h1>yang-2019-pdm</h1>")
        .contains("name: [unclosed")
        .contains("This analysis wrote no files.")
        .doesNotContain(tmp.toString());
  }

  @Test
  void encodesFileNamesInLinks() throws IOException {
    Path run = Files.createDirectories(runDir());
    Path odd = Files.createDirectories(run.resolve("analysis/a b")).resolve("50% #1 <x>.png");
    FigureRenderer.writePng(LinePlot.of("t", "x", "y"), odd);

    String html = Files.readString(ReportWriter.write(run));

    assertThat(html)
        .contains("<img src=\"analysis/a%20b/50%25%20%231%20%3Cx%3E.png\"")
        .contains("<figcaption>50% #1 &lt;x&gt;.png</figcaption>");
  }

  @Test
  void ignoresHiddenFiles() throws IOException {
    Path run = Files.createDirectories(runDir());
    Files.writeString(run.resolve(".report.html.1234.tmp"), "partial");

    String html = Files.readString(ReportWriter.write(run));

    assertThat(html).doesNotContain(".report.html.1234.tmp");
  }

  @Test
  void rejectsAMissingFolderOrAFile() throws IOException {
    assertThatThrownBy(() -> ReportWriter.write(tmp.resolve("missing")))
        .isInstanceOf(NoSuchFileException.class);
    Path file = Files.writeString(tmp.resolve("file"), "");
    assertThatThrownBy(() -> ReportWriter.write(file)).isInstanceOf(NotDirectoryException.class);
  }

  private Path runDir() {
    return tmp.resolve("runs/yang-2019-pdm/" + RUN_ID);
  }

  /** A complete run folder, as the runner leaves it after a finished run. */
  static final class SampleRun {

    static Path create(Path run) throws IOException {
      Files.createDirectories(run);
      Files.writeString(
          run.resolve("spec.yaml"),
          """
          name: yang-2019-pdm
          seed: 42
          # threshold < 0.5 & "quoted"
          task: { id: perceptual-decision-making, dt: 20, timing: { stimulus: 1000 } }
          model: { id: leaky-rnn, hidden: 128, tau: 100, activation: relu }
          loss: [ { id: cross-entropy, weight: 1.0 } ]
          train: { optimizer: { id: adam, lr: 0.01 }, steps: 2000, batch: 16 }
          analyses: [ { id: decision-accuracy, trials: 200 }, { id: fixed-points } ]
          """);

      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("final_loss", 0.0123);
      summary.put("steps", 2000);
      summary.put("diverged_term", Double.NaN);
      summary.put(
          "decision-accuracy",
          map("accuracy", 0.95, "psychometric", map("bias", -0.4, "slope", 0.12)));
      summary.put("note", "<script>alert('x')</script>");
      Json.write(summary, run.resolve("summary.json"));

      Json.write(
          map(
              "rnnlab",
              "0.1.0-SNAPSHOT",
              "versions",
              map("djl", "0.35.1", "pytorch", "2.7.1", "java", "17.0.15"),
              "seeds",
              map("experiment", 42, "task", 1234, "model", 5678),
              "started",
              "2025-01-01T12:00:00Z",
              "ended",
              "2025-01-01T12:03:41Z",
              "device",
              "cpu"),
          run.resolve("provenance.json"));

      StringBuilder csv =
          new StringBuilder(
              "step,loss,loss/cross-entropy,loss/rate-l2,learning_rate,grad_norm,wall_time_s\n");
      java.util.Random random = new java.util.Random(42);
      for (int step = 1; step <= 2000; step++) {
        double ce = 0.7 * Math.exp(-step / 300.0) + 0.01 + 0.01 * random.nextDouble();
        double l2 = 2e-3 * (1 - Math.exp(-step / 500.0));
        csv.append(step)
            .append(',')
            .append(ce + l2)
            .append(',')
            .append(ce)
            .append(',')
            .append(l2)
            .append(",0.01,")
            .append(1 + random.nextDouble())
            .append(',')
            .append(step * 0.11)
            .append('\n');
      }
      Files.writeString(run.resolve("metrics.csv"), csv);
      LossCurve.write(run.resolve("metrics.csv"), run.resolve("loss-curve.png"));

      Path accuracy = Files.createDirectories(run.resolve("analysis/decision-accuracy"));
      Json.write(
          map(
              "accuracy",
              0.95,
              "psychometric",
              map("bias", -0.4, "slope", 0.12),
              "coherences",
              List.of(0, 3.2, 6.4, 12.8, 25.6, 51.2),
              "confusion",
              List.of(List.of(45, 5), List.of(3, 47))),
          accuracy.resolve("metrics.json"));
      double[] coherence = {-51.2, -25.6, -12.8, -6.4, -3.2, 0, 3.2, 6.4, 12.8, 25.6, 51.2};
      double[] pRight = new double[coherence.length];
      double[] fit = new double[coherence.length];
      for (int i = 0; i < coherence.length; i++) {
        fit[i] = 1 / (1 + Math.exp(-0.12 * (coherence[i] + 0.4)));
        pRight[i] = Math.min(1, Math.max(0, fit[i] + 0.04 * Math.sin(i * 3.3)));
      }
      FigureRenderer.writePng(
          LinePlot.of("Psychometric curve", "coherence (%)", "P(choose right)")
              .with(new LinePlot.Series("network", coherence, pRight, true))
              .with(new LinePlot.Series("logistic fit", coherence, fit, false)),
          accuracy.resolve("psychometric.png"));
      Files.write(accuracy.resolve("choices.npz"), new byte[] {0x50, 0x4b, 3, 4});

      Path fixedPoints = Files.createDirectories(run.resolve("analysis/fixed-points"));
      Json.write(
          map(
              "count",
              3,
              "speeds",
              List.of(1.2e-7, 3.4e-6, 2.2e-5),
              "stable",
              List.of(true, false, true)),
          fixedPoints.resolve("metrics.json"));

      Files.write(
          Files.createDirectories(run.resolve("checkpoints")).resolve("model-0002.params"),
          new byte[4096]);
      Files.write(run.resolve("checkpoints/model.npz"), new byte[2048]);
      Files.write(
          Files.createDirectories(run.resolve("evaluation")).resolve("hidden.npz"),
          new byte[3 * 1024 * 1024]);
      return run;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
      return map;
    }
  }
}
