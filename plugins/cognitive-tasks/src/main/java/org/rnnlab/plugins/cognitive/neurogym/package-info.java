/**
 * NeuroGym's native tasks ({@code neurogym/envs/native/*.py}) as rnnlab {@link
 * org.rnnlab.api.task.Task}s, built with {@link org.rnnlab.api.trial.TrialBuilder}: every native
 * class with a supervised target except {@code PerceptualDecisionMaking}, which has its own plugin.
 * Not ported: {@code Bandit}, {@code DawTwoStep} and {@code Null} (reinforcement-learning or empty
 * tasks that set no ground truth) and {@code AnnubesEnv}, {@code Detection} and {@code
 * ToneDetection} (excluded by NeuroGym's own registry).
 *
 * <p>Shared conventions: NeuroGym's default {@code dt} per task; a {@code timing} group whose
 * fields take a constant or a distribution, floored to dt; class targets with class 0 = fixate;
 * stimulus noise {@code sigma/sqrt(dt)} where the source adds noise; mask 1 on every step;
 * per-trial metadata with {@code groundTruth} where the task has one. Where the source's {@code
 * new_trial} takes a {@code ground_truth} that is a choice among classes 1..n, the task accepts the
 * condition {@link org.rnnlab.api.task.OpenLoopTask#GROUND_TRUTH} (so wrappers such as side-bias
 * and trial-history apply). Each class's comment names the source file and every deliberate
 * difference from it.
 */
package org.rnnlab.plugins.cognitive.neurogym;
