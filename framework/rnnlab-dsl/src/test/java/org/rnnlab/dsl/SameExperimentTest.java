package org.rnnlab.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;

/** The Groovy and the YAML form of one experiment are the same experiment. */
class SameExperimentTest {

  static final String GROOVY =
      """
      experiment('yang-2019-pdm') {
        seed 42
        task 'perceptual-decision-making', dt: 20, timing: [stimulus: 1000]
        model 'leaky-rnn', hidden: 128, tau: 100, activation: 'relu'
        loss 'cross-entropy'
        train { optimizer 'adam', lr: 0.01; steps 2000; batch 16; sequenceLength 100 }
        analyze 'decision-accuracy', trials: 200
      }
      """;

  static final String YAML =
      """
      name: yang-2019-pdm
      seed: 42
      task: { id: perceptual-decision-making, dt: 20, timing: { stimulus: 1000 } }
      model: { id: leaky-rnn, hidden: 128, tau: 100, activation: relu }
      loss: [ { id: cross-entropy } ]
      train: { optimizer: { id: adam, lr: 0.01 }, steps: 2000, batch: 16, sequenceLength: 100 }
      analyses: [ { id: decision-accuracy, trials: 200 } ]
      """;

  static final Map<String, Object> TREE =
      Map.of(
          "name", "yang-2019-pdm",
          "seed", 42L,
          "task",
              Map.of(
                  "id",
                  "perceptual-decision-making",
                  "dt",
                  20L,
                  "timing",
                  Map.of("stimulus", 1000L)),
          "model", Map.of("id", "leaky-rnn", "hidden", 128L, "tau", 100L, "activation", "relu"),
          "loss", List.of(Map.of("id", "cross-entropy")),
          "train",
              Map.of(
                  "optimizer", Map.of("id", "adam", "lr", 0.01),
                  "steps", 2000L,
                  "batch", 16L,
                  "sequenceLength", 100L),
          "analyses", List.of(Map.of("id", "decision-accuracy", "trials", 200L)));

  final SpecDocument groovy = ExperimentReader.readGroovy("pdm.groovy", GROOVY);
  final SpecDocument yaml = ExperimentReader.readYaml("pdm.yaml", YAML);

  @Test
  void bothFrontEndsGiveTheSameTree() {
    assertThat(groovy.tree()).isEqualTo(yaml.tree()).isEqualTo(TREE);
  }

  @Test
  void topLevelKeysAreInCanonicalOrder() {
    List<String> order = List.of("name", "seed", "task", "model", "loss", "train", "analyses");
    assertThat(groovy.tree().keySet()).containsExactlyElementsOf(order);
    assertThat(yaml.tree().keySet()).containsExactlyElementsOf(order);
  }

  @Test
  void componentsListTheirIdFirst() {
    assertThat(((Map<?, ?>) yaml.tree().get("task")).keySet().iterator().next()).isEqualTo("id");
    assertThat(((Map<?, ?>) groovy.tree().get("task")).keySet().iterator().next()).isEqualTo("id");
  }

  @Test
  void everyValueIsLocatedAtTheLineThatWroteIt() {
    Map<String, Integer> lines =
        Map.ofEntries(
            Map.entry("name", 1),
            Map.entry("seed", 2),
            Map.entry("task", 3),
            Map.entry("task.id", 3),
            Map.entry("task.dt", 3),
            Map.entry("task.timing", 3),
            Map.entry("task.timing.stimulus", 3),
            Map.entry("model.hidden", 4),
            Map.entry("loss", 5),
            Map.entry("loss[0]", 5),
            Map.entry("loss[0].id", 5),
            Map.entry("train", 6),
            Map.entry("train.optimizer", 6),
            Map.entry("train.optimizer.lr", 6),
            Map.entry("train.sequenceLength", 6),
            Map.entry("analyses[0].trials", 7));
    lines.forEach(
        (path, line) -> {
          assertThat(groovy.locate(path)).isEqualTo(new SourceLocation("pdm.groovy", line, path));
          assertThat(yaml.locate(path)).isEqualTo(new SourceLocation("pdm.yaml", line, path));
        });
  }

