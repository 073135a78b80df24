/**
 * Yang et al. 2019's 20 cognitive tasks (gyyang/multitask, {@code task.py}, default {@code
 * 'random'} mode, {@code lsq} loss) as rnnlab task components, one per rule, with ids prefixed
 * {@code yang-} to avoid clashing with other plugins' generic names: {@code yang-go}, {@code
 * yang-rtgo}, {@code yang-dlygo}, {@code yang-anti}, {@code yang-rtanti}, {@code yang-dlyanti},
 * {@code yang-dm1}, {@code yang-dm2}, {@code yang-ctxdm1}, {@code yang-ctxdm2}, {@code
 * yang-multidm}, {@code yang-dlydm1}, {@code yang-dlydm2}, {@code yang-ctxdlydm1}, {@code
 * yang-ctxdlydm2}, {@code yang-multidlydm}, {@code yang-dms}, {@code yang-dnms}, {@code yang-dmc},
 * {@code yang-dnmc} (this is also the canonical order of the one-hot rule inputs).
 *
 * <p>All share one coding: 85 inputs (fixation, two rings of 32, 20 rule inputs), 33 continuous
 * outputs (fixation and a response ring of 32), targets resting at 0.05 with fixation 0.8, a
 * per-step cost mask of 0 (first 100 ms), 1 (before the response), 0 (first 100 ms of the response)
 * and 5 (after), Yang's fixation ×2 as per-channel output weights, and input noise σ_x·√(2/α).
 * {@link org.rnnlab.plugins.cognitive.yang.YangPerformance} is the paper's correctness criterion.
 */
package org.rnnlab.plugins.cognitive.yang;
