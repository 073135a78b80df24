package org.rnnlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.core.fixtures.MapCatalog;
import org.rnnlab.core.fixtures.Specs;

class SpecResolverTest {

  private final SpecResolver resolver = new SpecResolver(MapCatalog.fixtures());

  @Test
  void fillsEveryDefaultIntoTheResolvedTree() {
    ExperimentSpec spec = Specs.resolve(Specs.signTree(5));

    assertThat(spec.task().parameters().number("dt")).isEqualTo(10.0);
    assertThat(spec.task().parameters().group("timing").number("decision")).isEqualTo(30.0);
    assertThat(spec.training().optimizer().beta2()).isEqualTo(0.999);
    assertThat(spec.training().batching()).isEqualTo("stream");
    assertThat(spec.losses().get(0).weight()).isEqualTo(1.0);
    @SuppressWarnings("unchecked")
    Map<String, Object> task = (Map<String, Object>) spec.tree().get("task");
    assertThat(task).containsEntry("id", "sign").containsKeys("dt", "stimulusSteps", "timing");
    assertThat(spec.tree().keySet())
        .containsExactly(
            "name", "seed", "task", "model", "loss", "train", "evaluation", "analyses");
  }

  @Test
  void unknownComponentIdNamesTheClosestIds() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("task", Map.of("id", "sgn"));
    SpecDocument doc =
        new SpecDocument(
            "pdm.yaml", tree, Map.of("task.id", new SourceLocation("pdm.yaml", 3, "task.id")));

    assertThatThrownBy(() -> resolver.resolve(doc))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("pdm.yaml:3")
        .hasMessageContaining("unknown task 'sgn'")
        .hasMessageContaining("did you mean 'sign'?");
  }

  @Test
  void unknownParameterListsTheValidOnes() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("model", Map.of("id", "tiny-rnn", "hiden", 8L));
    SpecDocument doc =
        new SpecDocument(
            "x.groovy", tree, Map.of("model", new SourceLocation("x.groovy", 4, "model")));

    assertThatThrownBy(() -> resolver.resolve(doc))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("x.groovy:4 (model.hiden)")
        .hasMessageContaining("unknown parameter 'hiden'")
        .hasMessageContaining("did you mean 'hidden'?")
        .hasMessageContaining("[hidden, noise, recurrentGain]");
  }

  @Test
  void wrongTypeNamesTheParameterAndTheValue() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("model", Map.of("id", "tiny-rnn", "hidden", "many"));

    assertThatThrownBy(() -> Specs.resolve(tree))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("model.hidden")
        .hasMessageContaining("'hidden' of model 'tiny-rnn' must be a whole number, got 'many'");
  }

  @Test
  void outOfRangeValueStatesTheRangeWithItsUnit() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("model", Map.of("id", "tiny-rnn", "hidden", 0L));

    assertThatThrownBy(() -> Specs.resolve(tree))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("must be at least 1 units, got 0 units");
  }

  @Test
  void nestedGroupsAreCheckedToo() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("task", Map.of("id", "sign", "timing", Map.of("decison", 10L)));

    assertThatThrownBy(() -> Specs.resolve(tree))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("task.timing.decison")
        .hasMessageContaining("did you mean 'decision'?");
  }

  @Test
  void unknownTopLevelAndTrainingKeysAreRejected() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("sed", 3L);
    assertThatThrownBy(() -> Specs.resolve(tree))
        .hasMessageContaining("unknown key 'sed'")
        .hasMessageContaining("did you mean 'seed'?");

    Map<String, Object> tree2 = Specs.signTree(5);
    @SuppressWarnings("unchecked")
    Map<String, Object> train = new LinkedHashMap<>((Map<String, Object>) tree2.get("train"));
    train.put("stpes", 3L);
    tree2.put("train", train);
    assertThatThrownBy(() -> Specs.resolve(tree2))
        .hasMessageContaining("train.stpes")
        .hasMessageContaining("did you mean 'steps'?");
  }

  @Test
  void unknownOptimizerListsTheAvailableOnes() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put("train", Map.of("optimizer", Map.of("id", "adma")));

    assertThatThrownBy(() -> Specs.resolve(tree))
        .hasMessageContaining("unknown optimizer 'adma'")
        .hasMessageContaining("did you mean 'adam'?");
  }

  @Test
  void aMissingLossSaysWhichLossesExist() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.remove("loss");

    assertThatThrownBy(() -> Specs.resolve(tree))
        .hasMessageContaining("names no loss")
        .hasMessageContaining("[tiny-cross-entropy, tiny-period-loss]");
  }

  @Test
  void overridesReachTheResolvedSpecWithTheirOwnLocation() {
    SpecDocument doc =
        Specs.document(Specs.signTree(5))
            .withValue("train.steps", "x", new SourceLocation("--set", 0, "train.steps"));

    assertThatThrownBy(() -> resolver.resolve(doc))
        .hasMessageStartingWith("--set (train.steps)")
        .hasMessageContaining("must be a whole number, got 'x'");
    SpecDocument ok =
        Specs.document(Specs.signTree(5))
            .withValue("train.steps", 42L, new SourceLocation("--set", 0, "train.steps"));
    assertThat(resolver.resolve(ok).training().steps()).isEqualTo(42);
  }

  @Test
  void lossesCarryTheirWeights() {
    Map<String, Object> tree = Specs.signTree(5);
    tree.put(
        "loss",
        List.of(
            Map.of("id", "tiny-cross-entropy"), Map.of("id", "tiny-cross-entropy", "weight", 0.5)));

    ExperimentSpec spec = Specs.resolve(tree);

    assertThat(spec.losses()).extracting(l -> l.weight()).containsExactly(1.0, 0.5);
  }
}
