package org.rnnlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;

/** FILE parameters: where relative paths point, what a missing file says, what is stored. */
class FileParameterTest {

  private static final List<ParameterSpec> SPECS =
      List.of(ParameterSpec.file("mask", "A connectivity mask"));

  @TempDir Path temp;

  /** A script at {@code temp/study/pdm.yaml} that wrote {@code model.mask} on line 7. */
  private SpecDocument script(SourceLocation location) {
    String source = temp.resolve("study").resolve("pdm.yaml").toString();
    return new SpecDocument(
        source,
        Map.of(),
        Map.of(
            "model.mask",
            location == null ? new SourceLocation(source, 7, "model.mask") : location));
  }

  private Object bind(SpecDocument document, Object value) {
    return new ParameterBinder(document)
        .bind("model 'leaky-rnn'", "model", Map.of("mask", value), SPECS, List.of())
        .get("mask");
  }

  @Test
  void aRelativePathIsResolvedAgainstTheScriptsFolderAndStoredAbsolute() throws IOException {
    Path mask = Files.createDirectories(temp.resolve("study/masks")).resolve("rec.npy");
    Files.write(mask, new byte[] {1});

    assertThat(bind(script(null), "masks/rec.npy")).isEqualTo(mask.toAbsolutePath().toString());
    assertThat(bind(script(null), "../study/./masks/rec.npy"))
        .isEqualTo(mask.toAbsolutePath().normalize().toString());
    assertThat(bind(script(null), mask.toAbsolutePath().toString()))
        .isEqualTo(mask.toAbsolutePath().toString());
  }

  @Test
  void aMissingFileNamesTheScriptLineKeyAndResolvedPath() {
    SpecDocument document = script(null);
    Path expected = temp.resolve("study/masks/absent.npy").toAbsolutePath();

    assertThatThrownBy(() -> bind(document, "masks/absent.npy"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("pdm.yaml:7 (model.mask)")
        .hasMessageContaining("'mask' of model 'leaky-rnn'")
        .hasMessageContaining(expected + " does not exist")
        .hasMessageContaining("relative paths are resolved against the script's folder");
  }

  @Test
  void aFolderIsNotAFile() throws IOException {
    Files.createDirectories(temp.resolve("study/masks"));

    assertThatThrownBy(() -> bind(script(null), "masks"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("is not a readable file");
  }

  @Test
  void anOverrideFromTheCommandLineIsResolvedAgainstTheWorkingDirectory() throws IOException {
    Path target = Files.createDirectories(Path.of("target"));
    Path mask = Files.createTempFile(target, "mask", ".npy");
    try {
      SpecDocument document = script(new SourceLocation("--set", 0, "model.mask"));
      Path relative = Path.of("").toAbsolutePath().relativize(mask.toAbsolutePath());

      assertThat(bind(document, relative.toString())).isEqualTo(mask.toAbsolutePath().toString());
      assertThatThrownBy(() -> bind(document, "target/absent.npy"))
          .isInstanceOf(SpecException.class)
          .hasMessageContaining("--set (model.mask)")
          .hasMessageContaining("resolved against the working directory");
    } finally {
      Files.delete(mask);
    }
  }

  @Test
  void noFileIsTheEmptyTextByDefaultAndReadsAsNull() {
    Map<String, Object> bound =
        new ParameterBinder(script(null)).bind("model", "model", Map.of(), SPECS, List.of());
    assertThat(bound).containsEntry("mask", "");
    assertThat(new Parameters(bound).file("mask")).isNull();
    assertThat(bind(script(null), "")).isEqualTo("");
  }

  @Test
  void aFileIsWrittenAsText() {
    assertThatThrownBy(() -> bind(script(null), 3L))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("'mask' of model 'leaky-rnn' must be a file path (text), got 3");
  }

  @Test
  void aFileParameterNeedsATextDefault() {
    assertThatThrownBy(
            () ->
                new ParameterSpec(
                    "mask",
                    org.rnnlab.api.component.ParameterType.FILE,
                    null,
                    "",
                    "x",
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file parameter 'mask' needs a text default");
  }
}
