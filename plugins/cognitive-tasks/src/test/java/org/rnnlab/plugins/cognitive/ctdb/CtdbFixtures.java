package org.rnnlab.plugins.cognitive.ctdb;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;

/** The 15 components with the facts the tests check them against, written out independently. */
final class CtdbFixtures {

  private CtdbFixtures() {}

  /** A component, its id and the input channel of its rule flag in CtDB's trials. */
  record Case(Task component, String id, int ruleChannel) {
    @Override
    public String toString() {
      return id;
    }
  }

  static final List<Case> CASES =
      List.of(
          new Case(new CtdbDelayPro(), "ctdb-delay-pro", 5),
          new Case(new CtdbDelayAnti(), "ctdb-delay-anti", 6),
          new Case(new CtdbMemoryPro(), "ctdb-memory-pro", 7),
          new Case(new CtdbMemoryAnti(), "ctdb-memory-anti", 8),
          new Case(new CtdbReactPro(), "ctdb-react-pro", 9),
          new Case(new CtdbReactAnti(), "ctdb-react-anti", 10),
          new Case(new CtdbIntMod1(), "ctdb-int-mod1", 11),
          new Case(new CtdbIntMod2(), "ctdb-int-mod2", 12),
          new Case(new CtdbContextIntMod1(), "ctdb-context-int-mod1", 13),
          new Case(new CtdbContextIntMod2(), "ctdb-context-int-mod2", 14),
          new Case(new CtdbContextIntMultimodal(), "ctdb-context-int-multimodal", 15),
          new Case(new CtdbMatchToSample(), "ctdb-match-to-sample", 16),
          new Case(new CtdbNonMatchToSample(), "ctdb-non-match-to-sample", 17),
          new Case(new CtdbMatchCatPro(), "ctdb-match-cat-pro", 18),
          new Case(new CtdbMatchCatAnti(), "ctdb-match-cat-anti", 19));

  static Stream<Case> all() {
    return CASES.stream();
  }

  /** Tasks whose go signal is the fixation input turning off. */
  static Stream<Case> withFixationGoSignal() {
    return all().filter(c -> !c.id().startsWith("ctdb-react") && !c.id().contains("match"));
  }

  /** Tasks whose go signal is the onset of the (test) stimulus; fixation input on throughout. */
  static Stream<Case> withStimulusGoSignal() {
    return all().filter(c -> c.id().startsWith("ctdb-react") || c.id().contains("match"));
  }

  static Case byId(String id) {
    return CASES.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  static OpenLoopTask task(Task component, Map<String, ?> overrides) {
    return (OpenLoopTask) component.create(ComponentContract.parameters(component, overrides));
  }

  /** A noiseless, unpadded instance, so that inputs can be read exactly. */
  static OpenLoopTask clean(Task component) {
    return task(component, Map.of("noise", 0.0, "trialDuration", 0.0));
  }

  static OpenLoopTask clean(String id) {
    return clean(byId(id).component());
  }

  static Stream<Trial> trials(OpenLoopTask task, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Supplier<Trial> next = () -> task.newTrial(random);
    return Stream.generate(next).limit(n);
  }

  /** Source phase bounds in ms, [low, high), per task family prefix. */
  static Map<String, double[]> phaseBounds(String id) {
    if (id.startsWith("ctdb-delay")) {
      return Map.of(
          "context", new double[] {300, 700},
          "stim1", new double[] {200, 1500},
          "response", new double[] {300, 700});
    }
    if (id.startsWith("ctdb-memory")) {
      return Map.of(
          "context", new double[] {300, 700},
          "stim1", new double[] {200, 1600},
          "mem1", new double[] {200, 1600},
          "response", new double[] {300, 700});
    }
    if (id.startsWith("ctdb-react")) {
      return Map.of(
          "context", new double[] {500, 2500},
          "response", new double[] {300, 1700});
    }
    if (id.contains("int")) {
      return Map.of(
          "context", new double[] {200, 600},
          "stim1", new double[] {200, 1600},
          "mem1", new double[] {200, 1600},
          "stim2", new double[] {200, 1600},
          "mem2", new double[] {100, 300},
          "response", new double[] {300, 700});
    }
    return Map.of(
        "context", new double[] {200, 600},
        "stim1", new double[] {200, 1600},
        "mem1", new double[] {200, 1600},
        "response", new double[] {300, 700});
  }

  /** The angle of a cos/sin pair, in [0, 2π). */
  static double angle(float cos, float sin) {
    double a = Math.atan2(sin, cos);
    return a < 0 ? a + 2 * Math.PI : a;
  }

  static double norm(float cos, float sin) {
    return Math.hypot(cos, sin);
  }

  /** Absolute angular distance in [0, π]. */
  static double distance(double a, double b) {
    double d = Math.abs(a - b) % (2 * Math.PI);
    return Math.min(d, 2 * Math.PI - d);
  }
}
