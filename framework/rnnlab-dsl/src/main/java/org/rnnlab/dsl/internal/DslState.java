package org.rnnlab.dsl.internal;

import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.runtime.metaclass.MethodSelectionException;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;

/**
 * Everything one run of a Groovy experiment script builds: the tree, the location of each value,
 * and which block the script is in. The context classes are thin: each keyword is one call here.
 *
 * <p>Lines come from the call stack: the innermost frame whose source file is the script is the
 * line of the keyword call, also when the call is made inside a helper method of the script.
 */
final class DslState {

  private static final StackWalker STACK = StackWalker.getInstance();

  /** Groovy names the method it could not choose only in its message. */
  private static final Pattern AMBIGUOUS_CALL = Pattern.compile("which method (\\w+)\\(");

  private final LocatedTree tree;
  private final String unitName;
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<Block, Map<String, Object>> blockMaps = new EnumMap<>(Block.class);
  private final Deque<Block> blocks = new ArrayDeque<>();
  private final Map<String, Integer> firstLines = new HashMap<>();
  private boolean experimentCalled;

  /**
   * @param sourceName the file name used in locations and messages
   * @param unitName the name the script was compiled under; its stack frames carry this file name
   */
  DslState(String sourceName, String unitName) {
    this.tree = new LocatedTree(sourceName);
    this.unitName = unitName;
    blockMaps.put(Block.EXPERIMENT, root);
  }

  /** The line of the script that is executing now, or 0 if the script is not on the stack. */
  int callerLine() {
    return STACK.walk(
        frames ->
            frames
                .filter(f -> unitName.equals(f.getFileName()) && f.getLineNumber() > 0)
                .findFirst()
                .map(StackFrame::getLineNumber)
                .orElse(0));
  }

  // ---- keywords

  void experiment(String name, Closure<?> body, int line) {
    if (experimentCalled) {
      throw tree.error(
          line,
          "",
          "experiment(...) is called a second time (first at line "
              + tree.lineOf("name")
              + "); a script describes one experiment");
    }
    require(Block.TOP, "experiment", line);
    if (name == null || body == null) {
      throw wrongArguments("experiment", new Object[] {name, body}, line);
    }
    experimentCalled = true;
    root.put("name", convert(name, "name", line));
    runBlock(Block.EXPERIMENT, new ExperimentContext(this), body);
  }

  /** A scalar setting such as {@code seed 42} or {@code steps 2000}. */
  void setting(Block block, String keyword, Object value, int line) {
    require(block, keyword, line);
    String path = LocatedTree.child(pathOf(block), keyword);
    once(path, keyword, line);
    if (value == null) {
      throw wrongArguments(keyword, new Object[] {null}, line);
    }
    blockMaps.get(block).put(keyword, convert(value, path, line));
  }

  /** A component given once, such as {@code task} or {@code optimizer}. */
  void component(Block block, String keyword, Map<?, ?> params, String id, int line) {
    require(block, keyword, line);
    String path = LocatedTree.child(pathOf(block), keyword);
    once(path, keyword, line);
    blockMaps.get(block).put(keyword, component(path, keyword, params, id, line));
  }

