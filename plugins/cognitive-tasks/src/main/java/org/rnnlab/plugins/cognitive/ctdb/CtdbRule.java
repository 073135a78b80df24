package org.rnnlab.plugins.cognitive.ctdb;

/**
 * The 15 MultiTask tasks of CtDB, in the order of their one-hot rule inputs: the constant of rank
 * {@code k} sets input channel {@code 5 + k}.
 *
 * <p>This order is the one the source's trial generator writes (and the order of its list of valid
 * task names). The source's list of input <em>labels</em> names channels 6 to 10 differently
 * (MemoryPro, ReactPro, DelayAnti, MemoryAnti, ReactAnti); the flags the trials actually carry
 * follow the order here, and the channel names of {@link CtdbEngine} follow the trials.
 */
enum CtdbRule {
  DELAY_PRO("ctdb-delay-pro", "DelayPro", Family.DELAY, false),
  DELAY_ANTI("ctdb-delay-anti", "DelayAnti", Family.DELAY, true),
  MEMORY_PRO("ctdb-memory-pro", "MemoryPro", Family.MEMORY, false),
  MEMORY_ANTI("ctdb-memory-anti", "MemoryAnti", Family.MEMORY, true),
  REACT_PRO("ctdb-react-pro", "ReactPro", Family.REACT, false),
  REACT_ANTI("ctdb-react-anti", "ReactAnti", Family.REACT, true),
  INT_MOD1("ctdb-int-mod1", "IntMod1", Family.DECISION, false),
  INT_MOD2("ctdb-int-mod2", "IntMod2", Family.DECISION, false),
  CONTEXT_INT_MOD1("ctdb-context-int-mod1", "ContextIntMod1", Family.DECISION, false),
  CONTEXT_INT_MOD2("ctdb-context-int-mod2", "ContextIntMod2", Family.DECISION, false),
  CONTEXT_INT_MULTIMODAL(
      "ctdb-context-int-multimodal", "ContextIntMultimodal", Family.DECISION, false),
  MATCH_TO_SAMPLE("ctdb-match-to-sample", "Match2Sample", Family.MATCH, false),
  NON_MATCH_TO_SAMPLE("ctdb-non-match-to-sample", "NonMatch2Sample", Family.MATCH, false),
  MATCH_CAT_PRO("ctdb-match-cat-pro", "MatchCatPro", Family.MATCH, false),
  MATCH_CAT_ANTI("ctdb-match-cat-anti", "MatchCatAnti", Family.MATCH, true);

  /**
   * The source's five task types, each with its own phase structure and phase-length distributions.
   */
  enum Family {
    /** context, stim1 (the stimulus stays on to the end), response. */
    DELAY,
    /** context, stim1, mem1, response. */
    MEMORY,
    /** context, response (the stimulus appears with the response). */
    REACT,
    /** context, stim1, mem1, stim2, mem2, response (the source's "Decision" type). */
    DECISION,
    /** context, stim1 (sample), mem1, response (the test stimulus appears with the response). */
    MATCH
  }

  final String id;
  final String sourceName;
  final Family family;
  final boolean anti;

  CtdbRule(String id, String sourceName, Family family, boolean anti) {
    this.id = id;
    this.sourceName = sourceName;
    this.family = family;
    this.anti = anti;
  }

  /** The input channel of this task's rule flag: 5 + rank. */
  int ruleChannel() {
    return CtdbEngine.FIRST_RULE_CHANNEL + ordinal();
  }

  /**
   * Whether the fixation input stays on for the whole trial, so that the onset of the (test)
   * stimulus is the go signal: React and Match tasks. Elsewhere the fixation input turns off when
   * the response starts.
   */
  boolean fixationInputThroughout() {
    return family == Family.REACT || family == Family.MATCH;
  }

  /**
   * Whether the source leaves the fixation target at 0 for the whole trial: it sets it before the
   * response in every task except NonMatch2Sample, MatchCatPro and MatchCatAnti.
   */
  boolean sourceOmitsFixationTarget() {
    return this == NON_MATCH_TO_SAMPLE || this == MATCH_CAT_PRO || this == MATCH_CAT_ANTI;
  }
}
