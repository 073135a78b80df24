package org.rnnlab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.dsl.SpecErrors.errorAt;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.api.spec.SpecDocument;

/** The Groovy DSL: what scripts may do, the tree they build, and how mistakes are reported. */
class GroovyExperimentTest {

  static SpecDocument run(String script) {
    return ExperimentReader.readGroovy("exp.groovy", script);
  }

  /** A script whose experiment block is {@code body}, starting on line 2. */
  static SpecDocument experiment(String body) {
    return run("experiment('x') {\n" + body + "\n}\n");
  }

  @Nested
  class Values {

    @Test
    void numbersBecomeLongsAndDoubles() {
      Map<String, Object> task =
          asMap(
              experiment("task 't', a: 1, b: 0.01, c: 1.5e-3, d: 10000000000, e: 2f, f: 3G")
                  .tree()
                  .get("task"));
      assertThat(task)
          .containsEntry("a", 1L)
          .containsEntry("b", 0.01)
          .containsEntry("c", 0.0015)
          .containsEntry("d", 10_000_000_000L)
          .containsEntry("e", 2.0)
          .containsEntry("f", 3L);
    }

    @Test
    void gstringsBecomeTextAndScriptCodeMayComputeValues() {
      SpecDocument doc =
          run(
              """
              def hidden = 64
              def stimulus() { 500 + 500 }
              experiment("pdm-${hidden}") {
                model 'leaky-rnn', hidden: hidden * 2, activation: "re${'lu'}"
                task 'pdm', timing: [stimulus: stimulus()], cohs: (1..3).collect { it * 6.4 }
              }
              """);
      assertThat(doc.tree().get("name")).isEqualTo("pdm-64");
      assertThat(doc.tree().get("model"))
          .isEqualTo(Map.of("id", "leaky-rnn", "hidden", 128L, "activation", "relu"));
      assertThat(asMap(doc.tree().get("task")))
          .containsEntry("timing", Map.of("stimulus", 1000L))
          .containsEntry("cohs", List.of(6.4, 12.8, 19.2));
    }

    @Test
    void booleansNullsRangesAndNestedMapsAreKept() {
      Map<String, Object> task =
          asMap(
              experiment("task 't', on: true, off: null, r: 1..3, m: [a: [b: [1, 2]]]")
                  .tree()
                  .get("task"));
      assertThat(task.get("on")).isEqualTo(true);
      assertThat(task).containsEntry("off", null);
      assertThat(task.get("r")).isEqualTo(List.of(1L, 2L, 3L));
      assertThat(task.get("m")).isEqualTo(Map.of("a", Map.of("b", List.of(1L, 2L))));
    }

    @Test
    void namedParametersMayComeBeforeTheId() {
      assertThat(experiment("task dt: 20, 'pdm'").tree().get("task"))
          .isEqualTo(Map.of("id", "pdm", "dt", 20L));
    }

    @Test
    void lossAndAnalyzeAppendInOrder() {
      SpecDocument doc =
          experiment(
              """
              loss 'mse'
              loss 'l2-rate', weight: 1e-4
              analyze 'psychometric'
              analyze 'fixed-points', tolerance: 1e-6
              """);
      assertThat(doc.tree().get("loss"))
          .isEqualTo(List.of(Map.of("id", "mse"), Map.of("id", "l2-rate", "weight", 1e-4)));
      assertThat(doc.tree().get("analyses"))
          .isEqualTo(
              List.of(
                  Map.of("id", "psychometric"), Map.of("id", "fixed-points", "tolerance", 1e-6)));
      assertThat(doc.locate("loss").line()).isEqualTo(2);
      assertThat(doc.locate("loss[1].weight").line()).isEqualTo(3);
      assertThat(doc.locate("analyses[1]").line()).isEqualTo(5);
    }

    @Test
    void aKeywordCalledFromAHelperMethodIsLocatedAtTheCallInsideTheHelper() {
      SpecDocument doc =
          run(
              """
              def standardLosses(ctx) {
                ctx.loss 'mse'
              }
              experiment('x') {
                standardLosses(delegate)
              }
              """);
      assertThat(doc.tree().get("loss")).isEqualTo(List.of(Map.of("id", "mse")));
      assertThat(doc.locate("loss[0]").line()).isEqualTo(2);
    }