  /**
   * A component appended to a list: {@code loss} to {@code loss}, {@code analyze} to {@code
   * analyses}.
   */
  void appendComponent(String keyword, String listKey, Map<?, ?> params, String id, int line) {
    require(Block.EXPERIMENT, keyword, line);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) root.get(listKey);
    if (list == null) {
      tree.record(listKey, line);
      list = new ArrayList<>();
      root.put(listKey, list);
    }
    String path = LocatedTree.element(listKey, list.size());
    list.add(component(path, keyword, params, id, line));
  }

  /** A nested block such as {@code train { }}: its settings go into a map named after it. */
  void block(Block parent, String keyword, Block inner, Object context, Closure<?> body, int line) {
    require(parent, keyword, line);
    String path = LocatedTree.child(pathOf(parent), keyword);
    once(path, keyword, line);
    if (body == null) {
      throw wrongArguments(keyword, new Object[] {null}, line);
    }
    tree.record(path, line);
    Map<String, Object> settings = new LinkedHashMap<>();
    blockMaps.get(parent).put(keyword, settings);
    blockMaps.put(inner, settings);
    runBlock(inner, context, body);
  }

  private void runBlock(Block block, Object context, Closure<?> body) {
    Closure<?> bound = body.rehydrate(context, body.getOwner(), body.getThisObject());
    bound.setResolveStrategy(Closure.DELEGATE_FIRST);
    blocks.push(block);
    bound.call();
    // Not in a finally: after a failure the stack still says which block the script was in.
    blocks.pop();
  }

  // ---- values

  private Map<String, Object> component(
      String path, String keyword, Map<?, ?> params, String id, int line) {
    if (id == null || params == null) {
      Object[] given =
          params == null || params.isEmpty() ? new Object[] {id} : new Object[] {params, id};
      throw wrongArguments(keyword, given, line);
    }
    tree.record(path, line);
    tree.record(LocatedTree.child(path, "id"), line);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    for (Map.Entry<?, ?> entry : params.entrySet()) {
      String key = key(entry.getKey(), path, line);
      if (key.equals("id")) {
        throw tree.error(
            line,
            LocatedTree.child(path, "id"),
            keyword
                + " takes its id as the first argument; remove id: from its parameters"
                + " (e.g. "
                + Block.owning(keyword).flatMap(b -> b.keyword(keyword)).orElseThrow().example()
                + ")");
      }
      out.put(key, convert(entry.getValue(), LocatedTree.child(path, key), line));
    }
    return out;
  }

  /** Converts a Groovy value to a canonical one, recording {@code line} for it and its parts. */
  private Object convert(Object value, String path, int line) {
    tree.record(path, line);
    if (value == null || value instanceof Boolean) {
      return value;
    }
    if (value instanceof CharSequence || value instanceof Character) {
      // GString and friends become plain text.
      return value.toString();
    }
    if (value instanceof Number number) {
      Number canonical = Canonical.number(number);
      if (canonical == null) {
        throw tree.error(
            line,
            path,
            "the whole number " + number + " is too large (at most " + Long.MAX_VALUE + ")");
      }
      return canonical;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = key(entry.getKey(), path, line);
        out.put(key, convert(entry.getValue(), LocatedTree.child(path, key), line));
      }
      return out;
    }
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      List<Object> items = new ArrayList<>();
      if (value instanceof Collection<?> collection) {
        items.addAll(collection);
      } else {
        for (int i = 0; i < Array.getLength(value); i++) {
          items.add(Array.get(value, i));
        }
      }
      List<Object> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        out.add(convert(items.get(i), LocatedTree.element(path, i), line));
      }
      return out;
    }
    if (value instanceof Closure) {
      throw tree.error(line, path, "a block { ... } cannot be used as the value of " + path);
    }
    throw tree.error(
        line,
        path,
        "values must be numbers, text, true/false, lists or maps; "
            + path
            + " is "
            + Canonical.describe(value));
  }

  private String key(Object key, String path, int line) {
    if (!(key instanceof CharSequence)) {
      throw tree.error(
          line,
          path,
          "map keys must be names; found " + Canonical.describe(key) + " used as a key");
    }
    String text = key.toString();
    String problem = Canonical.keyProblem(text);
    if (problem != null) {
      throw tree.error(line, path, problem);
    }
    return text;
  }

  private static String pathOf(Block block) {
    return switch (block) {
      case TRAIN -> "train";
      case EVALUATION -> "evaluation";
      default -> "";
    };
  }

  // ---- checks and errors

  private Block currentBlock() {
    return blocks.isEmpty() ? Block.TOP : blocks.peek();
  }

  private void require(Block block, String keyword, int line) {
    Block current = currentBlock();
    if (current != block) {
      throw misplaced(keyword, block, current, line);
    }
  }

  private void once(String path, String keyword, int line) {
    Integer first = firstLines.putIfAbsent(path, line);
    if (first != null) {
      throw tree.error(
          line, path, keyword + " is given twice (first at line " + first + "); give it once");
    }
  }

  /** A call that no keyword, script method or binding closure answers. */
  SpecException unknownKeyword(String name, Object[] args, int line) {
    Block current = currentBlock();
    if (current.keyword(name).isPresent()) {
      return wrongArguments(name, args, line);
    }
    Optional<Block> home = Block.owning(name);
    if (home.isPresent()) {
      return misplaced(name, home.get(), current, line);
    }
    return tree.error(line, "", "unknown keyword '" + name + "' " + current.where() + hint(name));
  }

  /** {@code name = value} inside a block, which Groovy would otherwise set on the script. */
  SpecException assignment(String name, int line) {
    Block current = currentBlock();
    Optional<Block.Keyword> keyword = current.keyword(name);
    if (keyword.isPresent()) {
      return tree.error(
          line,
          "",
          "settings are keyword calls, not assignments: drop the '=' and write e.g. "
              + keyword.get().example());
    }
    Optional<Block> home = Block.owning(name);
    if (home.isPresent()) {
      return misplaced(name, home.get(), current, line);
    }
    return tree.error(
        line,
        "",
        "unknown setting '"
            + name
            + "' "
            + current.where()
            + hint(name)
            + " (to set a script variable inside a block, declare it with def first)");
  }

  private SpecException wrongArguments(String name, Object[] args, int line) {
    Block.Keyword keyword =
        Block.owning(name).flatMap(b -> b.keyword(name)).orElseThrow(IllegalStateException::new);
    return tree.error(
        line,
        "",
        name
            + " takes "
            + keyword.takes()
            + ", e.g. "
            + keyword.example()
            + "; got: "
            + Calls.describe(name, args));
  }

  private SpecException misplaced(String name, Block home, Block current, int line) {
    String message =
        "'" + name + "' is not valid " + current.where() + "; it belongs " + home.where();
    if (!current.keywordNames().isEmpty()) {
      message += ". Valid " + current.where() + ": " + String.join(", ", current.keywordNames());
    }
    return tree.error(line, "", message);
  }

  private String hint(String name) {
    Collection<String> valid = currentBlock().keywordNames();
    String suggestion =
        Suggestions.closest(name, valid).map(s -> "; did you mean '" + s + "'?").orElse(";");
    return suggestion + " valid: " + String.join(", ", valid);
  }

  /** Turns an exception thrown while the script ran into a message for the user. */
  SpecException scriptFailure(Throwable thrown) {
    Throwable failure = thrown;
    while (failure instanceof InvokerInvocationException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SpecException spec) {
        return spec;
      }
    }
    int line = lineOf(failure);
    if (failure instanceof MissingPropertyException missing && isDslType(missing.getType())) {
      return unknownName(missing.getProperty(), line);
    }
    if (failure instanceof MissingMethodException missing && isDslType(missing.getType())) {
      return unknownKeyword(missing.getMethod(), missing.getArguments(), line);
    }
    if (failure instanceof MethodSelectionException) {
      // A keyword called without arguments matches several overloads equally badly.
      Matcher matcher = AMBIGUOUS_CALL.matcher(String.valueOf(failure.getMessage()));
      if (matcher.find() && Block.owning(matcher.group(1)).isPresent()) {
        return unknownKeyword(matcher.group(1), new Object[0], line);
      }
    }
    if (failure instanceof StackOverflowError) {
      return tree.error(line, "", "the script recursed too deeply (stack overflow)");
    }
    String text = failure.getMessage() == null ? "" : ": " + failure.getMessage().strip();
    return new SpecException(
        tree.at(line, ""),
        "the script failed: " + failure.getClass().getSimpleName() + text,
        failure);
  }

  private SpecException unknownName(String name, int line) {
    Block current = currentBlock();
    Optional<Block.Keyword> keyword = current.keyword(name);
    if (keyword.isPresent()) {
      return tree.error(
          line, "", name + " needs " + keyword.get().takes() + ", e.g. " + keyword.get().example());
    }
    return tree.error(
        line,
        "",
        "unknown name '"
            + name
            + "' "
            + current.where()
            + ": it is not a keyword, a variable or a property (text must be quoted, e.g. '"
            + name
            + "')");
  }

  private int lineOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        if (unitName.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
          return frame.getLineNumber();
        }
      }
    }
    return 0;
  }

  private static boolean isDslType(Class<?> type) {
    return type != null
        && (ExperimentScript.class.isAssignableFrom(type)
            || Closure.class.isAssignableFrom(type)
            || type.getPackageName().equals(DslState.class.getPackageName()));
  }

  /**
   * The finished document.
   *
   * @throws SpecException if the script never called {@code experiment}
   */
  SpecDocument finish() {
    if (!experimentCalled) {
      throw tree.error(
          1,
          "",
          "the script never calls experiment(...); write experiment('my-study') { task ...;"
              + " model ...; loss ...; train { ... } }");
    }
    return tree.toDocument(root);
  }

  /** Renders a call as the user would have written it, for messages. */
  static final class Calls {
    private Calls() {}

    static String describe(String name, Object[] args) {
      List<String> parts = new ArrayList<>();
      Map<?, ?> named = null;
      for (int i = 0; i < args.length; i++) {
        // Groovy passes named arguments as a map in the first position.
        if (i == 0 && args[i] instanceof Map<?, ?> map && !map.isEmpty()) {
          named = map;
        } else {
          parts.add(render(args[i]));
        }
      }
      if (named != null) {
        named.forEach((k, v) -> parts.add(k + ": " + render(v)));
      }
      return parts.isEmpty() ? name + "()" : name + " " + String.join(", ", parts);
    }

    private static String render(Object value) {
      if (value == null) {
        return "null";
      }
      if (value instanceof CharSequence || value instanceof Character) {
        return "'" + value + "'";
      }
      if (value instanceof Closure) {
        return "{ ... }";
      }
      if (value instanceof Map<?, ?> map) {
        return map.isEmpty()
            ? "[:]"
            : map.entrySet().stream()
                .map(e -> e.getKey() + ": " + render(e.getValue()))
                .collect(Collectors.joining(", ", "[", "]"));
      }
      if (value instanceof Collection<?> collection) {
        return collection.stream().map(Calls::render).collect(Collectors.joining(", ", "[", "]"));
      }
      if (value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      return "a " + value.getClass().getSimpleName();
    }
  }
}
