package org.rnnlab.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keyword table that messages and docs rely on matches what the context classes offer. */
class BlockTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "TOP, org.rnnlab.dsl.internal.ExperimentScript",
    "EXPERIMENT, org.rnnlab.dsl.internal.ExperimentContext",
    "TRAIN, org.rnnlab.dsl.internal.TrainContext",
    "EVALUATION, org.rnnlab.dsl.internal.EvaluationContext"
  })
  void eachBlockListsExactlyThePublicMethodsOfItsContext(Block block, Class<?> context) {
    Set<String> methods =
        Arrays.stream(context.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
            .map(Method::getName)
            .filter(name -> !name.equals("propertyMissing") && !name.equals("methodMissing"))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(methods).isEqualTo(new TreeSet<>(block.keywordNames()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "sed, seed",
    "trian, train",
    "analyse, analyze",
    "sequencelength, sequenceLength",
    "optimiser, optimizer",
    "bach, batch"
  })
  void typosFindTheirKeyword(String typo, String keyword) {
    Set<String> all =
        Arrays.stream(Block.values())
            .flatMap(b -> b.keywordNames().stream())
            .collect(Collectors.toSet());
    assertThat(Suggestions.closest(typo, all)).contains(keyword);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"lr", "xyzzy", "foo"})
  void unrelatedNamesGetNoSuggestion(String name) {
    assertThat(Suggestions.closest(name, Block.TRAIN.keywordNames())).isEmpty();
  }
}