    @Test
    void keywordsWorkInsideLoops() {
      SpecDocument doc = experiment("[4, 16].each { n ->\n  analyze 'decoder', units: n\n}");
      assertThat(doc.tree().get("analyses"))
          .isEqualTo(
              List.of(Map.of("id", "decoder", "units", 4L), Map.of("id", "decoder", "units", 16L)));
      assertThat(doc.locate("analyses[1].units").line()).isEqualTo(3);
    }

    @Test
    void closuresInTheBindingStillWork() {
      SpecDocument doc = run("steps = { 2 * 100 }\nexperiment('x') { train { steps steps() } }");
      assertThat(doc.tree().get("train")).isEqualTo(Map.of("steps", 200L));
    }

    @Test
    void anEmptyTrainBlockIsAnEmptyMap() {
      SpecDocument doc = experiment("train { }");
      assertThat(doc.tree().get("train")).isEqualTo(Map.of());
      assertThat(doc.locate("train").line()).isEqualTo(2);
    }
  }

  @Nested
  class Errors {

    @Test
    void aSyntaxErrorGivesTheCompilersMessageAndLine() {
      String message =
          errorAt("exp.groovy", 3, () -> run("experiment('x') {\n  seed 1\n  task 'a',, dt: 2\n}"));
      assertThat(message).contains("does not compile").doesNotContain("\tat ");
    }

    @Test
    void anUnresolvedClassIsACompileError() {
      assertThat(errorAt("exp.groovy", 2, () -> run("experiment('x') {}\nnew NoSuchThing()\n")))
          .contains("unable to resolve class NoSuchThing");
    }

    @Test
    void anUnknownKeywordSuggestsTheClosestAndListsTheValidOnes() {
      String message = errorAt("exp.groovy", 3, () -> experiment("seed 1\nsed 42"));
      assertThat(message)
          .contains(
              "unknown keyword 'sed' in experiment block; did you mean 'seed'? valid: seed, task,"
                  + " model, loss, train, evaluation, analyze");
    }

    @Test
    void anUnknownKeywordInTrainListsTheTrainKeywords() {
      String message =
          errorAt("exp.groovy", 4, () -> experiment("train {\n  steps 10\n  bach 4\n}"));
      assertThat(message)
          .contains("unknown keyword 'bach' in train block; did you mean 'batch'?")
          .contains("valid: optimizer, steps, batch, sequenceLength, batching, clipGradNorm,");
    }

    @Test
    void anUnknownKeywordAtTopLevel() {
      assertThat(errorAt("exp.groovy", 1, () -> run("experimnt('x') { }")))
          .contains("unknown keyword 'experimnt' at top level; did you mean 'experiment'?");
    }

    @Test
    void aKeywordOfAnotherBlockSaysWhereItBelongs() {
      String message = errorAt("exp.groovy", 3, () -> experiment("train {\n  seed 42\n}"));
      assertThat(message)
          .contains("'seed' is not valid in train block; it belongs in experiment block")
          .contains("Valid in train block: optimizer, steps");
      assertThat(errorAt("exp.groovy", 1, () -> run("train { steps 1 }")))
          .contains("'train' is not valid at top level; it belongs in experiment block");
    }

    @Test
    void aSettingAssignedWithEqualsIsExplained() {
      assertThat(errorAt("exp.groovy", 3, () -> experiment("train {\n  steps = 100\n}")))
          .contains("drop the '=' and write e.g. steps 2000");
      assertThat(errorAt("exp.groovy", 2, () -> experiment("tsk = 'pdm'")))
          .contains("unknown setting 'tsk' in experiment block; did you mean 'task'?");
    }

    @Test
    void aScriptWithoutExperimentIsRefused() {
      assertThat(errorAt("exp.groovy", 1, () -> run("def x = 1\n")))
          .contains("never calls experiment(...)");
    }