  @Test
  void theSameExperimentWrittenOverSeveralLinesLocatesEachValueOnItsOwnLine() {
    SpecDocument groovyLong =
        ExperimentReader.readGroovy(
            "long.groovy",
            """
            experiment('yang-2019-pdm') {
              seed 42
              task 'perceptual-decision-making',
                  dt: 20,
                  timing: [stimulus: 1000]
              model 'leaky-rnn', hidden: 128, tau: 100, activation: 'relu'
              loss 'cross-entropy'
              train {
                optimizer 'adam', lr: 0.01
                steps 2000
                batch 16
                sequenceLength 100
              }
              analyze 'decision-accuracy', trials: 200
            }
            """);
    SpecDocument yamlLong =
        ExperimentReader.readYaml(
            "long.yaml",
            """
            name: yang-2019-pdm
            seed: 42
            task:
              id: perceptual-decision-making
              dt: 20
              timing:
                stimulus: 1000
            model: { id: leaky-rnn, hidden: 128, tau: 100, activation: relu }
            loss:
              - id: cross-entropy
            train:
              optimizer: { id: adam, lr: 0.01 }
              steps: 2000
              batch: 16
              sequenceLength: 100
            analyses:
              - id: decision-accuracy
                trials: 200
            """);

    assertThat(groovyLong.tree()).isEqualTo(yamlLong.tree()).isEqualTo(TREE);
    // A Groovy call is one value: all its arguments share the line where the call starts.
    assertThat(groovyLong.locate("task.timing.stimulus").line()).isEqualTo(3);
    assertThat(groovyLong.locate("train").line()).isEqualTo(8);
    assertThat(groovyLong.locate("train.steps").line()).isEqualTo(10);
    assertThat(groovyLong.locate("analyses[0].trials").line()).isEqualTo(14);
    assertThat(yamlLong.locate("task.dt").line()).isEqualTo(5);
    assertThat(yamlLong.locate("task.timing.stimulus").line()).isEqualTo(7);
    assertThat(yamlLong.locate("loss[0].id").line()).isEqualTo(10);
    assertThat(yamlLong.locate("train.steps").line()).isEqualTo(13);
    assertThat(yamlLong.locate("analyses[0].trials").line()).isEqualTo(18);
  }

  @Test
  void everyOptionalPartAgreesToo() {
    SpecDocument fromGroovy =
        ExperimentReader.readGroovy(
            "full.groovy",
            """
            experiment('full') {
              seed 7
              task 'go-no-go', cohs: [0, 6.4, 12.8], abort: false
              model 'gru', hidden: 64
              loss 'mse', weight: 1
              loss 'l2-rate', weight: 1.0e-4
              train {
                optimizer 'sgd', lr: 0.1, momentum: 0.9
                steps 10; batch 4; sequenceLength 50
                batching 'trials'
                clipGradNorm 1
                checkpointEvery 5
              }
              evaluation { trials 500 }
              analyze 'psychometric'
              analyze 'fixed-points', tolerance: 1e-6
            }
            """);
    SpecDocument fromYaml =
        ExperimentReader.readYaml(
            "full.yaml",
            """
            name: full
            seed: 7
            task: { id: go-no-go, cohs: [0, 6.4, 12.8], abort: false }
            model: { id: gru, hidden: 64 }
            loss:
              - { id: mse, weight: 1 }
              - { id: l2-rate, weight: 1.0e-4 }
            train:
              optimizer: { id: sgd, lr: 0.1, momentum: 0.9 }
              steps: 10
              batch: 4
              sequenceLength: 50
              batching: trials
              clipGradNorm: 1
              checkpointEvery: 5
            evaluation: { trials: 500 }
            analyses:
              - psychometric
              - { id: fixed-points, tolerance: 1e-6 }
            """);

    assertThat(fromGroovy.tree()).isEqualTo(fromYaml.tree());
    assertThat(fromYaml.tree().keySet())
        .containsExactly(
            "name", "seed", "task", "model", "loss", "train", "evaluation", "analyses");
    assertThat(keysOf(fromYaml.tree().get("train")))
        .startsWith("optimizer", "steps", "batch", "sequenceLength");
    assertThat(fromGroovy.tree().get("evaluation")).isEqualTo(Map.of("trials", 500L));
  }

  static List<String> keysOf(Object map) {
    return ((Map<?, ?>) map).keySet().stream().map(Object::toString).toList();
  }
}
