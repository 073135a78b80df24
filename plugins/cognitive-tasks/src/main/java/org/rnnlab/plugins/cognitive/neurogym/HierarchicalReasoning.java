package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.trial.ChannelLayout;
import org.rnnlab.api.trial.Timing;
import org.rnnlab.api.trial.TrialBuilder;

/**
 * NeuroGym's {@code HierarchicalReasoning} ({@code neurogym/envs/native/hierarchicalreasoning.py},
 * after Sarafyazd &amp; Jazayeri 2019): two flashes at the same location bound an interval; under
 * one rule the answer is the flash location after a short interval and the opposite location after
 * a long one, under the other rule the reverse. The rule alternates between blocks of trials
 * without any announcement.
 *
 * <p>Periods, in order: {@code fixation} (default truncated exponential, mean 600 ms, in [400,
 * 800)), {@code ruleTarget} (1000 ms; the source's {@code rule_target}), {@code fixation2}
 * (truncated exponential, mean 600 ms, in [400, 900)), {@code flash1} (100 ms), {@code delay} (one
 * of 530, 610, 690, 770, 850, 930, 1010, 1090, 1170 ms), {@code flash2} (100 ms), {@code decision}
 * (700 ms); {@code dt} 100 ms.
 *
 * <p>Per trial: the flash location {@code s ∈ {1, 2}} uniformly; the interval is the delay period's
 * duration on the step grid ({@code steps·dt} ms); it is long if {@code interval > threshold + (u −
 * 1/2)} with {@code u} uniform in [0, 1) and {@code threshold} the median of the delay's possible
 * durations (850 ms by default), so an interval equal to the threshold is long or short with
 * probability 1/2 and any other interval is decided by its side. Under rule 1 (NeuroGym's rule 0) a
 * short interval asks for the flash location (pro) and a long one for the other location (anti);
 * under rule 2 (NeuroGym's rule 1) the reverse. The answer's location is {@code s} on pro trials,
 * {@code 3 − s} on anti trials.
 *
 * <p>Blocks, per trial stream (each batch row of a continuous stream, the evaluation trials; see
 * {@link PerStream}): the first block of a stream has rule 2, as the source's first block; a block
 * lasts a number of trials drawn uniformly from 10 to 20 inclusive (NeuroGym's {@code randint(10,
 * 21)}); then the rule switches to the other one, unannounced.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code rule-1} and
 * {@code rule-2} are both 1 during {@code ruleTarget} (the two rule targets are shown; nothing says
 * which applies); {@code stimulus-s} is 1 during {@code flash1} and {@code flash2}. No noise (the
 * source adds none). With {@code feedback: true}, two more inputs {@code previous-rule-1} and
 * {@code previous-rule-2} hold a one-hot code of the rule of the stream's previous trial during
 * {@code fixation} (all 0 on a stream's first trial): the information a rewarded agent has in
 * NeuroGym (with its {@code PassAction} and {@code PassReward} wrappers, its own choice and whether
 * it was rewarded tell which rule applied), without which a network trained on targets alone can
 * never infer the rule. A block switch still comes unannounced: the first trial of a block shows
 * the old rule.
 *
 * <p>Targets (classes {@code fixate, rule-1, rule-2, choice-1, choice-2}): the rule in force during
 * {@code ruleTarget} (the agent reports it, as in the source), the answer's location + 2 during
 * {@code decision}, 0 elsewhere. Mask 1 on every step. Metadata: {@code rule} (1 or 2), {@code
 * blockTrial} (0 for a block's first trial), {@code interval} (ms), {@code longInterval}, {@code
 * proChoice} (booleans), {@code stimulus} (flash location, 1 or 2), {@code groundTruth} (the
 * decision class, 3 or 4).
 *
 * <p>Differences from the source (docs/decisions/0011): (1) the threshold is the median of the
 * delay's durations, as the source means it; its {@code np.median(timing["delay"][1])} was written
 * for the old {@code ("choice", [...])} timing form and, with today's plain list, takes the median
 * of the second duration alone (610 ms). (2) The interval that decides the answer is the delay the
 * trial shows; the source draws the delay twice ({@code sample_time("delay")} for the answer, and
 * again in {@code add_period}), so its answer does not follow its stimulus. With both fixes the
 * answer is a function of the rule and what the trial shows. The delay's timing must therefore be a
 * number, a list or a uniform range, whose median is defined. (3) {@code feedback} is an option of
 * ours; off by default.
 */
@Extension
public final class HierarchicalReasoning implements Task {

