package org.rnnlab.dsl.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a YAML experiment file into the canonical tree, recording the line of every value.
 *
 * <p>The file is only <em>composed</em> into SnakeYAML nodes, never constructed into objects: this
 * class walks the nodes itself and builds maps, lists and scalars. Scalars are resolved as
 * SnakeYAML's {@link SafeConstructor} resolves YAML 1.1 core types. Any tag other than YAML's own
 * {@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null}, {@code !!map} and
 * {@code !!seq} is refused, so a file can never name a Java class to instantiate. Duplicate keys,
 * recursive aliases and alias expansion bombs are refused too.
 *
 * <p>Stateless and thread-safe; each call uses its own parser.
 */
public final class YamlFrontEnd {

  /**
   * Aliases to maps and lists per file. SnakeYAML's own guard; {@link #MAX_VALUES} is what bounds
   * the size of the expanded tree.
   */
  static final int MAX_ALIASES = 50;

  /** Largest file, in code points. */
  static final int CODE_POINT_LIMIT = 1 << 20;

  /** Deepest nesting of maps and lists. */
  static final int NESTING_LIMIT = 50;

  /** Most values in one file after aliases are expanded. */
  static final int MAX_VALUES = 100_000;

  private static final String YAML_TAG_PREFIX = Tag.PREFIX;
  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  private YamlFrontEnd() {}

  /**
   * Reads one experiment.
   *
   * @param sourceName the file name used in locations and messages
   * @param text the whole file
   * @return the canonical tree with a location for every value
   * @throws SpecException if the text is not valid YAML, uses a tag, repeats a key, is empty, is
   *     not a map at the top level, or gives a component without an {@code id}
   */
  public static SpecDocument read(String sourceName, String text) {
    Walker walker = new Walker(sourceName, true, "");
    Node root = walker.compose(text);
    if (root == null) {
      throw walker.tree.error(
          1,
          "",
          "the file is empty; an experiment is a map such as"
              + " name: ..., seed: ..., task: {...}, model: {...}, loss: [...], train: {...}");
    }
    return walker.tree.toDocument(walker.experiment(root));
  }

  /**
   * Parses the value of a command-line override ({@code --set path=value}) as YAML: a flow scalar,
   * list or map, resolved and checked by the same rules as a file.
   *
   * @param text the text after {@code =}
   * @param path the path being set, used in messages
   * @param source the name used as the value's source, normally {@code --set}
   * @return a canonical value: String, Long, Double, Boolean, null, list or map
   * @throws SpecException if the text is not valid YAML or uses a tag
   */
  public static Object parseValue(String text, String path, String source) {
    Walker walker = new Walker(source, false, path);
    Node node = walker.compose(text);
    if (node == null) {
      return null;
    }
    return walker.value(node, path, 0);
  }

  /** One walk over one document. */
  private static final class Walker {

    final LocatedTree tree;
    final LoaderOptions options;
    final boolean withLines;
    final String basePath;
    final ScalarResolver resolver;
    final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    final AtomicReference<Tag> refusedGlobalTag = new AtomicReference<>();
    int values;
    int topLevelLine;

    Walker(String source, boolean withLines, String basePath) {
      this.tree = new LocatedTree(source);
      this.withLines = withLines;
      this.basePath = basePath;
      this.options = loaderOptions();
      this.resolver = new ScalarResolver(options);
    }

    private LoaderOptions loaderOptions() {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(MAX_ALIASES);
      options.setCodePointLimit(CODE_POINT_LIMIT);
      options.setNestingDepthLimit(NESTING_LIMIT);
      options.setAllowRecursiveKeys(false);
      options.setProcessComments(false);
      // SnakeYAML refuses custom global tags while composing; remember which one, for the message.
      options.setTagInspector(
          tag -> {
            refusedGlobalTag.compareAndSet(null, tag);
            return false;
          });
      return options;
    }

