package org.rnnlab.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

  @TempDir Path dir;

  @Test
  void writesPrettyPrintedJsonInInsertionOrder() throws IOException {
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("stimulus", 1000);
    timing.put("delay", 0.5);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("zeta", "last letter, first key");
    values.put("accuracy", 0.875);
    values.put("timing", timing);
    values.put("coherences", List.of(0, 6.4, 51.2));
    values.put("empty", Map.of());
    values.put("none", null);
    Path file = dir.resolve("summary.json");

    Json.write(values, file);

    assertThat(Files.readString(file))
        .isEqualTo(
            """
            {
              "zeta": "last letter, first key",
              "accuracy": 0.875,
              "timing": {
                "stimulus": 1000,
                "delay": 0.5
              },
              "coherences": [ 0, 6.4, 51.2 ],
              "empty": {},
              "none": null
            }
            """);
  }

  @Test
  void writesNonFiniteNumbersAsStringsAndReadsThemBack() throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("loss", Double.NaN);
    values.put("max", Double.POSITIVE_INFINITY);
    values.put("min", Float.NEGATIVE_INFINITY);
    values.put("trace", new double[] {1.0, Double.NaN});
    Path file = dir.resolve("summary.json");

    Json.write(values, file);

    assertThat(Files.readString(file))
        .contains("\"loss\": \"NaN\"")
        .contains("\"max\": \"Infinity\"")
        .contains("\"min\": \"-Infinity\"")
        .contains("\"trace\": [ 1.0, \"NaN\" ]");
    Map<String, Object> read = Json.read(file);
    assertThat((Double) read.get("loss")).isNaN();
    assertThat(read.get("max")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(read.get("min")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat((List<?>) read.get("trace")).hasSize(2).first().isEqualTo(1.0);
    assertThat((Double) ((List<?>) read.get("trace")).get(1)).isNaN();
  }

  @Test
  void readsKeysInFileOrderAndNumbersAsTheirNaturalTypes() throws IOException {
    Map<String, Object> read =
        Json.parse("{\"b\": 1, \"a\": 12345678901, \"c\": 0.25, \"d\": [true, \"x\"]}");

    assertThat(read.keySet()).containsExactly("b", "a", "c", "d");
    assertThat(read.get("b")).isEqualTo(1);
    assertThat(read.get("a")).isEqualTo(12345678901L);
    assertThat(read.get("c")).isEqualTo(0.25);
    assertThat(read.get("d")).isEqualTo(List.of(true, "x"));
  }

  @Test
  void acceptsBareNanAsPythonWritesIt() throws IOException {
    Map<String, Object> read = Json.parse("{\"loss\": NaN, \"max\": Infinity, \"min\": -Infinity}");

    assertThat((Double) read.get("loss")).isNaN();
    assertThat(read.get("max")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(read.get("min")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void rejectsATopLevelThatIsNotAnObject() {
    assertThatThrownBy(() -> Json.parse("[1, 2]"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("an array");
    assertThatThrownBy(() -> Json.parse("{\"a\": 1} trailing")).isInstanceOf(IOException.class);
  }

  @Test
  void refusesValuesThatAreNotJsonData() {
    Map<String, Object> values = Map.of("handle", new Object());

    assertThatThrownBy(() -> Json.write(values, dir.resolve("bad.json")))
        .isInstanceOf(IOException.class);
    assertThat(dir.resolve("bad.json")).doesNotExist();
  }

  @Test
  void namesTheFileWhenItIsNotJson() throws IOException {
    Path file = dir.resolve("metrics.json");
    Files.writeString(file, "{\"a\": ");

    assertThatThrownBy(() -> Json.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("metrics.json")
        .hasMessageContaining("line 1, column 7")
        .hasMessageNotContaining("REDACTED");
    assertThatThrownBy(() -> Json.read(dir.resolve("missing.json")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
