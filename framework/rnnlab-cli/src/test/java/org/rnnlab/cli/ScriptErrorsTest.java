package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear message naming the file and line or path, and exit code 2. */
class ScriptErrorsTest {

  @TempDir Path temp;

  private Cli.Outcome runScript(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text);
    return Cli.run("run", file.toString(), "--quiet", "--runs", temp.resolve("runs").toString());
  }

  private static void assertBadInput(Cli.Outcome o, String... fragments) {
    assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).startsWith("error: ").contains(fragments).doesNotContain("\tat ");
  }

  @Test
  void unknownTaskIdNamesTheClosestIds() throws IOException {
    Cli.Outcome o =
        runScript(
            "e.yaml",
            """
            name: e
            task: { id: perceptual-decision-makin }
            model: { id: leaky-rnn }
            loss: [ { id: cross-entropy } ]
            """);
    assertBadInput(
        o, "e.yaml:2", "unknown task 'perceptual-decision-makin'", "'perceptual-decision-making'");
  }

  @Test
  void unknownParameterListsTheValidOnes() throws IOException {
    Cli.Outcome o =
        runScript(
            "e.groovy",
            """
            experiment('e') {
              task 'perceptual-decision-making'
              model 'leaky-rnn', hiden: 64
              loss 'cross-entropy'
            }
            """);
    assertBadInput(o, "e.groovy:3", "unknown parameter 'hiden'", "did you mean 'hidden'?", "tau");
  }

  @Test
  void wrongTypeAndOutOfRangeValuesAreNamed() throws IOException {
    Cli.Outcome wrongType =
        runScript(
            "t.yaml",
            """
            task: { id: perceptual-decision-making, dt: fast }
            model: { id: leaky-rnn }
            loss: [ { id: cross-entropy } ]
            """);
    assertBadInput(wrongType, "t.yaml:1", "task.dt", "must be a number, got 'fast'");

    Cli.Outcome outOfRange =
        runScript(
            "r.yaml",
            """
            task: { id: perceptual-decision-making }
            model: { id: leaky-rnn, hidden: 0 }
            loss: [ { id: cross-entropy } ]
            """);
    assertBadInput(outOfRange, "r.yaml:2", "model.hidden", "must be at least 1");
  }

  @Test
  void malformedYamlAndGroovyReportTheLine() throws IOException {
    assertBadInput(
        runScript("m.yaml", "task: { id: perceptual-decision-making\nmodel: [\n"), "m.yaml");
    assertBadInput(
        runScript("m.groovy", "experiment('x') {\n  seed 42\n  task 'pdm', dt: \n}\n"),
        "m.groovy:");
  }

  @Test
  void yamlClassTagsAreRefused() throws IOException {
    Cli.Outcome o =
        runScript(
            "tag.yaml",
            "name: x\ntask: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
                + " [[!!java.net.URL [\"http://localhost/\"]]]]\n");
    assertBadInput(o, "tag.yaml:2");
  }

  @Test
  void aBadOverrideNamesTheOverride() throws IOException {
    Cli.Outcome o =
        Cli.run(
            "run",
            Cli.experiment("perceptual-decision-making/pdm.yaml").toString(),
            "--set",
            "train.steps=many",
            "--quiet",
            "--runs",
            temp.toString());
    assertBadInput(o, "--set (train.steps)", "must be a whole number, got 'many'");
  }

  @Test
  void valuesAComponentRejectsAreBadInputAndNothingIsWritten() throws IOException {
    Cli.Outcome o =
        runScript(
            "tau.yaml",
            """
            task: { id: perceptual-decision-making, dt: 20 }
            model: { id: leaky-rnn, tau: 10 }
            loss: [ { id: cross-entropy } ]
            """);
    assertBadInput(o, "tau.yaml (model)", "model 'leaky-rnn' rejected its parameters");
    assertThat(temp.resolve("runs")).doesNotExist();
  }

  @Test
  void aMissingScriptIsAnError() {
    Cli.Outcome o = Cli.run("run", temp.resolve("nope.groovy").toString());
    assertBadInput(o, "no experiment script at");
  }
}