    @Test
    void experimentCalledTwiceIsRefused() {
      assertThat(errorAt("exp.groovy", 3, () -> run("experiment('a') {\n}\nexperiment('b') { }")))
          .contains("experiment(...) is called a second time (first at line 1)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "task 'a'                  | task 'b', dt: 1     | task is given twice (first at line 2)",
          "model 'a'                 | model 'b'           | model is given twice (first at line 2)",
          "seed 1                    | seed 2              | seed is given twice",
          "train { steps 1 }         | train { batch 2 }   | train is given twice",
          "evaluation { trials 1 }   | evaluation { }      | evaluation is given twice"
        })
    void aSingleValuedKeywordGivenTwiceIsRefused(String first, String second, String expected) {
      assertThat(errorAt("exp.groovy", 3, () -> experiment(first + "\n" + second)))
          .contains(expected);
    }

    @Test
    void aTrainSettingGivenTwiceIsRefused() {
      assertThat(errorAt("exp.groovy", 2, () -> experiment("train { steps 1; steps 2 }")))
          .contains("steps is given twice");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "task 42             | task takes a component id, then optional parameters,"
              + " e.g. task 'perceptual-decision-making', dt: 20; got: task 42",
          "model dt: 20        | got: model dt: 20",
          "seed 'abc'          | seed takes a whole number, e.g. seed 42; got: seed 'abc'",
          "seed 1.5            | seed takes a whole number",
          "train 5             | train takes a block",
          "loss()              | loss takes a component id",
          "analyze 'a', 'b'    | got: analyze 'a', 'b'",
          "task null           | got: task null"
        })
    void aKeywordGivenTheWrongKindOfArgumentShowsWhatItTakes(String call, String expected) {
      assertThat(errorAt("exp.groovy", 2, () -> experiment(call))).contains(expected);
    }

    @Test
    void theIdGivenAgainAsAParameterIsRefused() {
      assertThat(errorAt("exp.groovy", 2, () -> experiment("task 'a', id: 'b'")))
          .contains("task takes its id as the first argument");
    }

    @Test
    void anExceptionFromTheScriptsOwnCodeGivesItsLineAndMessage() {
      String message =
          errorAt(
              "exp.groovy",
              4,
              () ->
                  run(
                      """
                      def check(n) {
                        if (n > 10) {
                          // a user's own sanity check
                          throw new IllegalArgumentException("hidden must be <= 10, got $n")
                        }
                        n
                      }
                      experiment('x') {
                        model 'gru', hidden: check(64)
                      }
                      """));
      assertThat(message)
          .contains("the script failed: IllegalArgumentException: hidden must be <= 10, got 64");
    }

    @Test
    void arithmeticErrorsInScriptCodeAreReportedAtTheirLine() {
      assertThat(errorAt("exp.groovy", 3, () -> experiment("seed 1\nseed 1 / 0")))
          .contains("Division by zero");
    }

    @Test
    void anUnknownNameIsReportedWithoutInternalClassNames() {
      assertThat(errorAt("exp.groovy", 2, () -> experiment("task 'a', activation: relu")))
          .contains("unknown name 'relu' in experiment block", "text must be quoted");
      assertThat(errorAt("exp.groovy", 1, () -> run("experiment(name) { }")))
          .contains("unknown name 'name' at top level");
    }

    @Test
    void aKeywordWithoutItsValueIsExplained() {
      assertThat(errorAt("exp.groovy", 3, () -> experiment("train {\n  steps\n}")))
          .contains("steps needs a whole number, e.g. steps 2000");
    }

    @Test
    void valuesThatAreNotDataAreRefused() {
      assertThat(errorAt("exp.groovy", 2, () -> experiment("task 'a', f: new File('x')")))
          .contains("values must be numbers, text, true/false, lists or maps", "task.f");
      assertThat(errorAt("exp.groovy", 2, () -> experiment("task 'a', f: { 1 }")))
          .contains("a block { ... } cannot be used as the value of task.f");
    }

    @Test
    void runawayRecursionIsReported() {
      assertThat(
              errorAt(
                  "exp.groovy",
                  1,
                  () -> run("def f(n) { f(n + 1) }\nexperiment('x') { seed f(1) }")))
          .contains("stack overflow");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }
}
