package org.rnnlab.api.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment as written, before validation: a tree of maps, lists and scalars, plus where each
 * value came from.
 *
 * <p>Both front ends (Groovy and YAML) produce this same tree, so they are validated and resolved
 * by one code path. Scalars are {@link String}, {@link Long}, {@link Double} or {@link Boolean};
 * maps preserve insertion order. Paths look like {@code task.timing.stimulus} and {@code
 * analyses[0].trials}.
 *
 * <p>Instances are immutable: {@link #withValue} returns a changed copy.
 */
public final class SpecDocument {

  private final String source;
  private final Map<String, Object> tree;
  private final Map<String, SourceLocation> locations;

  /**
   * @param source file name the document was read from
   * @param tree the values; deep-copied
   * @param locations path to location; deep-copied
   */
  public SpecDocument(
      String source, Map<String, Object> tree, Map<String, SourceLocation> locations) {
    this.source = source;
    this.tree = deepCopyMap(tree);
    this.locations = Map.copyOf(locations);
  }

  public String source() {
    return source;
  }

  /** A deep copy of the tree, safe to modify. */
  public Map<String, Object> tree() {
    return deepCopyMap(tree);
  }

  /**
   * Where the value at {@code path} was written; falls back to the closest enclosing value, then to
   * the file itself.
   */
  public SourceLocation locate(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      SourceLocation loc = locations.get(p);
      if (loc != null) {
        return loc.path().equals(path) ? loc : loc.at(path);
      }
      p = parent(p);
    }
    return SourceLocation.ofPath(source, path);
  }

  /**
   * Returns a copy with {@code path} set to {@code value}, creating intermediate maps as needed.
   *
   * @param path dotted path; list elements as {@code analyses[0]}
   * @param value scalar, list or map
   * @param location recorded for error messages about this value
   * @throws SpecException if the path crosses a scalar or an index beyond a list's end
   */
  public SpecDocument withValue(String path, Object value, SourceLocation location) {
    Map<String, Object> copy = deepCopyMap(tree);
    Object container = copy;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      String part = parts[i];
      String key = part;
      Integer index = null;
      int bracket = part.indexOf('[');
      if (bracket >= 0 && part.endsWith("]")) {
        key = part.substring(0, bracket);
        try {
          index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        } catch (NumberFormatException e) {
          throw new SpecException(location, "'" + part + "' is not a valid list index");
        }
      }
      if (!(container instanceof Map)) {
        throw new SpecException(location, "cannot set '" + path + "': '" + key + "' is not a map");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) container;
      if (index == null) {
        if (last) {
          map.put(key, value);
        } else {
          Object next = map.get(key);
          if (next == null) {
            next = new LinkedHashMap<String, Object>();
            map.put(key, next);
          } else if (!(next instanceof Map) && !(next instanceof List)) {
            throw new SpecException(
                location, "cannot set '" + path + "': '" + key + "' is a value, not a map");
          }
          container = next;
        }
      } else {
        Object listObj = map.get(key);
        if (!(listObj instanceof List)) {
          throw new SpecException(
              location, "cannot set '" + path + "': '" + key + "' is not a list");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) listObj;
        if (index < 0 || index >= list.size()) {
          throw new SpecException(
              location,
              "cannot set '"
                  + path
                  + "': "
                  + key
                  + " has "
                  + list.size()
                  + (list.size() == 1 ? " entry" : " entries"));
        }
        if (last) {
          list.set(index, value);
        } else {
          container = list.get(index);
        }
      }
    }
    Map<String, SourceLocation> locs = new LinkedHashMap<>(locations);
    locs.put(path, location);
    return new SpecDocument(source, copy, locs);
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? null : path.substring(0, cut);
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      return deepCopyMap((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(deepCopy(o));
      }
      return out;
    }
    return v;
  }

  private static Map<String, Object> deepCopyMap(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, deepCopy(v)));
    return out;
  }

  @Override
  public String toString() {
    return source + " " + tree;
  }
}
