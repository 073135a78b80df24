package org.rnnlab.plugins.cognitive.neurogym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.Timing;
import org.rnnlab.testkit.ComponentContract;
import org.rnnlab.testkit.TaskContract;

/**
 * The properties every NeuroGym task of this package keeps, checked over all of them.
 *
 * <p>{@link #TASKS} is the single list of the package's tasks: add a task there and it is checked
 * for declarations, well-formed and reproducible trials, period order, where the ground truth may
 * be, the go cue (or, without one, a fixation input that stays on or ends with its period), dt
 * invariance and noise scaling. Class-target checks are skipped for tasks with continuous targets,
 * which are checked for dt invariance on their targets instead.
 */
class NeuroGymFidelityTest {

  /** Noisy values the noise check collects, drawing as many trials as it takes. */
  static final int NOISY_VALUES = 2000;

  /** Trials after which the noise check gives up collecting noisy values. */
  static final int MAX_NOISE_TRIALS = 5000;

  /**
   * A task under test.
   *
   * @param task the component
   * @param periods its periods, in the documented order
   * @param responses the periods in which the network must answer (class targets may be non-zero
   *     only there), in trial order; with a go cue the fixation input is off from the first step of
   *     the first one on
   * @param targetFillsResponse whether a non-zero target covers each whole response period (false
   *     for a one-step go target inside it)
   * @param goCue whether the fixation input going off is the go cue; if not, a fixation input, if
   *     the task has one, is on for the whole trial
   * @param go with a go cue, the response period at whose start the fixation input goes off
   * @param inputsFollowAnAgent whether inputs show an ideal agent's state that changes every step
   *     (teacher forcing), so that on a finer grid they differ between the coarse steps' times and
   *     are checked by the task's own test instead
   * @param fixationEnd without a go cue, the period at whose end the fixation input goes off for
   *     good, where the source shows it only until then without asking for an answer; null if it
   *     stays on for the whole trial
   */
  record Case(
      Task task,
      List<String> periods,
      List<String> responses,
      boolean targetFillsResponse,
      boolean goCue,
      String go,
      boolean inputsFollowAnAgent,
      String fixationEnd) {

    /** A task with one response period and a go cue at its start. */
    Case(Task task, List<String> periods, String response, boolean targetFillsResponse) {
      this(task, periods, List.of(response), targetFillsResponse, true);
    }

    /** A task whose go cue, if any, opens its first response period. */
    Case(
        Task task,
        List<String> periods,
        List<String> responses,
        boolean targetFillsResponse,
        boolean goCue) {
      this(task, periods, responses, targetFillsResponse, goCue, responses.get(0), false);
    }

    /** A task whose fixation input, if any, stays on unless it is the go cue. */
    Case(
        Task task,
        List<String> periods,
        List<String> responses,
        boolean targetFillsResponse,
        boolean goCue,
        String go,
        boolean inputsFollowAnAgent) {
      this(task, periods, responses, targetFillsResponse, goCue, go, inputsFollowAnAgent, null);
    }

    Case {
      responses = List.copyOf(responses);
      if (responses.isEmpty() || !periods.containsAll(responses) || !responses.contains(go)) {
        throw new IllegalArgumentException(
            "responses " + responses + " not among " + periods + " or without " + go);
      }
      if (fixationEnd != null && (goCue || !periods.contains(fixationEnd))) {
        throw new IllegalArgumentException(
            "fixationEnd " + fixationEnd + " needs no go cue and one of " + periods);
      }
    }

    @Override
    public String toString() {
      return task.id();
    }
  }

