/**
 * CtDB's MultiTask (snel-repo/ComputationThruDynamicsBenchmark, {@code
 * ctd/task_modeling/task_env/multitask.py}, Driscoll et al.'s 15 tasks) as rnnlab task components,
 * one per task, with ids prefixed {@code ctdb-}: {@code ctdb-delay-pro}, {@code ctdb-delay-anti},
 * {@code ctdb-memory-pro}, {@code ctdb-memory-anti}, {@code ctdb-react-pro}, {@code
 * ctdb-react-anti}, {@code ctdb-int-mod1}, {@code ctdb-int-mod2}, {@code ctdb-context-int-mod1},
 * {@code ctdb-context-int-mod2}, {@code ctdb-context-int-multimodal}, {@code ctdb-match-to-sample},
 * {@code ctdb-non-match-to-sample}, {@code ctdb-match-cat-pro}, {@code ctdb-match-cat-anti} (this
 * is also the order of the one-hot rule inputs).
 *
 * <p>All share one coding: 20 inputs (fixation, cos/sin of two stimulus modalities, 15 rule flags),
 * 3 continuous outputs (fixation, response cos/sin), phase lengths drawn uniformly per task type,
 * CtDB's loss mask (0 for the first 100 ms, 1 before the response, 0 for its first 100 ms, 5 for
 * the rest of it, 0 after), input noise N(0, 0.3²), and padding to CtDB's 320 steps of 20 ms. See
 * {@link org.rnnlab.plugins.cognitive.ctdb.CtdbEngine}.
 *
 * <p>Also CtDB's N-bit flip-flop, {@link org.rnnlab.plugins.cognitive.ctdb.NBitFlipFlop} (id {@code
 * n-bit-flip-flop}).
 */
package org.rnnlab.plugins.cognitive.ctdb;
