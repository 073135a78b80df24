package org.rnnlab.dsl;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.dsl.internal.YamlFrontEnd;

/**
 * Applies command-line overrides ({@code --set path=value}) to an experiment.
 *
 * <p>A path names a value in the canonical tree: {@code train.steps}, {@code task.timing.stimulus},
 * {@code analyses[0].trials}. Missing maps along the path are created; list elements must exist.
 * The value is read as YAML with safe loading, so {@code 200} is a whole number, {@code 0.01} and
 * {@code 1e-3} are real numbers, {@code true} is a boolean, {@code [0, 12.8]} is a list, {@code
 * {stimulus: 500}} is a map and anything else is text. The overridden value, and everything inside
 * it, is located at {@code --set} so that later errors point at the command line, not at the file.
 *
 * <p>Stateless and thread-safe.
 */
public final class Overrides {

  /** The source of every overridden value's location. */
  public static final String SOURCE = "--set";

  private static final Pattern PATH =
      Pattern.compile("[^.\\[\\]\\s=]+(\\[\\d+\\])?(\\.[^.\\[\\]\\s=]+(\\[\\d+\\])?)*");

  private Overrides() {}

  /**
   * Applies {@code assignments} in order; a later one wins over an earlier one.
   *
   * @param doc the experiment as read
   * @param assignments each {@code path=value}
   * @return a copy of {@code doc} with the values set
   * @throws SpecException if an assignment is not {@code path=value}, its path is malformed,
   *     crosses a value that is not a map or indexes beyond a list's end, or its value is empty or
   *     not valid YAML
   */
  public static SpecDocument apply(SpecDocument doc, List<String> assignments) {
    Objects.requireNonNull(doc, "doc");
    SpecDocument result = doc;
    for (String assignment : Objects.requireNonNull(assignments, "assignments")) {
      result = applyOne(result, assignment);
    }
    return result;
  }

  private static SpecDocument applyOne(SpecDocument doc, String assignment) {
    int equals = assignment == null ? -1 : assignment.indexOf('=');
    String path = equals < 0 ? "" : assignment.substring(0, equals).strip();
    if (path.isEmpty()) {
      throw new SpecException(
          new SourceLocation(SOURCE, 0, ""),
          "expected --set path=value, e.g. --set train.steps=200; got '" + assignment + "'");
    }
    if (!PATH.matcher(path).matches()) {
      throw new SpecException(
          new SourceLocation(SOURCE, 0, path),
          "'"
              + path
              + "' is not a valid path; write names joined by dots and list positions in"
              + " brackets, e.g. --set task.timing.stimulus=500 or --set analyses[0].trials=50");
    }
    String text = assignment.substring(equals + 1);
    SourceLocation location = new SourceLocation(SOURCE, 0, path);
    if (text.isBlank()) {
      throw new SpecException(
          location,
          "--set "
              + path
              + "= has no value; write --set "
              + path
              + "=value (quote empty text as '')");
    }
    Object value = YamlFrontEnd.parseValue(text, path, SOURCE);
    refuseCrossingAValue(doc.tree(), path, location);
    SpecDocument updated = doc.withValue(path, value, location);
    return relocate(doc, updated, path);
  }

  /**
   * Refuses a path that goes through a value that is neither map nor list ({@code task.dt.x} when
   * {@code task.dt} is 20): {@link SpecDocument#withValue} would replace that value with a map.
   */
  private static void refuseCrossingAValue(
      Map<String, Object> tree, String path, SourceLocation location) {
    Object container = tree;
    String walked = "";
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1 && container instanceof Map<?, ?> map; i++) {
      String part = parts[i];
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      walked = walked.isEmpty() ? part : walked + "." + part;
      Object next = map.get(key);
      if (bracket >= 0 && next instanceof List<?> list) {
        int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        next = index < list.size() ? list.get(index) : null;
      }
      if (next != null && !(next instanceof Map) && !(next instanceof List)) {
        throw new SpecException(
            location,
            "cannot set '"
                + path
                + "': "
                + walked
                + " is "
                + next
                + ", not a map; set "
                + walked
                + " itself instead");
      }
      container = next;
    }
  }

  /**
   * Gives every value inside the overridden one, and every map the override created, the {@code
   * --set} location, so that no value keeps the line of a file value it replaced.
   */
  private static SpecDocument relocate(SpecDocument before, SpecDocument after, String path) {
    Set<String> oldPaths = new HashSet<>();
    collectPaths(before.tree(), "", oldPaths);
    Map<String, Object> tree = after.tree();
    Set<String> newPaths = new LinkedHashSet<>();
    collectPaths(tree, "", newPaths);
    Map<String, SourceLocation> locations = new LinkedHashMap<>();
    for (String p : newPaths) {
      boolean overridden =
          p.equals(path)
              || p.startsWith(path + ".")
              || p.startsWith(path + "[")
              || !oldPaths.contains(p);
      locations.put(p, overridden ? new SourceLocation(SOURCE, 0, p) : after.locate(p));
    }
    return new SpecDocument(after.source(), tree, locations);
  }

  private static void collectPaths(Object value, String path, Set<String> out) {
    if (!path.isEmpty()) {
      out.add(path);
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> collectPaths(v, path.isEmpty() ? k.toString() : path + "." + k, out));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collectPaths(list.get(i), path + "[" + i + "]", out);
      }
    }
  }
}
