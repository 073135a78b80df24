package org.rnnlab.core.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes the JSON files of a run folder ({@code summary.json}, {@code provenance.json},
 * {@code analysis/<id>/metrics.json}) as {@code Map<String, Object>}.
 *
 * <p><b>Format.</b> Files are UTF-8, pretty-printed with two-space indentation, {@code "\n"} line
 * ends and a final newline, so the same map always gives the same bytes on every platform. Keys are
 * written in the map's iteration order (use a {@link LinkedHashMap} to control it) and read back in
 * file order. Values may be {@code null}, strings, booleans, numbers, lists, arrays (including
 * {@code double[]}) and nested maps with string keys.
 *
 * <p><b>Non-finite numbers.</b> JSON has no NaN or infinity, and a diverged run legitimately has a
 * NaN loss. Rather than write a file that strict parsers reject, or {@code null} (which loses the
 * difference between NaN and infinity and reads as "missing"), a non-finite {@code double} or
 * {@code float} is written as one of the strings {@code "NaN"}, {@code "Infinity"} or {@code
 * "-Infinity"}. These are the spellings {@link Double#toString(double)} uses and that Python's
 * {@code float()} and pandas parse. On reading, exactly those three strings, wherever they appear
 * as values, are turned back into {@link Double} NaN / infinities, so a map survives a write-read
 * round trip; the price is that a genuine string value {@code "NaN"} also reads back as a number.
 * For leniency towards other writers (Python's {@code json.dump} by default), bare {@code NaN},
 * {@code Infinity} and {@code -Infinity} tokens are accepted on reading too.
 *
 * <p><b>Numbers read back</b> as {@link Integer}, {@link Long} or {@link java.math.BigInteger} for
 * integers (the smallest that fits) and {@link Double} otherwise.
 *
 * <p>Thread-safe: the class holds only immutable, shared Jackson objects.
 */
public final class Json {

  private static final String NAN = "NaN";
  private static final String POSITIVE_INFINITY = "Infinity";
  private static final String NEGATIVE_INFINITY = "-Infinity";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private Json() {}

  /**
   * Writes {@code values} to {@code file} in the format described in the class comment, replacing
   * any existing file. The file is written to a temporary sibling first and then moved into place,
   * so a reader never sees half a file. Parent folders are created if needed.
   *
   * @param values what to write; see the class comment for the value types allowed
   * @param file where to write, for example {@code runDir.resolve("summary.json")}
   * @throws IOException if the file cannot be written, or a value cannot be represented in JSON
   *     (the message names the offending type)
   * @throws NullPointerException if {@code values} or {@code file} is null
   */
  public static void write(Map<String, ?> values, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    AtomicFiles.write(file, toJson(values).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns {@code values} as the text {@link #write} would put in a file.
   *
   * @param values what to write; see the class comment for the value types allowed
   * @return pretty-printed JSON ending with a newline
   * @throws JsonProcessingException if a value cannot be represented in JSON
   * @throws NullPointerException if {@code values} is null
   */
  public static String toJson(Map<String, ?> values) throws JsonProcessingException {
    Objects.requireNonNull(values, "values");
    return WRITER.writeValueAsString(values) + "\n";
  }

  /**
   * Reads a JSON object from {@code file}.
   *
   * @param file a UTF-8 JSON file whose top level is an object
   * @return a mutable map in file order; nested objects are {@code LinkedHashMap}s and arrays are
   *     {@code ArrayList}s
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if it cannot be read, is not valid JSON, or its top level is not an object
   *     (the message names the file)
   */
  public static Map<String, Object> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return parse(text);
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a JSON object from {@code text}, with the same rules as {@link #read}.
   *
   * @param text JSON whose top level is an object
   * @return a mutable map in text order, as for {@link #read}
   * @throws IOException if {@code text} is not valid JSON or its top level is not an object
   */
  public static Map<String, Object> parse(String text) throws IOException {
    Objects.requireNonNull(text, "text");
    Object value;
    try {
      value = MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      // Jackson's own message ends with a "[Source: REDACTED …]" note that tells a reader nothing.
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new IOException(e.getOriginalMessage() + where, e);
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new IOException(
          "expected a JSON object at the top level but found "
              + (value == null ? "null" : value instanceof List<?> ? "an array" : "a scalar"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) restoreNonFinite(value);
    return map;
  }

  private static Object restoreNonFinite(Object value) {
    if (value instanceof String s) {
      return switch (s) {
        case NAN -> Double.NaN;
        case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
        case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
        default -> s;
      };
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, restoreNonFinite(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(restoreNonFinite(v)));
      return out;
    }
    return value;
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    // `"key": value` rather than Jackson's default `"key" : value`, like Python and jq write.
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    // Arrays stay on one line: long numeric vectors (psychometric curves, seeds) remain readable.
    printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
    return printer;
  }
}
