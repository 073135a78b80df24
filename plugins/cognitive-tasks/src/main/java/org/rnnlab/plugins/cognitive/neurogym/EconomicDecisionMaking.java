package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.List;
import java.util.Map;
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
 * NeuroGym's {@code EconomicDecisionMaking} ({@code
 * neurogym/envs/native/economicdecisionmaking.py}, after Padoa-Schioppa and Assad 2006): two offers
 * of different juices in different amounts; choose the offer of higher value, one drop of juice A
 * being worth {@code aToB} (default 2.2) drops of juice B.
 *
 * <p>Periods, in order: {@code fixation} (default 1500 ms), {@code offerOn} (uniform in [1000,
 * 2000) ms), {@code decision} (750 ms); {@code dt} 100 ms. Per trial, drawn uniformly in this
 * order: which juice is offer 1 (A then B, or B then A) and the amounts {@code (nB, nA)} from the
 * source's nine offers (0,1), (1,3), (1,2), (1,1), (2,1), (3,1), (4,1), (6,1), (2,0).
 *
 * <p>Inputs: {@code fixation} is 1 in {@code fixation} and {@code offerOn}, 0 in the decision;
 * during {@code offerOn}, {@code a1} or {@code b1} is 1 for the juice of offer 1, {@code a2} or
 * {@code b2} for offer 2, and {@code n1}, {@code n2} are the amounts divided by 5. No noise (the
 * source adds none).
 *
 * <p>Targets (classes {@code fixate, choice-1, choice-2}): in the decision period, the offer of
 * higher value ({@code nA} against {@code nB/aToB} in drops of A), 0 elsewhere; on an exact tie
 * (impossible with the defaults) one offer drawn at random. Mask 1 on every step. Metadata: {@code
 * groundTruth} (1 or 2), {@code juice1} ("a" or "b"), {@code nA}, {@code nB}, {@code value1},
 * {@code value2} (in drops of A).
 *
 * <p>Deliberate difference: the source has no ground truth (its {@code gt} is always 0) and only
 * rewards a choice with the chosen offer's value, counting it correct when that value is the
 * higher; this task makes that higher-valued offer the supervised target. Rewards are not modelled.
 */
@Extension
public final class EconomicDecisionMaking implements Task {

  /** The id scripts use. */
  public static final String ID = "economic-decision-making";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("fixation", "offerOn", "decision");

  /** The source's offers as (drops of B, drops of A). */
  private static final int[][] OFFERS = {
    {0, 1}, {1, 3}, {1, 2}, {1, 1}, {2, 1}, {3, 1}, {4, 1}, {6, 1}, {2, 0}
  };

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's economic choice task (Padoa-Schioppa 2006): choose the more valuable of two"
        + " juice offers";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 1500, "Fixation before the offers"),
            period("offerOn", Timing.uniform(1000, 2000), "Both offers shown"),
            period("decision", 750, "Decision period; the higher-valued offer is the target")),
        ParameterSpec.number(
                "aToB", 2.2, "", "Drops of juice B one drop of juice A is worth (source 1/B_to_A)")
            .withMin(0));
  }

  /**
   * @throws IllegalArgumentException if dt or {@code aToB} is not positive, or the decision period
   *     can be shorter than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    double aToB = params.number("aToB");
    if (!(aToB > 0) || !Double.isFinite(aToB)) {
      throw new IllegalArgumentException(ID + " needs aToB > 0, got " + aToB);
    }
    ChannelLayout in =
        ChannelLayout.builder()
            .single("fixation")
            .single("a1")
            .single("b1")
            .single("a2")
            .single("b2")
            .single("n1")
            .single("n2")
            .build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").group("choice", 2).build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          boolean aFirst = random.nextInt(2) == 0;
          int[] offer = OFFERS[random.nextInt(OFFERS.length)];
          int nB = offer[0];
          int nA = offer[1];
          int n1 = aFirst ? nA : nB;
          int n2 = aFirst ? nB : nA;
          double valueA = nA;
          double valueB = nB / aToB;
          double value1 = aFirst ? valueA : valueB;
          double value2 = aFirst ? valueB : valueA;
          int groundTruth;
          if (value1 != value2) {
            groundTruth = value1 > value2 ? 1 : 2;
          } else {
            groundTruth = 1 + random.nextInt(2);
          }

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "offerOn");
          b.setInput(1f, aFirst ? "a1" : "b1", "offerOn");
          b.setInput(1f, aFirst ? "b2" : "a2", "offerOn");
          b.setInput(n1 / 5f, "n1", "offerOn");
          b.setInput(n2 / 5f, "n2", "offerOn");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("juice1", aFirst ? "a" : "b");
          b.metadata("nA", nA);
          b.metadata("nB", nB);
          b.metadata("value1", value1);
          b.metadata("value2", value2);
          return b.build();
        });
  }
}