    Node compose(String text) {
      DumperOptions dumperOptions = new DumperOptions();
      Yaml yaml =
          new Yaml(
              new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options);
      try {
        return yaml.compose(new StringReader(text));
      } catch (MarkedYAMLException e) {
        int line = lineOf(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark());
        Tag refused = refusedGlobalTag.get();
        if (refused != null) {
          throw tagRefused(refused, line);
        }
        if (!withLines) {
          throw error(
              line,
              "",
              "the value '"
                  + text.strip()
                  + "' is not valid YAML: "
                  + describe(e, line)
                  + "; put text in quotes, e.g. "
                  + basePath
                  + "='\"some text\"'");
        }
        throw error(line, "", "malformed YAML: " + describe(e, line));
      } catch (ReaderException e) {
        // A character YAML does not allow, such as a control character; position counts code
        // points from the start.
        long newlines = text.codePoints().limit(e.getPosition()).filter(c -> c == '\n').count();
        throw error(
            (int) newlines + 1, "", "cannot read " + what() + " as YAML: " + e.getMessage());
      } catch (YAMLException e) {
        // A limit was exceeded (size, nesting, aliases); SnakeYAML does not say where.
        throw error(0, "", "cannot read " + what() + " as YAML: " + e.getMessage());
      }
    }

    private String what() {
      return withLines ? "the file" : "the value";
    }

    private static String describe(MarkedYAMLException e, int problemLine) {
      StringBuilder text = new StringBuilder();
      text.append(e.getProblem() == null ? "not valid YAML" : e.getProblem().strip());
      if (e.getContext() != null) {
        text.append(" (").append(e.getContext().strip());
        int contextLine = lineOf(e.getContextMark());
        if (contextLine > 0 && contextLine != problemLine) {
          text.append(" that starts at line ").append(contextLine);
        }
        text.append(')');
      }
      return text.toString();
    }

    /** The canonical experiment tree from the document's root node. */
    Map<String, Object> experiment(Node root) {
      checkTag(root);
      if (!(root instanceof MappingNode mapping)) {
        throw error(
            lineOf(root),
            "",
            "the top level of an experiment file must be a map of keys such as name:, seed:,"
                + " task:, model:, loss:, train:; found "
                + kind(root));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Entry entry : entries(mapping, "")) {
        String key = entry.key();
        String path = entry.key();
        int line = entry.line();
        Node node = entry.value();
        topLevelLine = line;
        Object value =
            switch (key) {
              case "name" -> name(node, line);
              case "task", "model" -> component(node, path, line);
              case "loss", "analyses" -> componentList(node, path, line);
              case "train" -> train(node, line);
              case "evaluation" -> settings(node, path, line, "evaluation: { trials: 500 }");
              default -> value(node, path, line);
            };
        out.put(key, value);
      }
      return out;
    }

    private Object name(Node node, int line) {
      checkTag(node);
      if (node instanceof ScalarNode scalar) {
        Object value = scalar(scalar, "name", line);
        if (value != null) {
          // A name like 2019 is still a name: keep the text as written.
          return value instanceof String ? value : scalar.getValue();
        }
      }
      throw error(line, "name", "name must be text, e.g. name: my-study; found " + kind(node));
    }

    /** A component: a map with an {@code id}, or just its id as text. */
    private Map<String, Object> component(Node node, String path, int line) {
      checkTag(node);
      if (node instanceof ScalarNode scalar) {
        Object id = scalar(scalar, path, line);
        if (id instanceof String text) {
          tree.record(LocatedTree.child(path, "id"), line);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("id", text);
          return out;
        }
        throw error(
            line,
            path,
            path
                + " must name a component, either as its id or as a map with an id,"
                + " e.g. { id: some-component, ... }; found "
                + kind(node));
      }
      if (!(node instanceof MappingNode mapping)) {
        throw error(
            line,
            path,
            path + " must be a map with an id, e.g. { id: some-component, ... }; found a list");
      }
      Map<String, Object> map = map(mapping, path, line);
      if (!map.containsKey("id")) {
        throw error(
            line,
            path,
            path
                + " has no id; write it as { id: some-component, ... }"
                + " (rnnlab plugins lists the component ids)");
      }
      Object id = map.get("id");
      if (!(id instanceof String)) {
        String idPath = LocatedTree.child(path, "id");
        throw error(
            tree.lineOf(idPath),
            idPath,
            idPath + " must be a component id (text); found " + Canonical.describe(id));
      }
      return Canonical.firstKeys(map, List.of("id"));
    }

