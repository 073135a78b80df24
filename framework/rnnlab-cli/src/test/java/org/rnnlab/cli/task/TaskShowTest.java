package org.rnnlab.cli.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.cli.Cli;

class TaskShowTest {

  private static final String PDM = "perceptual-decision-making";

  @TempDir Path temp;

  @Test
  void drawsTrialsIntoAPngThatDecodes() throws IOException {
    Path png = temp.resolve("pdm.png");

    Cli.Outcome o =
        Cli.run(
            "task",
            "show",
            PDM,
            "--set",
            "dt=20",
            "--set",
            "timing.stimulus=1000",
            "--out",
            png.toString());

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains(png.toString(), "3 trials", "dt 20 ms");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isBetween(800, 2000);
    assertThat(image.getHeight()).isBetween(400, 1000);
    assertThat(distinctColours(image)).as("a drawing, not a blank page").isGreaterThan(50);
    assertThat(temp).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void theSameSeedDrawsTheSameFigure() throws IOException {
    Path a = temp.resolve("a.png");
    Path b = temp.resolve("b.png");

    Cli.run("task", "show", PDM, "--trials", "2", "--seed", "7", "--out", a.toString());
    Cli.run("task", "show", PDM, "--trials", "2", "--seed", "7", "--out", b.toString());

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void anUnknownParameterIsBadInputNamingTheKeyAndTheValidOnes() {
    Path png = temp.resolve("x.png");

    Cli.Outcome o = Cli.run("task", "show", PDM, "--set", "dtt=20", "--out", png.toString());

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err())
        .startsWith("error: ")
        .contains("unknown parameter 'dtt'", "did you mean 'dt'?", "timing", "dimRing")
        .doesNotContain("\tat ");
    assertThat(png).doesNotExist();
  }

  @Test
  void aNestedParameterIsCheckedLikeAScriptsTaskMap() {
    Cli.Outcome wrongKey =
        Cli.run("task", "show", PDM, "--set", "timing.stimulu=500", "--out", "x.png");
    Cli.Outcome wrongType = Cli.run("task", "show", PDM, "--set", "dt=fast");

    assertThat(wrongKey.exitCode()).isEqualTo(2);
    assertThat(wrongKey.err()).contains("'stimulu'", "did you mean 'stimulus'?");
    assertThat(wrongType.exitCode()).isEqualTo(2);
    assertThat(wrongType.err()).contains("'dt'", "must be a number", "'fast'");
  }

  @Test
  void aValueTheTaskRejectsIsBadInput() {
    Cli.Outcome o = Cli.run("task", "show", PDM, "--set", "timing.decision=10", "--out", "x.png");

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("rejected its parameters", "decision");
  }

  @Test
  void aClosedLoopTaskIsBadInput() {
    Cli.Outcome o =
        Cli.run("task", "show", "point-mass", "--out", temp.resolve("p.png").toString());

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err())
        .contains("task show needs an open-loop task", "'point-mass' is closed-loop", PDM);
    assertThat(temp.resolve("p.png")).doesNotExist();
  }

  @Test
  void anUnknownTaskIdSuggestsTheClosest() {
    Cli.Outcome typo = Cli.run("task", "show", "perceptual-decision-makin");
    Cli.Outcome notATask = Cli.run("task", "show", "leaky-rnn");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("unknown task 'perceptual-decision-makin'", "'" + PDM + "'");
    assertThat(notATask.exitCode()).isEqualTo(2);
    assertThat(notATask.err()).contains("'leaky-rnn' is a model, not a task");
  }

  @Test
  void trialCountAndFileTypeAreChecked() {
    assertThat(Cli.run("task", "show", PDM, "--trials", "0").exitCode()).isEqualTo(2);
    assertThat(Cli.run("task", "show", PDM, "--trials", "11").err())
        .contains("between 1 and 10", "task sample");
    Cli.Outcome jpg = Cli.run("task", "show", PDM, "--out", "figure.jpg");
    assertThat(jpg.exitCode()).isEqualTo(2);
    assertThat(jpg.err()).contains(".png");
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
