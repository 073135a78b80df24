package org.rnnlab.dsl.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;

/**
 * Collects the location of every value a front end creates, and turns the finished tree into a
 * {@link SpecDocument}. One instance per file read; not thread-safe.
 */
final class LocatedTree {

  private final String source;
  private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

  LocatedTree(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  /** Records that the value at {@code path} was written on {@code line}; the first record wins. */
  void record(String path, int line) {
    locations.putIfAbsent(path, new SourceLocation(source, line, path));
  }

  /** The line recorded for {@code path}, or 0 if none was. */
  int lineOf(String path) {
    SourceLocation location = locations.get(path);
    return location == null ? 0 : location.line();
  }

  SourceLocation at(int line, String path) {
    return new SourceLocation(source, line, path);
  }

  SpecException error(int line, String path, String message) {
    return new SpecException(at(line, path), message);
  }

  SpecDocument toDocument(Map<String, Object> tree) {
    return new SpecDocument(source, Canonical.order(tree), locations);
  }

  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
