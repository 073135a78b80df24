package org.rnnlab.plugins.cognitive.yang;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.Trial;
import org.rnnlab.testkit.ComponentContract;

/** The 20 components in the paper's canonical order, and helpers to draw trials. */
final class YangFixtures {

  private YangFixtures() {}

  /** The rule names in the order of gyyang/multitask's {@code rules_dict['all']}. */
  static final List<String> CANONICAL =
      List.of(
          "go",
          "rtgo",
          "dlygo",
          "anti",
          "rtanti",
          "dlyanti",
          "dm1",
          "dm2",
          "ctxdm1",
          "ctxdm2",
          "multidm",
          "dlydm1",
          "dlydm2",
          "ctxdlydm1",
          "ctxdlydm2",
          "multidlydm",
          "dms",
          "dnms",
          "dmc",
          "dnmc");

  static final List<Task> COMPONENTS =
      List.of(
          new YangGo(),
          new YangRtGo(),
          new YangDlyGo(),
          new YangAnti(),
          new YangRtAnti(),
          new YangDlyAnti(),
          new YangDm1(),
          new YangDm2(),
          new YangCtxDm1(),
          new YangCtxDm2(),
          new YangMultiDm(),
          new YangDlyDm1(),
          new YangDlyDm2(),
          new YangCtxDlyDm1(),
          new YangCtxDlyDm2(),
          new YangMultiDlyDm(),
          new YangDms(),
          new YangDnms(),
          new YangDmc(),
          new YangDnmc());

  /** Arguments (component, canonical index, rule name) for every task. */
  static Stream<Arguments> all() {
    return IntStream.range(0, COMPONENTS.size())
        .mapToObj(i -> Arguments.of(COMPONENTS.get(i), i, CANONICAL.get(i)));
  }

  static Task component(String name) {
    return COMPONENTS.get(CANONICAL.indexOf(name));
  }

  /** The task with the given overrides (e.g. {@code sigmaX: 0}). */
  static YangTaskEngine task(Task component, Map<String, ?> overrides) {
    return (YangTaskEngine) component.create(ComponentContract.parameters(component, overrides));
  }

  /** A noise-free task at dt 20 ms. */
  static YangTaskEngine clean(Task component) {
    return task(component, Map.of("sigmaX", 0));
  }

  static List<Trial> trials(YangTaskEngine task, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return IntStream.range(0, n).mapToObj(i -> task.newTrial(random)).toList();
  }

  static double number(Trial trial, String key) {
    return ((Number) trial.metadata().get(key)).doubleValue();
  }

  static boolean flag(Trial trial, String key) {
    return (Boolean) trial.metadata().get(key);
  }

  /** The absolute angular distance in [0, π]. */
  static double distance(double a, double b) {
    double d = Math.abs(a - b) % (2 * Math.PI);
    return Math.min(d, 2 * Math.PI - d);
  }
}
