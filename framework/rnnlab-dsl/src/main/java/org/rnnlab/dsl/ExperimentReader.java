package org.rnnlab.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.dsl.internal.GroovyFrontEnd;
import org.rnnlab.dsl.internal.YamlFrontEnd;

/**
 * Reads an experiment script, Groovy or YAML, into a {@link SpecDocument}: the experiment as
 * written, as one canonical tree with the file and line of every value.
 *
 * <p>Both front ends give the same tree for the same experiment (see {@code docs/dsl.md}). Nothing
 * here checks component ids, parameter names, types or ranges; the core does that later against the
 * plugin registry and reports problems at the locations recorded here.
 *
 * <p>A Groovy script is the user's own code and runs with the user's rights, like a build script.
 * YAML is read with safe loading: no tags, so no Java objects are ever created from a file.
 *
 * <p>All methods are static and thread-safe.
 */
public final class ExperimentReader {

  private ExperimentReader() {}

  /**
   * Reads an experiment file, choosing the front end by the file's extension ({@code .groovy},
   * {@code .yaml} or {@code .yml}, in any case). The file must be UTF-8; a byte-order mark is
   * ignored. Locations name the file as {@code file.toString()}.
   *
   * @param file the experiment file
   * @return the experiment as written
   * @throws SpecException if the extension is not one of the above, the file is not UTF-8 text, or
   *     the script is malformed (the message names the file and line)
   * @throws IOException if the file cannot be read
   */
  public static SpecDocument read(Path file) throws IOException {
    String source = file.toString();
    Path fileName = file.getFileName();
    String name = fileName == null ? "" : fileName.toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    boolean groovy = extension.equals("groovy");
    if (!groovy && !extension.equals("yaml") && !extension.equals("yml")) {
      throw new SpecException(
          new SourceLocation(source, 0, ""),
          "'"
              + name
              + "' is not an experiment file; experiment files end in .groovy, .yaml or .yml");
    }
    String text = decode(source, Files.readAllBytes(file));
    return groovy ? readGroovy(source, text) : readYaml(source, text);
  }

  /**
   * Reads a YAML experiment.
   *
   * @param sourceName the file name used in locations and messages
   * @param text the file's contents
   * @return the experiment as written
   * @throws SpecException if the text is malformed YAML, uses a tag (such as {@code
   *     !!java.io.File}), repeats a key, is empty, is not a map at the top level, or gives a
   *     component without an {@code id}
   */
  public static SpecDocument readYaml(String sourceName, String text) {
    return YamlFrontEnd.read(sourceName, text);
  }

  /**
   * Compiles and runs a Groovy experiment script. The script is trusted code: it runs with the
   * caller's rights.
   *
   * @param sourceName the file name used in locations and messages
   * @param text the script
   * @return the experiment as written
   * @throws SpecException if the script does not compile, throws, calls an unknown keyword, gives a
   *     keyword the wrong arguments or twice, or never calls {@code experiment}
   */
  public static SpecDocument readGroovy(String sourceName, String text) {
    return GroovyFrontEnd.read(sourceName, text);
  }

  private static String decode(String source, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new SpecException(
          new SourceLocation(source, line, ""),
          "the file is not UTF-8 text (an invalid byte on this line); save it as UTF-8");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