  static final List<Case> TASKS =
      List.of(
          new Case(new GoNogo(), GoNogo.PERIODS, "decision", true),
          new Case(new ContextDecisionMaking(), ContextDecisionMaking.PERIODS, "decision", true),
          new Case(new DelayMatchSample(), DelayMatchSample.PERIODS, "decision", true),
          new Case(new DelayComparison(), DelayComparison.PERIODS, "decision", true),
          new Case(new ReadySetGo(), ReadySetGo.PERIODS, "production", false),
          new Case(new IntervalDiscrimination(), IntervalDiscrimination.PERIODS, "decision", true),
          new Case(
              new MultiSensoryIntegration(), MultiSensoryIntegration.PERIODS, "decision", true),
          new Case(new DelayMatchCategory(), DelayMatchCategory.PERIODS, "test", true),
          new Case(new DelayPairedAssociation(), DelayPairedAssociation.PERIODS, "decision", true),
          new Case(
              new PerceptualDecisionMakingDelayResponse(),
              PerceptualDecisionMakingDelayResponse.PERIODS,
              "decision",
              true),
          new Case(new AntiReach(), AntiReach.PERIODS, "decision", true),
          new Case(new MotorTiming(), MotorTiming.PERIODS, "production", false),
          new Case(new OneTwoThreeGo(), OneTwoThreeGo.PERIODS, "response", false),
          new Case(new EconomicDecisionMaking(), EconomicDecisionMaking.PERIODS, "decision", true),
          new Case(new PulseDecisionMaking(), PulseDecisionMaking.PERIODS, "decision", true),
          new Case(new ProbabilisticReasoning(), ProbabilisticReasoning.PERIODS, "decision", true),
          new Case(new PostDecisionWager(), PostDecisionWager.PERIODS, "decision", true),
          // Answered in both test periods, with the fixation input on throughout, as the source.
          new Case(
              new DualDelayMatchSample(),
              DualDelayMatchSample.PERIODS,
              List.of("test1", "test2"),
              true,
              false),
          // Continuous targets (report probabilities) on every step, no fixation input.
          new Case(
              new SpatialSuppressMotion(),
              SpatialSuppressMotion.PERIODS,
              List.of("stimulus"),
              true,
              false),
          // The rule is reported during the rule targets with the fixation input on; the fixation
          // input goes off at the decision.
          new Case(
              new HierarchicalReasoning(),
              HierarchicalReasoning.PERIODS,
              List.of("ruleTarget", "decision"),
              true,
              true,
              "decision",
              false),
          // Teacher-forced: the self inputs follow an ideal agent; the action target changes to
          // fixate (stay) once it arrives; no fixation input.
          new Case(
              new Reaching1D(), Reaching1D.PERIODS, List.of("reach"), false, false, "reach", true),
          // The same, with the target and the agent's position on one sensor ring.
          new Case(
              new Reaching1DWithSelfDistraction(),
              Reaching1DWithSelfDistraction.PERIODS,
              List.of("reach"),
              false,
              false,
              "reach",
              true),
          // Match is answered in one of three tests; the fixation input is on during fixation only
          // and its end asks for no answer, as in the source.
          new Case(
              new DelayMatchSampleDistractor1D(),
              DelayMatchSampleDistractor1D.PERIODS,
              DelayMatchSampleDistractor1D.TESTS,
              true,
              false,
              "test1",
              false,
              "fixation"),
          // Continuous targets (go, position) on every step; a go input, no fixation input.
          new Case(
              new ReachingDelayResponse(),
              ReachingDelayResponse.PERIODS,
              List.of("decision"),
              true,
              false));

  static Stream<Case> tasks() {
    return TASKS.stream();
  }

  static Stream<Case> noisyTasks() {
    return TASKS.stream().filter(c -> declares(c.task(), "sigma"));
  }

  static Stream<Case> classTargetTasks() {
    return TASKS.stream().filter(NeuroGymFidelityTest::hasClassTargets);
  }

  static Stream<Case> goCueTasks() {
    return classTargetTasks().filter(Case::goCue);
  }

  static Stream<Case> tasksWithoutAGoCue() {
    return TASKS.stream().filter(c -> !c.goCue());
  }

