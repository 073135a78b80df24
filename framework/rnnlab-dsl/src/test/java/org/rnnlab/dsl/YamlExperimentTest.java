package org.rnnlab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.dsl.SpecErrors.errorAt;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.spec.SpecDocument;

/** The YAML front end: what it accepts, the tree it builds, and how it reports mistakes. */
class YamlExperimentTest {

  static SpecDocument read(String yaml) {
    return ExperimentReader.readYaml("exp.yaml", yaml);
  }

  static Object valueOf(String yamlValue) {
    return read("task: { id: t, x: " + yamlValue + " }").tree().get("task") instanceof Map<?, ?> m
        ? m.get("x")
        : null;
  }

  @Nested
  class Scalars {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "20            | 20",
          "-3            | -3",
          "1_000         | 1000",
          "0x1F          | 31",
          "9223372036854775807 | 9223372036854775807"
        })
    void wholeNumbersAreLongs(String written, long expected) {
      assertThat(valueOf(written)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {"0.01 | 0.01", "1e-3 | 0.001", "1.5e+3 | 1500.0", "12.8 | 12.8", "-.5 | -0.5"})
    void realNumbersAreDoubles(String written, double expected) {
      assertThat(valueOf(written)).isEqualTo(expected);
    }

    @Test
    void booleansNullsAndTextFollowYaml11() {
      assertThat(valueOf("true")).isEqualTo(true);
      assertThat(valueOf("off")).isEqualTo(false);
      assertThat(valueOf("~")).isNull();
      assertThat(valueOf("relu")).isEqualTo("relu");
      assertThat(valueOf("'20'")).isEqualTo("20");
      assertThat(valueOf("!!str 0.10")).isEqualTo("0.10");
      assertThat(valueOf("!!float 1")).isEqualTo(1.0);
    }

    @Test
    void datesStayAsTheTextWritten() {
      assertThat(valueOf("2024-05-01")).isEqualTo("2024-05-01");
    }

    @Test
    void aNameIsAlwaysText() {
      assertThat(read("name: 2019").tree().get("name")).isEqualTo("2019");
    }

    @Test
    void listsAndMapsNestInWrittenOrder() {
      Map<String, Object> task =
          asMap(read("task: { id: t, b: [1, [2.5, x]], a: { z: 1, y: 2 } }").tree().get("task"));
      assertThat(task.keySet()).containsExactly("id", "b", "a");
      assertThat(task.get("b")).isEqualTo(List.of(1L, List.of(2.5, "x")));
      assertThat(asMap(task.get("a")).keySet()).containsExactly("z", "y");
    }
  }

  @Nested
  class Shorthands {

    @Test
    void aSingleLossIsAListOfOne() {
      SpecDocument doc = read("loss: { id: mse, weight: 2 }\n");
      assertThat(doc.tree().get("loss")).isEqualTo(List.of(Map.of("id", "mse", "weight", 2L)));
      assertThat(doc.locate("loss[0].weight").line()).isEqualTo(1);
    }

    @Test
    void anOptimizerMayBeJustItsId() {
      SpecDocument doc = read("train:\n  optimizer: adam\n  steps: 5\n");
      assertThat(doc.tree().get("train"))
          .isEqualTo(Map.of("optimizer", Map.of("id", "adam"), "steps", 5L));
      assertThat(doc.locate("train.optimizer.id").line()).isEqualTo(2);
    }

    @Test
    void anyComponentMayBeJustItsId() {
      Map<String, Object> tree =
          read("task: pdm\nmodel: gru\nloss: mse\nanalyses: [psychometric]\n").tree();
      assertThat(tree.get("task")).isEqualTo(Map.of("id", "pdm"));
      assertThat(tree.get("model")).isEqualTo(Map.of("id", "gru"));
      assertThat(tree.get("loss")).isEqualTo(List.of(Map.of("id", "mse")));
      assertThat(tree.get("analyses")).isEqualTo(List.of(Map.of("id", "psychometric")));
    }

    @Test
    void anchorsAliasesAndMergeKeysWork() {
      SpecDocument doc =
          read(
              """
              task:
                id: pdm
                timing: &timing { fixation: 100, stimulus: 500 }
              evaluation:
                trials: 10
                timing: *timing
              model:
                <<: { id: gru, hidden: 64 }
                hidden: 128
              """);
      assertThat(asMap(doc.tree().get("evaluation")).get("timing"))
          .isEqualTo(Map.of("fixation", 100L, "stimulus", 500L));
      assertThat(doc.tree().get("model")).isEqualTo(Map.of("id", "gru", "hidden", 128L));
      assertThat(doc.locate("model.hidden").line()).isEqualTo(9);
      assertThat(doc.locate("model.id").line()).isEqualTo(8);
    }

    @Test
    void unknownKeysAreKeptAfterTheKnownOnesForTheCoreToJudge() {
      Map<String, Object> tree = read("extra: 1\ntrain: { foo: 2, steps: 3 }\nname: x\n").tree();
      assertThat(tree.keySet()).containsExactly("name", "train", "extra");
      assertThat(asMap(tree.get("train")).keySet()).containsExactly("steps", "foo");
    }
  }

  @Nested
  class Errors {

    @Test
    void malformedYamlNamesTheParsersProblemAndLine() {
      String message = errorAt("exp.yaml", 2, () -> read("name: x\nseed: a: b\n"));
      assertThat(message).contains("malformed YAML", "mapping values are not allowed here");
    }

    @Test
    void anUnclosedFlowListNamesWhereItStarted() {
      String message =
          errorAt("exp.yaml", 3, () -> read("name: x\ntask: { id: t, cohs: [1, 2\nseed: 1\n"));
      assertThat(message).contains("malformed YAML", "line 2");
    }

    @Test
    void duplicateKeysAreRefused() {
      String message = errorAt("exp.yaml", 3, () -> read("name: x\nseed: 1\nseed: 2\n"));
      assertThat(message).contains("duplicate key 'seed'", "first written at line 2");
    }

    @Test
    void duplicateKeysInsideAComponentAreRefused() {
      String message = errorAt("exp.yaml", 3, () -> read("task:\n  id: pdm\n  id: go\n"));
      assertThat(message).contains("duplicate key 'id'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "!!java.io.File /etc/passwd",
          "!!python/object:__main__.Exploit {}",
          "!foo bar",
          "!<tag:example.com,2000:app/x> 1",
          "!!binary aGVsbG8=",
          "!!set { a, b }"
        })
    void tagsAreRefused(String tagged) {
      String message = errorAt("exp.yaml", 3, () -> read("name: x\nseed: 1\ntask: " + tagged));
      String tag = tagged.substring(0, tagged.indexOf(' '));
      assertThat(message).contains("tags are not allowed in experiment files", tag, "line 3");
    }

    @Test
    void aClassLoadingPayloadIsRefusedAndNothingIsInstantiated() throws Exception {
      AtomicInteger requests = new AtomicInteger();
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
          });
      server.start();
      try {
        String url = "http://localhost:" + server.getAddress().getPort() + "/";
        String payload =
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\""
                + url
                + "\"]]]]";
        String message = errorAt("exp.yaml", 1, () -> read(payload));
        assertThat(message)
            .contains("tags are not allowed", "!!javax.script.ScriptEngineManager", "line 1");

        String nested = "name: x\ntask:\n  id: t\n  engine: " + payload + "\n";
        errorAt("exp.yaml", 4, () -> read(nested));
      } finally {
        server.stop(0);
      }
      // A ScriptEngineManager over that class loader would have asked the server for its
      // META-INF/services; no request means no loader and no manager were ever created.
      assertThat(requests).hasValue(0);
    }

    @Test
    void theTopLevelMustBeAMap() {
      String message = errorAt("exp.yaml", 2, () -> read("# a list\n- task\n- model\n"));
      assertThat(message).contains("top level", "must be a map", "found a list");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "   \n", "# nothing but a comment\n"})
    void anEmptyFileIsRefused(String text) {
      assertThat(errorAt("exp.yaml", 1, () -> read(text))).contains("the file is empty");
    }

    @Test
    void aComponentMapNeedsAnId() {
      String message = errorAt("exp.yaml", 2, () -> read("name: x\nmodel: { hidden: 128 }\n"));
      assertThat(message).contains("model has no id", "{ id: ");
    }

    @Test
    void aComponentInAListNeedsAnId() {
      // A block-style list item is located at the line of its first key.
      String message =
          errorAt("exp.yaml", 3, () -> read("loss:\n  - id: mse\n  - weight: 0.1\n    x: 1\n"));
      assertThat(message).contains("loss[1] has no id");
    }

    @Test
    void aComponentIdMustBeText() {
      String message = errorAt("exp.yaml", 3, () -> read("task:\n  dt: 20\n  id: 42\n"));
      assertThat(message).contains("task.id must be a component id", "42");
    }

    @Test
    void aComponentMustBeAMapOrAnId() {
      assertThat(errorAt("exp.yaml", 1, () -> read("task: [a, b]\n"))).contains("found a list");
      assertThat(errorAt("exp.yaml", 1, () -> read("task:\n"))).contains("an empty value");
    }

    @Test
    void trainAndEvaluationMustBeMaps() {
      assertThat(errorAt("exp.yaml", 2, () -> read("seed: 1\ntrain: 100\n")))
          .contains("train must be a map");
      assertThat(errorAt("exp.yaml", 1, () -> read("evaluation: [1]\n")))
          .contains("evaluation must be a map");
    }

    @Test
    void keysThatWouldBreakPathsAreRefused() {
      assertThat(errorAt("exp.yaml", 2, () -> read("task:\n  a.b: 1\n  id: t\n")))
          .contains("may not contain '.'");
    }

    @Test
    void aRecursiveAliasIsRefused() {
      assertThat(errorAt("exp.yaml", 2, () -> read("name: x\nextra: &a [1, *a]\n")))
          .contains("recursive alias");
    }

    @Test
    void anAliasBombIsRefused() {
      StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
      for (int i = 1; i < 5; i++) {
        yaml.append("a").append(i).append(": &a").append(i).append(" [");
        for (int j = 0; j < 10; j++) {
          yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
        }
        yaml.append("]\n");
      }
      // 40 aliases expand to 111,110 values in a4, on line 5.
      String message = errorAt("exp.yaml", 5, () -> read(yaml.toString()));
      assertThat(message).contains("more than 100000 values once aliases are expanded");
    }

    @Test
    void aWholeNumberBeyondLongIsRefused() {
      assertThat(errorAt("exp.yaml", 1, () -> read("seed: 99999999999999999999\n")))
          .contains("too large");
    }

    @Test
    void aControlCharacterIsRefusedAtItsLine() {
      assertThat(errorAt("exp.yaml", 3, () -> read("name: x\nseed: 1\ntask: a\u0001b\n")))
          .contains("special characters are not allowed");
    }

    @Test
    void moreThanOneDocumentIsRefused() {
      // Located at the --- that starts the second document.
      assertThat(errorAt("exp.yaml", 2, () -> read("name: a\n---\nname: b\n")))
          .contains("found another document", "expected a single document");
    }

    @Test
    void anEmptyNameIsRefused() {
      assertThat(errorAt("exp.yaml", 1, () -> read("name:\n"))).contains("name must be text");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }
}
