package org.rnnlab.dsl.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The blocks of the Groovy DSL and the keywords valid in each, with what each keyword takes. This
 * table is the one list of keywords: error messages read it, and a test checks that the context
 * classes offer exactly these methods.
 */
enum Block {
  /** Outside any block: the script itself. */
  TOP(
      "at top level",
      new Keyword("experiment", "a name and a block", "experiment('my-study') { ... }")),
  /** Inside {@code experiment(...) { }}. */
  EXPERIMENT(
      "in experiment block",
      new Keyword("seed", "a whole number", "seed 42"),
      new Keyword(
          "task",
          "a component id, then optional parameters",
          "task 'perceptual-decision-making', dt: 20"),
      new Keyword(
          "model", "a component id, then optional parameters", "model 'leaky-rnn', hidden: 128"),
      new Keyword(
          "loss",
          "a component id, then optional parameters such as weight:",
          "loss 'cross-entropy', weight: 1.0"),
      new Keyword("train", "a block", "train { optimizer 'adam', lr: 0.01; steps 2000 }"),
      new Keyword("evaluation", "a block", "evaluation { trials 500 }"),
      new Keyword(
          "analyze",
          "a component id, then optional parameters",
          "analyze 'decision-accuracy', trials: 200")),
  /** Inside {@code train { }}. */
  TRAIN(
      "in train block",
      new Keyword(
          "optimizer", "an optimiser id, then optional settings", "optimizer 'adam', lr: 0.01"),
      new Keyword("steps", "a whole number", "steps 2000"),
      new Keyword("batch", "a whole number", "batch 16"),
      new Keyword("sequenceLength", "a whole number", "sequenceLength 100"),
      new Keyword("batching", "'stream' or 'trials'", "batching 'trials'"),
      new Keyword("clipGradNorm", "a number", "clipGradNorm 1.0"),
      new Keyword("clipGradValue", "a number", "clipGradValue 1.0"),
      new Keyword("checkpointEvery", "a whole number", "checkpointEvery 500")),
  /** Inside {@code evaluation { }}. */
  EVALUATION("in evaluation block", new Keyword("trials", "a whole number", "trials 500"));

  /**
   * One keyword.
   *
   * @param name as written in a script
   * @param takes what its arguments are, in words
   * @param example a complete call
   */
  record Keyword(String name, String takes, String example) {}

  private final String where;
  private final Map<String, Keyword> keywords;

  Block(String where, Keyword... keywords) {
    this.where = where;
    Map<String, Keyword> byName = new LinkedHashMap<>();
    Arrays.stream(keywords).forEach(k -> byName.put(k.name(), k));
    this.keywords = Collections.unmodifiableMap(byName);
  }

  /** For messages: {@code in train block}, {@code at top level}. */
  String where() {
    return where;
  }

  /** Keyword names in the order the documentation lists them. */
  Set<String> keywordNames() {
    return keywords.keySet();
  }

  Optional<Keyword> keyword(String name) {
    return Optional.ofNullable(keywords.get(name));
  }

  /** The block a keyword belongs to, if any. */
  static Optional<Block> owning(String name) {
    return Arrays.stream(values()).filter(b -> b.keywords.containsKey(name)).findFirst();
  }
}