  // ------------------------------------------------------------------ declarations, contract

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void isWellDeclaredWithATimingGroupInPeriodOrder(Case c) {
    ComponentContract.assertWellDeclared(c.task());
    ParameterSpec timing =
        c.task().parameters().stream().filter(p -> p.name().equals("timing")).findFirst().get();
    List<String> fields = timing.fields().stream().map(ParameterSpec::name).toList();
    assertThat(c.periods()).as("every timing names a period").containsAll(fields);
    assertThat(fields).as("timings in trial order").isEqualTo(inOrder(c.periods(), fields));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void givesWellFormedTrialsThatTheSameSeedRepeats(Case c) {
    TaskContract.assertTrialsWellFormed(task(c, Map.of()), 40, 11L);
    TaskContract.assertTrialsWellFormed(task(c, Map.of("dt", defaultDt(c) / 2)), 10, 12L);
  }

  // ------------------------------------------------------------------ periods

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void periodsComeInTheDocumentedOrderAndTileTheTrial(Case c) {
    for (Trial trial : trials(task(c, Map.of()), 30, 21)) {
      assertThat(trial.periods()).extracting(Period::name).isEqualTo(c.periods());
      int end = 0;
      for (Period p : trial.periods()) {
        assertThat(p.startStep())
            .as("%s starts where the previous period ends", p.name())
            .isEqualTo(end);
        end = p.endStep();
      }
      assertThat(end).as("the last period ends the trial").isEqualTo(trial.steps());
    }
  }

  // ------------------------------------------------------------------ ground truth and go cue

  @ParameterizedTest(name = "{0}")
  @MethodSource("classTargetTasks")
  void theGroundTruthIsNonZeroOnlyInTheResponsePeriods(Case c) {
    for (Trial trial : trials(task(c, Map.of()), 60, 31)) {
      List<Period> responses = c.responses().stream().map(trial::period).toList();
      int[] targets = trial.classTargets();
      boolean any = false;
      for (int t = 0; t < trial.steps(); t++) {
        Period response = containing(responses, t);
        boolean inside = response != null;
        if (targets[t] != 0) {
          any = true;
          assertThat(inside)
              .as("class %d at step %d lies in one of %s", targets[t], t, responses)
              .isTrue();
        }
        if (inside && c.targetFillsResponse()) {
          assertThat(targets[t])
              .as("the target fills '%s': step %d", response.name(), t)
              .isEqualTo(targets[response.startStep()]);
        }
        if (targets[t] == 0
            && inside
            && c.targetFillsResponse()
            && trial.metadata().containsKey("groundTruth")) {
          assertThat(((Number) trial.metadata().get("groundTruth")).intValue())
              .as("a zero target in a response period means the answer is 'fixate'")
              .isZero();
        }
      }
      if (trial.metadata().get("groundTruth") instanceof Number g && g.intValue() != 0) {
        assertThat(any).as("a trial with ground truth %s asks for it", g).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goCueTasks")
  void theFixationInputGoesOffExactlyWhenTheResponseTargetStarts(Case c) {
    // Noise-free, so that "on" is exactly 1 (some sources add noise to the fixation input).
    OpenLoopTask task = task(c, declares(c.task(), "sigma") ? Map.of("sigma", 0.0) : Map.of());
    int fixation = task.inputChannels().indexOf("fixation");
    assertThat(fixation).as("a go cue needs a fixation input").isNotNegative();
    for (Trial trial : trials(task, 60, 41)) {
      int go = trial.period(c.go()).startStep();
      for (int t = 0; t < trial.steps(); t++) {
        assertThat(trial.inputs()[t][fixation])
            .as("fixation input at step %d, response starts at %d", t, go)
            .isEqualTo(t < go ? 1f : 0f);
      }
      int first = firstNonZero(trial.classTargets(), go);
      if (first >= 0 && c.targetFillsResponse()) {
        assertThat(first)
            .as("the response target starts at the go cue, not a step off")
            .isEqualTo(go);
      } else if (first >= 0) {
        assertThat(first).as("the go target lies after the go cue").isGreaterThanOrEqualTo(go);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasksWithoutAGoCue")
  void withoutAGoCueAFixationInputStaysOnForTheWholeTrialOrUntilItsPeriodEnds(Case c) {
    OpenLoopTask task = task(c, declares(c.task(), "sigma") ? Map.of("sigma", 0.0) : Map.of());
    int fixation = task.inputChannels().indexOf("fixation");
    assertThat(c.fixationEnd() == null || fixation >= 0)
        .as("a fixation input that ends needs a fixation input")
        .isTrue();
    for (Trial trial : trials(task, 30, 42)) {
      int end = c.fixationEnd() == null ? trial.steps() : trial.period(c.fixationEnd()).endStep();
      for (int t = 0; fixation >= 0 && t < trial.steps(); t++) {
        assertThat(trial.inputs()[t][fixation])
            .as("fixation input at step %d, on until step %d", t, end)
            .isEqualTo(t < end ? 1f : 0f);
      }
    }
  }

  // ------------------------------------------------------------------ dt invariance

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void halvingDtKeepsDurationsInMsMeanInputsAndTheResponseTime(Case c) {
    double dt = defaultDt(c);
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("timing", constantTimingsOnTheGrid(c.task(), dt));
    if (declares(c.task(), "sigma")) {
      overrides.put("sigma", 0.0);
    }
    Map<String, Object> fineOverrides = new HashMap<>(overrides);
    fineOverrides.put("dt", dt / 2);
    OpenLoopTask coarse = task(c, overrides);
    OpenLoopTask fine = task(c, fineOverrides);
    for (int n = 0; n < 20; n++) {
      // One generator per trial: a finer grid draws more noise values, even at sigma 0.
      Trial a = coarse.newTrial(new SplittableRandom(51 + n));
      Trial b = fine.newTrial(new SplittableRandom(51 + n));
      for (String name : c.periods()) {
        assertThat(b.period(name).steps() * dt / 2)
            .as("%s in ms", name)
            .isEqualTo(a.period(name).steps() * dt);
      }
      assertThat(b.steps()).isEqualTo(2 * a.steps());
      for (int t = 0; t < a.steps() && !c.inputsFollowAnAgent(); t++) {
        assertThat(b.inputs()[2 * t]).as("inputs at %s ms", t * dt).isEqualTo(a.inputs()[t]);
        assertThat(b.inputs()[2 * t + 1])
            .as("inputs at %s ms", (t + 0.5) * dt)
            .isEqualTo(a.inputs()[t]);
      }
      if (a.classTargets() != null) {
        int first = firstNonZero(a.classTargets());
        assertThat(firstNonZero(b.classTargets()))
            .as("response at %s ms, on the finer grid too", first * dt)
            .isEqualTo(first < 0 ? -1 : 2 * first);
      } else {
        for (int t = 0; t < a.steps(); t++) {
          float[] expected = a.targets()[t];
          float[] actual = b.targets()[2 * t];
          for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k])
                .as("target %d at %s ms, on the finer grid too", k, t * dt)
                .isCloseTo(expected[k], within(1e-6f));
          }
        }
      }
      assertThat(withoutSteps(b.metadata())).isEqualTo(withoutSteps(a.metadata()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noisyTasks")
  void stimulusNoiseHasStandardDeviationSigmaOverSqrtDt(Case c) {
    double dt = defaultDt(c);
    for (double step : new double[] {dt, dt / 2}) {
      double sigma = 0.8;
      OpenLoopTask noisy = task(c, Map.of("dt", step, "sigma", sigma));
      OpenLoopTask clean = task(c, Map.of("dt", step, "sigma", 0.0));
      // Same seed: the same trial variables, so the difference is the noise alone. Trials are
      // drawn until there are enough noisy values, however short the noisy periods are.
      SplittableRandom noisyRandom = new SplittableRandom(61);
      SplittableRandom cleanRandom = new SplittableRandom(61);
      double sum = 0;
      double squares = 0;
      int n = 0;
      for (int drawn = 0; n < NOISY_VALUES; drawn++) {
        assertThat(drawn)
            .as("trials drawn for %d noisy values at dt %s (%d so far)", NOISY_VALUES, step, n)
            .isLessThan(MAX_NOISE_TRIALS);
        float[][] x = noisy.newTrial(noisyRandom).inputs();
        float[][] y = clean.newTrial(cleanRandom).inputs();
        for (int t = 0; t < x.length; t++) {
          for (int k = 0; k < x[t].length; k++) {
            double r = x[t][k] - y[t][k];
            if (r != 0) {
              sum += r;
              squares += r * r;
              n++;
            }
          }
        }
      }
      double expected = sigma / Math.sqrt(step);
      assertThat(Math.sqrt(squares / n))
          .as("noise std at dt %s", step)
          .isCloseTo(expected, within(0.05 * expected));
      assertThat(sum / n).as("noise mean").isCloseTo(0, within(0.1 * expected));
    }
  }

  // ------------------------------------------------------------------ helpers

  static OpenLoopTask task(Case c, Map<String, ?> overrides) {
    return (OpenLoopTask) c.task().create(ComponentContract.parameters(c.task(), overrides));
  }

  static List<Trial> trials(OpenLoopTask task, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(task.newTrial(random));
    }
    return out;
  }

  static boolean hasClassTargets(Case c) {
    return task(c, Map.of()).targetKind() == TargetKind.CLASS_INDEX;
  }

  /** The period among {@code periods} that contains step {@code t}, or null. */
  private static Period containing(List<Period> periods, int t) {
    for (Period p : periods) {
      if (t >= p.startStep() && t < p.endStep()) {
        return p;
      }
    }
    return null;
  }

  static boolean declares(Task task, String name) {
    return task.parameters().stream().anyMatch(p -> p.name().equals(name));
  }

  static double defaultDt(Case c) {
    return ComponentContract.defaults(c.task()).number("dt");
  }

  static int firstNonZero(int[] values) {
    return firstNonZero(values, 0);
  }

  /** The first step from {@code from} on with a non-zero value, or -1. */
  static int firstNonZero(int[] values, int from) {
    for (int t = from; t < values.length; t++) {
      if (values[t] != 0) {
        return t;
      }
    }
    return -1;
  }

  /** Every timing replaced by a constant: its mean floored to the dt grid, at least one step. */
  private static Map<String, Object> constantTimingsOnTheGrid(Task task, double dt) {
    ParameterSpec timing =
        task.parameters().stream().filter(p -> p.name().equals("timing")).findFirst().get();
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParameterSpec field : timing.fields()) {
      double mean = Timing.fromValue(field.defaultValue()).meanMs();
      out.put(field.name(), Math.max(1, Math.floor(mean / dt)) * dt);
    }
    return out;
  }

  private static Map<String, Object> withoutSteps(Map<String, Object> metadata) {
    Map<String, Object> out = new LinkedHashMap<>(metadata);
    out.keySet().removeIf(k -> k.endsWith("Step"));
    return out;
  }

  private static List<String> inOrder(List<String> order, List<String> names) {
    return order.stream().filter(names::contains).toList();
  }
}
