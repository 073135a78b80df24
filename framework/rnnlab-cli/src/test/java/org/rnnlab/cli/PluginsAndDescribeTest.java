package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsAndDescribeTest {

  @Test
  void pluginsListsEveryBundledComponentWithItsPlugin() {
    Cli.Outcome o = Cli.run("plugins");

    assertThat(o.exitCode()).isZero();
    assertThat(o.out())
        .contains("Tasks (")
        .containsPattern("perceptual-decision-making\\s+perceptual-decision-making 0\\.1\\.0")
        .containsPattern("point-mass\\s+point-mass")
        .containsPattern("leaky-rnn\\s+recurrent-models")
        .containsPattern("rnn\\s+recurrent-models")
        .containsPattern("cross-entropy\\s+losses")
        .containsPattern("mse\\s+losses")
        .containsPattern("decision-accuracy\\s+decision-accuracy")
        .containsPattern("context-decision-making\\s+cognitive-tasks")
        .containsPattern("yang-ctxdlydm2\\s+cognitive-tasks")
        .containsPattern("yang-accuracy\\s+cognitive-tasks");
  }

  @Test
  void describeShowsParametersWithDefaultsAndUnits() {
    Cli.Outcome o = Cli.run("describe", "leaky-rnn");

    assertThat(o.exitCode()).isZero();
    assertThat(o.out())
        .contains("leaky-rnn — model")
        .containsPattern("tau\\s+number\\s+100.0\\s+ms");
    assertThat(Cli.run("describe", "perceptual-decision-making").out())
        .containsPattern("timing\\.stimulus\\s+timing\\s+2000.0\\s+ms");
    assertThat(Cli.run("describe", "train").out()).containsPattern("steps\\s+integer\\s+1000");
    assertThat(Cli.run("describe", "task-mixer").out())
        .contains("trains one network on several tasks")
        .containsPattern("schedule\\s+choice\\s+random");
  }

  @Test
  void describeOfAnUnknownIdSuggestsTheClosest() {
    Cli.Outcome o = Cli.run("describe", "leaky-rn");

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("no component with id 'leaky-rn'").contains("'leaky-rnn'");
  }

  @Test
  void aBrokenJarInThePluginsFolderIsNamedAndSkipped(@TempDir Path temp) throws IOException {
    Files.write(temp.resolve("half-downloaded.jar"), new byte[] {0x50, 0x4b, 3});

    Cli.Outcome o = Cli.run("plugins", "--plugins", temp.toString());

    assertThat(o.exitCode()).isZero();
    assertThat(o.err()).contains("skipped plugin half-downloaded.jar");
    assertThat(o.out()).contains("perceptual-decision-making");
  }
}