  /** The id scripts use. */
  public static final String ID = "hierarchical-reasoning";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "ruleTarget", "fixation2", "flash1", "delay", "flash2", "decision");

  /** Fewest trials in a block (inclusive). */
  public static final int MIN_BLOCK_TRIALS = 10;

  /** Most trials in a block (inclusive). */
  public static final int MAX_BLOCK_TRIALS = 20;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's hierarchical reasoning task: judge whether the interval between two flashes"
        + " is long, and answer at or opposite the flashes by a rule that switches between blocks"
        + " of trials unannounced";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period(
                "fixation",
                Timing.truncatedExponential(600, 400, 800),
                "Fixation before the rule targets"),
            period("ruleTarget", 1000, "Rule targets shown; the rule in force is the target"),
            period(
                "fixation2",
                Timing.truncatedExponential(600, 400, 900),
                "Fixation before the first flash"),
            period("flash1", 100, "First flash"),
            period(
                "delay",
                Timing.choice(530, 610, 690, 770, 850, 930, 1010, 1090, 1170),
                "Interval between the flashes; compared with the median of its durations"),
            period("flash2", 100, "Second flash, at the first one's location"),
            period("decision", 700, "Decision period; the answer's location is the target")),
        ParameterSpec.bool(
            "feedback",
            false,
            "Add inputs previous-rule-1/2 showing the rule of the stream's previous trial during"
                + " fixation, as reward feedback would tell an agent (not in NeuroGym's task)"));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, the rule target or decision period can
   *     be shorter than one step, or the delay's timing is not a number, a list or a uniform
   *     distribution
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "ruleTarget", dt);
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    double threshold = medianMs(timing.get("delay"));
    boolean feedback = params.bool("feedback");
    ChannelLayout.Builder inputs =
        ChannelLayout.builder().single("fixation").group("rule", 2).group("stimulus", 2);
    if (feedback) {
      inputs.group("previous-rule", 2);
    }
    ChannelLayout in = inputs.build();
    ChannelLayout out =
        ChannelLayout.builder().single("fixate").group("rule", 2).group("choice", 2).build();
    PerStream<Blocks> blocks = new PerStream<>(Blocks::new);
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          Blocks stream = blocks.of(random);
          int rule = stream.rule;
          int blockTrial = stream.trialInBlock;
          int previousRule = stream.previousRule;

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          int stimulus = 1 + random.nextInt(2);
          double interval = b.period("delay").steps() * dt;
          boolean longInterval = interval > threshold + (random.nextDouble() - 0.5);
          boolean pro = longInterval == (rule == 2);
          int choice = pro ? stimulus : 3 - stimulus;

          b.setInput(1f, "fixation", PERIODS.subList(0, 6).toArray(String[]::new));
          b.setInput(1f, "rule", "ruleTarget");
          b.setInput(1f, "stimulus-" + stimulus, "flash1", "flash2");
          if (feedback && previousRule > 0) {
            b.setInput(1f, "previous-rule-" + previousRule, "fixation");
          }
          b.classTarget(rule, "ruleTarget");
          b.classTarget(2 + choice, "decision");
          b.metadata("rule", rule);
          b.metadata("blockTrial", blockTrial);
          b.metadata("interval", interval);
          b.metadata("longInterval", longInterval);
          b.metadata("proChoice", pro);
          b.metadata("stimulus", stimulus);
          b.metadata("groundTruth", 2 + choice);

          stream.advance(random);
          return b.build();
        });
  }

  /**
   * The median of the durations a timing can give: the constant, the middle of a list (the mean of
   * the two middle values for an even count, as {@code np.median}), the middle of a uniform range.
   *
   * @throws IllegalArgumentException for other timings
   */
  static double medianMs(Timing timing) {
    if (timing instanceof Timing.Constant c) {
      return c.ms();
    }
    if (timing instanceof Timing.Choice c) {
      double[] sorted = c.ms().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    if (timing instanceof Timing.Uniform u) {
      return (u.lowMs() + u.highMs()) / 2;
    }
    throw new IllegalArgumentException(
        ID
            + ": timing.delay must be a number, a list of durations or {uniform: [low, high]}, whose"
            + " median is the long/short threshold; got "
            + timing.toValue());
  }

  /** One stream's block: the rule in force, the block's length and the trials so far. */
  private static final class Blocks {
    int rule = 2;
    int size;
    int trialInBlock;
    int previousRule;

    /** The first block of a stream: rule 2, as the source's first block. */
    Blocks(RandomGenerator random) {
      size = drawSize(random);
    }

    static int drawSize(RandomGenerator random) {
      return MIN_BLOCK_TRIALS + random.nextInt(MAX_BLOCK_TRIALS - MIN_BLOCK_TRIALS + 1);
    }

    /** After a trial: counts it and starts the next block, with the other rule, when it is full. */
    void advance(RandomGenerator random) {
      previousRule = rule;
      trialInBlock++;
      if (trialInBlock >= size) {
        rule = 3 - rule;
        size = drawSize(random);
        trialInBlock = 0;
      }
    }
  }
}
