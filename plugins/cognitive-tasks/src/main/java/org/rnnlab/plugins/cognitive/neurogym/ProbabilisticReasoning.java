package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.ArrayList;
import java.util.Arrays;
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
 * NeuroGym's {@code ProbabilisticReasoning} ({@code
 * neurogym/envs/native/probabilisticreasoning.py}, after Yang and Shadlen 2007, the weather
 * prediction task): four shapes appear one by one at four locations; each shape carries a weight of
 * evidence, and the choice is drawn with the probability their summed log odds give.
 *
 * <p>Periods, in order: {@code fixation} (default 500 ms), {@code stimulus0} … {@code stimulus3}
 * (500 ms each), {@code delay} (uniform in [450, 550) ms), {@code decision} (500 ms); {@code dt}
 * 100 ms. Per trial, in this order: the locations of the four shapes (a random permutation of the
 * four locations), the four shapes (uniformly among the {@code shapeWeights}, with replacement),
 * then the choice: with {@code L} the sum of the four shapes' weights (log10 odds), choice 2 with
 * probability {@code 1/(10^−L + 1)}, choice 1 otherwise.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code loc<l>-s}
 * ({@code l} = location 0..3, {@code s} = shape 1..n, one-hot) is 1 from the stimulus period in
 * which shape {@code s} appears at location {@code l} to the end of {@code stimulus3}, so the
 * shapes accumulate on the screen; all shapes are gone during the delay. No noise (the source adds
 * none).
 *
 * <p>Targets (classes {@code fixate, choice-1, choice-2}): the drawn choice in the decision period,
 * 0 elsewhere. Mask 1 on every step. Metadata: {@code groundTruth} (1 or 2), {@code logOdds}
 * ({@code L}), {@code pChoice2}, and per stimulus {@code i}: {@code shape<i>} (1..n, the channel
 * suffix) and {@code location<i>} (0..3, the channel group).
 *
 * <p>Deliberate difference: the number of locations is fixed at the source's default {@code n_loc}
 * = 4, so that every stimulus period has its own {@code timing} entry as in the source.
 */
@Extension
public final class ProbabilisticReasoning implements Task {

  /** The id scripts use. */
  public static final String ID = "probabilistic-reasoning";

  /** Number of locations and of shapes per trial (the source's {@code n_loc} default). */
  public static final int LOCATIONS = 4;

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "stimulus0", "stimulus1", "stimulus2", "stimulus3", "delay", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's probabilistic reasoning (weather prediction) task: sum the evidence of four"
        + " shapes and choose as their log odds favour";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> periods = new ArrayList<>();
    periods.add(period("fixation", 500, "Fixation before the first shape"));
    for (int i = 0; i < LOCATIONS; i++) {
      periods.add(period("stimulus" + i, 500, "Shape " + (i + 1) + " added to the screen"));
    }
    periods.add(period("delay", Timing.uniform(450, 550), "Delay without shapes"));
    periods.add(period("decision", 500, "Decision period; the drawn choice is the target"));
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(periods.toArray(ParameterSpec[]::new)),
        ParameterSpec.numbers(
            "shapeWeights",
            List.of(-10.0, -0.9, -0.7, -0.5, -0.3, 0.3, 0.5, 0.7, 0.9, 10.0),
            "log10 odds",
            "Weight of evidence for choice 2 of each shape; one input channel per shape and"
                + " location"));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, {@code shapeWeights} is empty or not
   *     finite, or the decision period can be shorter than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    double[] weights = params.numbers("shapeWeights");
    if (weights.length == 0 || !Arrays.stream(weights).allMatch(Double::isFinite)) {
      throw new IllegalArgumentException(
          ID + ": 'shapeWeights' must be finite and not empty, got " + Arrays.toString(weights));
    }
    int shapes = weights.length;
    ChannelLayout.Builder inBuilder = ChannelLayout.builder().single("fixation");
    for (int l = 0; l < LOCATIONS; l++) {
      inBuilder.group("loc" + l, shapes);
    }
    ChannelLayout in = inBuilder.build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").group("choice", 2).build();
    String[] beforeDecision = PERIODS.subList(0, PERIODS.size() - 1).toArray(String[]::new);
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        random -> {
          int[] locations = new int[LOCATIONS];
          for (int i = 0; i < LOCATIONS; i++) {
            locations[i] = i;
          }
          for (int i = LOCATIONS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = locations[i];
            locations[i] = locations[j];
            locations[j] = swap;
          }
          int[] shown = new int[LOCATIONS];
          double logOdds = 0;
          for (int i = 0; i < LOCATIONS; i++) {
            shown[i] = random.nextInt(shapes);
            logOdds += weights[shown[i]];
          }
          double pChoice2 = 1 / (Math.pow(10, -logOdds) + 1);
          int groundTruth = random.nextDouble() < pChoice2 ? 2 : 1;

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", beforeDecision);
          for (int i = 0; i < LOCATIONS; i++) {
            String channel =
                shapes == 1 ? "loc" + locations[i] : "loc" + locations[i] + "-" + (shown[i] + 1);
            String[] onScreen = new String[LOCATIONS - i];
            for (int j = i; j < LOCATIONS; j++) {
              onScreen[j - i] = "stimulus" + j;
            }
            b.setInput(1f, channel, onScreen);
          }
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("logOdds", logOdds);
          b.metadata("pChoice2", pChoice2);
          for (int i = 0; i < LOCATIONS; i++) {
            b.metadata("shape" + i, shown[i] + 1);
            b.metadata("location" + i, locations[i]);
          }
          return b.build();
        });
  }
}
