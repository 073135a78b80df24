package org.rnnlab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rnnlab.dsl.SpecErrors.errorAt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;

/** Reading experiment files from disk. */
class ExperimentReaderTest {

  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pdm.groovy", "pdm.yaml", "pdm.yml", "PDM.YAML", "pdm.Groovy"})
  void choosesTheFrontEndByExtension(String name) throws IOException {
    String text =
        name.toLowerCase().endsWith(".groovy")
            ? SameExperimentTest.GROOVY
            : SameExperimentTest.YAML;
    Path file = write(name, text);

    SpecDocument doc = ExperimentReader.read(file);

    assertThat(doc.tree()).isEqualTo(SameExperimentTest.TREE);
    assertThat(doc.source()).isEqualTo(file.toString());
    assertThat(doc.locate("task.dt").source()).isEqualTo(file.toString());
    assertThat(doc.locate("task.dt").line()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pdm.json", "pdm", "pdm.groovy.txt"})
  void refusesOtherExtensionsNamingTheValidOnes(String name) throws IOException {
    Path file = write(name, "name: x");
    assertThatThrownBy(() -> ExperimentReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(".groovy, .yaml or .yml");
  }

  @Test
  void errorsNameTheFileAsGiven() throws IOException {
    Path file = write("bad.yaml", "name: x\nseed: 1\nseed: 2\n");
    errorAt(file.toString(), 3, () -> ExperimentReader.read(file));
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedAtTheLineOfTheBadByte() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "name: x\nmodel: { id: caf\u00e9 }\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(errorAt(file.toString(), 2, () -> ExperimentReader.read(file)))
        .contains("not UTF-8");
  }

  @Test
  void aByteOrderMarkIsIgnored() throws IOException {
    Path file = write("bom.yaml", "\uFEFFname: x\n");
    assertThat(ExperimentReader.read(file).tree().get("name")).isEqualTo("x");
  }

  @Test
  void aMissingFileIsAnIoError() {
    assertThatThrownBy(() -> ExperimentReader.read(dir.resolve("missing.yaml")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