    /** A list of components; a single component stands for a list of one. */
    private List<Object> componentList(Node node, String path, int line) {
      checkTag(node);
      tree.record(path, line);
      List<Object> out = new ArrayList<>();
      if (node instanceof SequenceNode sequence) {
        enter(sequence, path, line);
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
          Node item = items.get(i);
          out.add(component(item, LocatedTree.element(path, i), lineOf(item)));
        }
        exit(sequence);
      } else if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
        throw error(line, path, path + " has no value; give one component or a list of them");
      } else {
        out.add(component(node, LocatedTree.element(path, 0), line));
      }
      return out;
    }

    private Map<String, Object> train(Node node, int line) {
      checkTag(node);
      if (!(node instanceof MappingNode mapping)) {
        throw error(
            line,
            "train",
            "train must be a map of settings, e.g. train: { optimizer: adam, steps: 2000 };"
                + " found "
                + kind(node));
      }
      tree.record("train", line);
      enter(mapping, "train", line);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Entry entry : entries(mapping, "train")) {
        String path = LocatedTree.child("train", entry.key());
        Object value =
            entry.key().equals("optimizer")
                ? component(entry.value(), path, entry.line())
                : value(entry.value(), path, entry.line());
        out.put(entry.key(), value);
      }
      exit(mapping);
      return out;
    }

    private Map<String, Object> settings(Node node, String path, int line, String example) {
      checkTag(node);
      if (!(node instanceof MappingNode mapping)) {
        throw error(
            line,
            path,
            path + " must be a map of settings, e.g. " + example + "; found " + kind(node));
      }
      return map(mapping, path, line);
    }

    /** Any value, recorded at {@code line} (the line of its key, or its own for list items). */
    Object value(Node node, String path, int line) {
      checkTag(node);
      if (node instanceof ScalarNode scalar) {
        return scalar(scalar, path, line);
      }
      if (node instanceof SequenceNode sequence) {
        tree.record(path, line);
        enter(sequence, path, line);
        List<Object> out = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
          Node item = items.get(i);
          out.add(value(item, LocatedTree.element(path, i), lineOf(item)));
        }
        exit(sequence);
        return out;
      }
      return map((MappingNode) node, path, line);
    }

    private Map<String, Object> map(MappingNode mapping, String path, int line) {
      tree.record(path, line);
      enter(mapping, path, line);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Entry entry : entries(mapping, path)) {
        out.put(
            entry.key(), value(entry.value(), LocatedTree.child(path, entry.key()), entry.line()));
      }
      exit(mapping);
      return out;
    }

    private Object scalar(ScalarNode scalar, String path, int line) {
      count();
      tree.record(path, line);
      Tag tag = scalar.getTag();
      if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.MERGE)) {
        // Dates stay as the text written: the canonical tree has no date type. A `<<` that is not
        // a key is just text.
        return scalar.getValue();
      }
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      Object value;
      try {
        value = resolver.resolve(scalar);
      } catch (RuntimeException e) {
        throw error(
            line, path, "'" + scalar.getValue() + "' is not a valid " + tagText(tag) + " value");
      }
      if (value instanceof Number number) {
        Number canonical = Canonical.number(number);
        if (canonical == null) {
          throw error(
              line,
              path,
              "the whole number "
                  + scalar.getValue()
                  + " is too large (at most "
                  + Long.MAX_VALUE
                  + ")");
        }
        return canonical;
      }
      return value;
    }

    /** The entries of a map in written order, with merge keys ({@code <<}) applied. */
    private List<Entry> entries(MappingNode mapping, String path) {
      Map<String, Integer> explicitLines = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (isMergeKey(keyNode)) {
          continue;
        }
        String key = key(keyNode, path);
        Integer first = explicitLines.putIfAbsent(key, lineOf(keyNode));
        if (first != null) {
          throw error(
              lineOf(keyNode),
              LocatedTree.child(path, key),
              "duplicate key '" + key + "' (first written at line " + first + ")");
        }
      }
      Map<String, Entry> out = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (isMergeKey(keyNode)) {
          for (Entry merged : merged(tuple.getValueNode(), path, lineOf(keyNode))) {
            if (!explicitLines.containsKey(merged.key())) {
              out.putIfAbsent(merged.key(), merged);
            }
          }
        } else {
          String key = keyNode instanceof ScalarNode s ? s.getValue() : "";
          out.put(key, new Entry(key, lineOf(keyNode), tuple.getValueNode()));
        }
      }
      return new ArrayList<>(out.values());
    }

    /** Entries brought in by {@code <<: *anchor} or {@code <<: [*a, *b]}; earlier ones win. */
    private List<Entry> merged(Node source, String path, int line) {
      checkTag(source);
      List<Node> sources =
          source instanceof SequenceNode sequence ? sequence.getValue() : List.of(source);
      Map<String, Entry> out = new LinkedHashMap<>();
      for (Node node : sources) {
        checkTag(node);
        if (!(node instanceof MappingNode mapping)) {
          throw error(
              line, path, "a merge key (<<) needs a map or a list of maps; found " + kind(node));
        }
        enter(mapping, path, line);
        for (Entry entry : entries(mapping, path)) {
          out.putIfAbsent(entry.key(), entry);
        }
        exit(mapping);
      }
      return new ArrayList<>(out.values());
    }

    private boolean isMergeKey(Node keyNode) {
      return keyNode instanceof ScalarNode && keyNode.getTag().equals(Tag.MERGE);
    }

    private String key(Node keyNode, String path) {
      if (!(keyNode instanceof ScalarNode scalar)) {
        throw error(
            lineOf(keyNode),
            path,
            "keys must be plain names; found " + kind(keyNode) + " used as a key");
      }
      checkTag(scalar);
      // A key is a name: `1:` or `on:` mean the text, not a number or a boolean.
      String key = scalar.getValue();
      String problem = Canonical.keyProblem(key);
      if (problem != null) {
        throw error(lineOf(scalar), path, problem);
      }
      return key;
    }

    private void checkTag(Node node) {
      Tag tag = node.getTag();
      boolean allowed =
          switch (node.getNodeId()) {
            case scalar -> SCALAR_TAGS.contains(tag) || tag.equals(Tag.MERGE);
            case sequence -> tag.equals(Tag.SEQ);
            case mapping -> tag.equals(Tag.MAP);
            default -> false;
          };
      if (!allowed) {
        throw tagRefused(tag, lineOf(node));
      }
    }

    private SpecException tagRefused(Tag tag, int line) {
      return error(
          line,
          "",
          "tags are not allowed in experiment files; found "
              + tagText(tag)
              + (withLines ? " at line " + line : "")
              + " (only YAML's own !!str, !!int, !!float, !!bool, !!null, !!seq and !!map"
              + " may be written)");
    }

    private void enter(Node node, String path, int line) {
      if (!inProgress.add(node)) {
        throw error(line, path, "an alias refers to a value that contains it (recursive alias)");
      }
      count();
    }

    private void exit(Node node) {
      inProgress.remove(node);
    }

    private void count() {
      if (++values > MAX_VALUES) {
        // Aliases repeat values written elsewhere; the top-level key being read is the clue.
        throw error(
            topLevelLine,
            "",
            "the file holds more than " + MAX_VALUES + " values once aliases are expanded");
      }
    }

    private SpecException error(int line, String path, String message) {
      return new SpecException(location(line, path), message);
    }

    private SourceLocation location(int line, String path) {
      if (withLines) {
        return tree.at(line, path);
      }
      // An override value: its own lines mean nothing to the user, its path does.
      return tree.at(0, path.isEmpty() ? basePath : path);
    }
  }

  private record Entry(String key, int line, Node value) {}

  /** Exposes SnakeYAML's safe resolution of one scalar node; constructs nothing else. */
  private static final class ScalarResolver extends SafeConstructor {
    ScalarResolver(LoaderOptions options) {
      super(options);
    }

    Object resolve(ScalarNode node) {
      return constructObject(node);
    }
  }

  private static int lineOf(Node node) {
    return lineOf(node.getStartMark());
  }

  private static int lineOf(Mark mark) {
    return mark == null ? 0 : mark.getLine() + 1;
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    return scalar.getTag().equals(Tag.NULL) ? "an empty value" : "'" + scalar.getValue() + "'";
  }

  /** A tag as it was written: {@code !!java.io.File}, {@code !foo} or {@code !<tag:x,2000:y>}. */
  static String tagText(Tag tag) {
    String value = tag.getValue();
    if (value.startsWith(YAML_TAG_PREFIX)) {
      return "!!" + value.substring(YAML_TAG_PREFIX.length());
    }
    return value.startsWith("!") ? value : "!<" + value + ">";
  }
}
