package org.rnnlab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;

/** {@code --set path=value} overrides. */
class OverridesTest {

  final SpecDocument doc =
      ExperimentReader.readYaml(
          "pdm.yaml",
          """
          name: pdm
          task: { id: pdm, dt: 20, timing: { fixation: 100, stimulus: 1000 } }
          train: { optimizer: { id: adam, lr: 0.01 }, steps: 2000 }
          analyses: [ { id: decision-accuracy, trials: 200 } ]
          """);

  static SpecDocument set(SpecDocument doc, String... assignments) {
    return Overrides.apply(doc, List.of(assignments));
  }

  static Object at(SpecDocument doc, String... keys) {
    Object value = doc.tree();
    for (String key : keys) {
      value =
          value instanceof List<?> list
              ? list.get(Integer.parseInt(key))
              : ((Map<?, ?>) value).get(key);
    }
    return value;
  }

  @Test
  void setsATopLevelSettingAndLocatesItAtTheCommandLine() {
    SpecDocument result = set(doc, "train.steps=200");
    assertThat(at(result, "train", "steps")).isEqualTo(200L);
    assertThat(result.locate("train.steps"))
        .isEqualTo(new SourceLocation("--set", 0, "train.steps"));
    assertThat(result.locate("train.optimizer.lr").source()).isEqualTo("pdm.yaml");
  }

  @Test
  void setsNestedValuesAndListElements() {
    SpecDocument result = set(doc, "task.timing.stimulus=500", "analyses[0].trials=50");
    assertThat(at(result, "task", "timing")).isEqualTo(Map.of("fixation", 100L, "stimulus", 500L));
    assertThat(at(result, "analyses", "0", "trials")).isEqualTo(50L);
    assertThat(result.locate("analyses[0].trials").source()).isEqualTo("--set");
    assertThat(result.locate("task.timing.fixation")).isEqualTo(doc.locate("task.timing.fixation"));
  }

  @Test
  void createsMissingMaps() {
    SpecDocument result = set(doc, "evaluation.trials=100");
    assertThat(result.tree().get("evaluation")).isEqualTo(Map.of("trials", 100L));
    assertThat(result.locate("evaluation").source()).isEqualTo("--set");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "200        | 200          | Long",
        "-3         | -3           | Long",
        "0.01       | 0.01         | Double",
        "1e-3       | 0.001        | Double",
        "true       | true         | Boolean",
        "adam       | adam         | String",
        "\"200\"    | 200          | String",
        "my study   | my study     | String"
      })
  void readsTheValueAsYaml(String written, String expected, String type) {
    Object value = at(set(doc, "task.x=" + written), "task", "x");
    assertThat(value.getClass().getSimpleName()).isEqualTo(type);
    assertThat(value.toString()).isEqualTo(expected);
  }

  @Test
  void readsListsAndMaps() {
    SpecDocument result = set(doc, "task.cohs=[0, 12.8]", "task.timing={stimulus: 500}");
    assertThat(at(result, "task", "cohs")).isEqualTo(List.of(0L, 12.8));
    assertThat(at(result, "task", "timing")).isEqualTo(Map.of("stimulus", 500L));
  }

  @Test
  void valuesInsideAReplacedValueNoLongerPointIntoTheFile() {
    SpecDocument result = set(doc, "task.timing={stimulus: 500}");
    assertThat(result.locate("task.timing.stimulus"))
        .isEqualTo(new SourceLocation("--set", 0, "task.timing.stimulus"));
    assertThat(result.locate("task.dt").source()).isEqualTo("pdm.yaml");
  }

  @Test
  void laterAssignmentsWin() {
    assertThat(at(set(doc, "train.steps=1", "train.steps=2"), "train", "steps")).isEqualTo(2L);
  }

  @Test
  void leavesTheOriginalUntouched() {
    set(doc, "train.steps=1");
    assertThat(at(doc, "train", "steps")).isEqualTo(2000L);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"train.steps", "=200", " =200", ""})
  void anAssignmentWithoutPathOrEqualsShowsTheExpectedForm(String assignment) {
    SpecException error = catchThrowableOfType(SpecException.class, () -> set(doc, assignment));
    assertThat(error).hasMessageContaining("--set path=value");
    assertThat(error.location().source()).isEqualTo("--set");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a..b=1                   | is not a valid path",
        "task.=1                  | is not a valid path",
        "analyses[x].trials=1     | is not a valid path",
        "train.steps=             | has no value",
        "analyses[3].trials=5     | analyses has 1 entry",
        "task.dt.x=1              | task.dt is 20, not a map",
        "name=@me                 | is not valid YAML",
        "task.id=!!java.io.File x | tags are not allowed"
      })
  void aBadAssignmentIsRefusedWithItsPath(String assignment, String expected) {
    SpecException error = catchThrowableOfType(SpecException.class, () -> set(doc, assignment));
    assertThat(error).hasMessageContaining(expected).hasMessageStartingWith("--set");
    assertThat(error.location().path()).isEqualTo(assignment.substring(0, assignment.indexOf('=')));
  }
}
