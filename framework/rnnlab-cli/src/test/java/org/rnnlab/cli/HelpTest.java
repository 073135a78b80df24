package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --help} on any command prints that command's usage and succeeds. */
class HelpTest {

  @ParameterizedTest(name = "rnnlab {0} --help")
  @CsvSource({
    "run, Usage: rnnlab run",
    "plugins, Usage: rnnlab plugins",
    "describe, Usage: rnnlab describe",
    "analyze, Usage: rnnlab analyze",
    "compare, Usage: rnnlab compare",
    "task, Usage: rnnlab task",
    "task show, Usage: rnnlab task show",
    "task sample, Usage: rnnlab task sample"
  })
  void printsTheCommandsUsageAndExitsZero(String command, String usage) {
    String[] words = command.split(" ");
    String[] args = new String[words.length + 1];
    System.arraycopy(words, 0, args, 0, words.length);
    args[words.length] = "--help";

    Cli.Outcome o = Cli.run(args);

    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains(usage).contains("--help");
    assertThat(o.err()).doesNotContain("Unknown option");
  }
}
