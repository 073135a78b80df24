package org.rnnlab.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes {@code report.html}: one page that shows everything in a run folder.
 *
 * <p>The page has, in order and each only if its files exist: the experiment name and run id; the
 * numbers of {@code summary.json}; the training loss figure ({@code loss-curve.png}) with a link to
 * {@code metrics.csv}; one part per {@code analysis/<id>/} folder (sorted by id) with its {@code
 * metrics.json} as a table, every PNG in it, and links to its other files; {@code spec.yaml}
 * verbatim; {@code provenance.json} as a table; and links, with sizes, to the remaining files
 * ({@code metrics.csv}, {@code checkpoints/…}, {@code evaluation/…}, …). Nested JSON objects appear
 * as dotted keys ({@code timing.stimulus}), lists of numbers inline, and lists of equal lists of
 * numbers (a confusion matrix) as small grids. Numbers show six significant digits, with the exact
 * value as a tooltip.
 *
 * <p><b>Self-contained.</b> The page has inline CSS, no scripts and no external URLs; images and
 * links are relative paths inside the run folder, so the folder can be moved, copied or served as
 * it is. A Content-Security-Policy forbids scripts and remote loads as a second line of defence
 * behind HTML-escaping every piece of text taken from the folder.
 *
 * <p><b>Robust.</b> A file that is missing is skipped, and one that cannot be parsed is reported on
 * the page, so a run that stopped early still gets a report. If {@code summary.json} is missing the
 * page says so at the top. Hidden files (names starting with {@code .}) are ignored.
 *
 * <p><b>Deterministic.</b> The page depends only on the folder's contents: listings are sorted,
 * nothing is timestamped, and numbers are formatted independently of the default locale. This class
 * does not draw {@code loss-curve.png}; call {@link LossCurve#write} first.
 */
public final class ReportWriter {

  /** The report's file name inside the run folder. */
  public static final String FILE_NAME = "report.html";

  /** More files than this in the files list are summarised as a count. */
  static final int MAX_LISTED_FILES = 500;

  /** Lists longer than this are shown up to this many elements. */
  static final int MAX_INLINE_ELEMENTS = 100;

  /** Lists of lists up to this size in both directions are shown as grids. */
  static final int MAX_MATRIX_SIDE = 40;

  private static final String SUMMARY = "summary.json";
  private static final String SPEC = "spec.yaml";
  private static final String PROVENANCE = "provenance.json";
  private static final String METRICS_CSV = "metrics.csv";
  private static final String LOSS_CURVE = "loss-curve.png";
  private static final String ANALYSIS = "analysis";
  private static final String ANALYSIS_METRICS = "metrics.json";

  private ReportWriter() {}

  /**
   * Writes {@code runDir/report.html}, replacing any earlier report, and returns its path. The file
   * is written atomically (through a temporary sibling), so a browser never shows half a report.
   *
   * @param runDir a run folder (see {@code docs/design.md}, "A run folder"); any of its files may
   *     be missing
   * @return {@code runDir.resolve("report.html")}
   * @throws NoSuchFileException if {@code runDir} does not exist
   * @throws NotDirectoryException if {@code runDir} is not a folder
   * @throws IOException if the folder cannot be listed or the report cannot be written
   * @throws NullPointerException if {@code runDir} is null
   */
  public static Path write(Path runDir) throws IOException {
    Objects.requireNonNull(runDir, "runDir");
    if (!Files.exists(runDir)) {
      throw new NoSuchFileException(runDir.toString(), null, "run folder does not exist");
    }
    if (!Files.isDirectory(runDir)) {
      throw new NotDirectoryException(runDir.toString());
    }
    Path report = runDir.resolve(FILE_NAME);
    AtomicFiles.write(report, render(runDir).getBytes(StandardCharsets.UTF_8));
    return report;
  }

  /** Returns the page for {@code runDir} without writing it. */
  static String render(Path runDir) throws IOException {
    Path dir = runDir.toAbsolutePath().normalize();
    String runId = dir.getFileName() == null ? "run" : dir.getFileName().toString();
    String specText = readText(dir.resolve(SPEC));
    String experiment = experimentName(specText, dir);

    List<Section> sections = new ArrayList<>();
    addIfPresent(sections, jsonSection(dir, SUMMARY, "summary", "Summary"));
    addIfPresent(sections, lossSection(dir));
    addIfPresent(sections, analysesSection(dir));
    if (specText != null) {
      sections.add(
          new Section("spec", "Specification", "<pre class=\"spec\">" + esc(specText) + "</pre>"));
    } else if (Files.exists(dir.resolve(SPEC))) {
      sections.add(new Section("spec", "Specification", error(SPEC, "not readable as UTF-8")));
    }
    addIfPresent(sections, jsonSection(dir, PROVENANCE, "provenance", "Provenance"));
    addIfPresent(sections, filesSection(dir));

    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("img-src 'self' file:; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"rnnlab\">\n")
        .append("<title>")
        .append(esc(experiment + " — " + runId))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<p class=\"kind\">rnnlab run report</p>\n")
        .append("<h1>")
        .append(esc(experiment))
        .append("</h1>\n<p class=\"run-id\">")
        .append(esc(runId))
        .append("</p>\n");
    if (!sections.isEmpty()) {
      html.append("<nav>");
      for (Section s : sections) {
        html.append("<a href=\"#").append(s.id()).append("\">").append(esc(s.heading()));
        html.append("</a>");
      }
      html.append("</nav>\n");
    }
    html.append("</header>\n<main>\n");
    if (!Files.exists(dir.resolve(SUMMARY))) {
      html.append("<p class=\"note\">There is no ")
          .append(SUMMARY)
          .append(": the run stopped before it finished, or is still running.</p>\n");
    }
    if (sections.isEmpty()) {
      html.append("<p class=\"note\">The run folder holds no run files yet.</p>\n");
    }
    for (Section s : sections) {
      html.append("<section id=\"")
          .append(s.id())
          .append("\">\n<h2>")
          .append(esc(s.heading()))
          .append("</h2>\n")
          .append(s.body())
          .append("</section>\n");
    }
    html.append("</main>\n<footer>Written by rnnlab from the files in this folder.</footer>\n")
        .append("</body>\n</html>\n");
    return html.toString();
  }

  private record Section(String id, String heading, String body) {}

  private static void addIfPresent(List<Section> sections, Section section) {
    if (section != null) {
      sections.add(section);
    }
  }

  // ---------------------------------------------------------------- sections

  private static Section jsonSection(Path dir, String fileName, String id, String heading) {
    Path file = dir.resolve(fileName);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    return new Section(id, heading, jsonTable(file, fileName) + fileLink(dir, file, "Raw file: "));
  }

  private static Section lossSection(Path dir) throws IOException {
    Path png = dir.resolve(LOSS_CURVE);
    Path csv = dir.resolve(METRICS_CSV);
    boolean hasPng = Files.isRegularFile(png);
    boolean hasCsv = Files.isRegularFile(csv);
    if (!hasPng && !hasCsv) {
      return null;
    }
    StringBuilder body = new StringBuilder();
    if (hasPng) {
      body.append(figure(dir, png, LOSS_CURVE));
    }
    if (hasCsv) {
      body.append(fileLink(dir, csv, "Training metrics: "));
    }
    return new Section("training-loss", "Training loss", body.toString());
  }

  private static Section analysesSection(Path dir) throws IOException {
    Path analysisDir = dir.resolve(ANALYSIS);
    if (!Files.isDirectory(analysisDir)) {
      return null;
    }
    List<Path> analyses;
    try (Stream<Path> children = Files.list(analysisDir)) {
      analyses =
          children
              .filter(Files::isDirectory)
              .filter(p -> !isHidden(p))
              .sorted(Comparator.comparing(p -> p.getFileName().toString()))
              .toList();
    }
    if (analyses.isEmpty()) {
      return null;
    }
    StringBuilder body = new StringBuilder();
    if (analyses.size() > 1) {
      body.append("<ul class=\"toc\">");
      for (Path a : analyses) {
        String id = a.getFileName().toString();
        body.append("<li><a href=\"#")
            .append(anchor("analysis-", id))
            .append("\">")
            .append(esc(id))
            .append("</a></li>");
      }
      body.append("</ul>\n");
    }
    for (Path a : analyses) {
      body.append(analysisPart(dir, a));
    }
    return new Section("analyses", "Analyses", body.toString());
  }

  private static String analysisPart(Path dir, Path analysisDir) throws IOException {
    String id = analysisDir.getFileName().toString();
    StringBuilder part = new StringBuilder();
    part.append("<div class=\"analysis\" id=\"")
        .append(anchor("analysis-", id))
        .append("\">\n<h3>")
        .append(esc(id))
        .append("</h3>\n");
    Path metrics = analysisDir.resolve(ANALYSIS_METRICS);
    if (Files.isRegularFile(metrics)) {
      part.append(jsonTable(metrics, ANALYSIS_METRICS));
    }
    List<Path> files = filesUnder(analysisDir);
    List<Path> others = new ArrayList<>();
    for (Path f : files) {
      if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
        part.append(figure(dir, f, relative(analysisDir, f)));
      } else {
        others.add(f);
      }
    }
    if (!others.isEmpty()) {
      part.append(fileList(dir, analysisDir, others));
    }
    if (files.isEmpty()) {
      part.append("<p class=\"muted\">This analysis wrote no files.</p>\n");
    }
    part.append("</div>\n");
    return part.toString();
  }

  private static Section filesSection(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path f : filesUnder(dir)) {
      List<String> parts = segments(dir.relativize(f));
      boolean isReport = parts.size() == 1 && parts.get(0).equals(FILE_NAME);
      // analysis/<id>/… is listed in its analysis's part.
      boolean inAnalysis = parts.size() >= 3 && parts.get(0).equals(ANALYSIS);
      if (!isReport && !inAnalysis) {
        files.add(f);
      }
    }
    if (files.isEmpty()) {
      return null;
    }
    return new Section("files", "Files", fileList(dir, dir, files));
  }

  // ---------------------------------------------------------------- building blocks

  private static String jsonTable(Path file, String label) {
    Map<String, Object> values;
    try {
      // Parsed from text rather than Json.read so error messages do not carry absolute paths.
      values = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return error(label, e.getMessage());
    }
    List<String[]> rows = new ArrayList<>();
    flatten("", values, rows);
    if (rows.isEmpty()) {
      return "<p class=\"muted\">" + esc(label) + " is empty.</p>\n";
    }
    StringBuilder table = new StringBuilder("<table class=\"values\">\n<tbody>\n");
    for (String[] row : rows) {
      table
          .append("<tr><th scope=\"row\">")
          .append(esc(row[0]))
          .append("</th><td>")
          .append(row[1])
          .append("</td></tr>\n");
    }
    return table.append("</tbody>\n</table>\n").toString();
  }

  /** Adds (dotted key, value HTML) rows for {@code value}. */
  private static void flatten(String key, Object value, List<String[]> rows) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty() && !key.isEmpty()) {
        rows.add(new String[] {key, "<span class=\"muted\">{}</span>"});
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String name = String.valueOf(e.getKey());
        flatten(key.isEmpty() ? name : key + "." + name, e.getValue(), rows);
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty() || list.stream().allMatch(ReportWriter::isScalar)) {
        rows.add(new String[] {key, inlineList(list)});
      } else if (isMatrix(list)) {
        rows.add(new String[] {key, matrix(list)});
      } else {
        for (int i = 0; i < list.size(); i++) {
          flatten(key + "[" + i + "]", list.get(i), rows);
        }
      }
    } else {
      rows.add(new String[] {key, scalar(value)});
    }
  }

  private static boolean isScalar(Object value) {
    return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
  }

  private static boolean isMatrix(List<?> list) {
    if (list.size() > MAX_MATRIX_SIDE) {
      return false;
    }
    for (Object row : list) {
      if (!(row instanceof List<?> cells)
          || cells.isEmpty()
          || cells.size() > MAX_MATRIX_SIDE
          || !cells.stream().allMatch(ReportWriter::isScalar)) {
        return false;
      }
    }
    return true;
  }

  private static String inlineList(List<?> list) {
    StringBuilder out = new StringBuilder("[");
    int shown = Math.min(list.size(), MAX_INLINE_ELEMENTS);
    for (int i = 0; i < shown; i++) {
      out.append(i == 0 ? "" : ", ").append(scalar(list.get(i)));
    }
    if (shown < list.size()) {
      out.append(", <span class=\"muted\">… ")
          .append(list.size() - shown)
          .append(" more, ")
          .append(list.size())
          .append(" in all</span>");
    }
    return out.append("]").toString();
  }

  private static String matrix(List<?> rows) {
    StringBuilder out = new StringBuilder("<table class=\"matrix\">");
    for (Object row : rows) {
      out.append("<tr>");
      for (Object cell : (List<?>) row) {
        out.append("<td>").append(scalar(cell)).append("</td>");
      }
      out.append("</tr>");
    }
    return out.append("</table>").toString();
  }

  private static String scalar(Object value) {
    if (value == null) {
      return "<span class=\"muted\">null</span>";
    }
    if (value instanceof Number n) {
      String shown = NumberText.format(n);
      String exact = exactNumber(n);
      return exact.equals(shown)
          ? esc(shown)
          : "<span title=\"" + esc(exact) + "\">" + esc(shown) + "</span>";
    }
    return esc(String.valueOf(value));
  }

  private static String exactNumber(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? Double.toString(d) : NumberText.format(n);
    }
    return n instanceof BigDecimal b ? b.toPlainString() : n.toString();
  }

  private static String figure(Path dir, Path png, String caption) {
    return "<figure><img src=\""
        + href(dir, png)
        + "\" alt=\""
        + esc(caption)
        + "\"><figcaption>"
        + esc(caption)
        + "</figcaption></figure>\n";
  }

  private static String fileLink(Path dir, Path file, String lead) {
    return "<p class=\"file\">"
        + esc(lead)
        + "<a href=\""
        + href(dir, file)
        + "\">"
        + esc(relative(dir, file))
        + "</a> <span class=\"muted\">"
        + size(file)
        + "</span></p>\n";
  }

  /**
   * A table of links (relative to the run folder {@code dir}) to {@code files}, each shown by its
   * path relative to {@code shownFrom}, with its size.
   */
  private static String fileList(Path dir, Path shownFrom, List<Path> files) {
    StringBuilder out = new StringBuilder("<table class=\"files\">\n<tbody>\n");
    int shown = Math.min(files.size(), MAX_LISTED_FILES);
    for (int i = 0; i < shown; i++) {
      Path f = files.get(i);
      out.append("<tr><td><a href=\"")
          .append(href(dir, f))
          .append("\">")
          .append(esc(relative(shownFrom, f)))
          .append("</a></td><td class=\"size\">")
          .append(size(f))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (shown < files.size()) {
      out.append("<p class=\"muted\">… and ")
          .append(files.size() - shown)
          .append(" more files.</p>\n");
    }
    return out.toString();
  }

  private static String error(String label, String message) {
    String why = message == null || message.isBlank() ? "unreadable" : message.strip();
    return "<p class=\"error\">Could not read " + esc(label) + ": " + esc(why) + "</p>\n";
  }

  // ---------------------------------------------------------------- files and names

  /** Regular, non-hidden files under {@code root}, sorted by their relative path. */
  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root))
          .filter(p -> segments(root.relativize(p)).stream().noneMatch(s -> s.startsWith(".")))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> relative(root, p)))
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isHidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }

  private static List<String> segments(Path relative) {
    List<String> parts = new ArrayList<>();
    for (Path part : relative) {
      parts.add(part.toString());
    }
    return parts;
  }

  /** {@code file} relative to {@code dir}, with {@code /} separators on every platform. */
  private static String relative(Path dir, Path file) {
    return String.join("/", segments(dir.relativize(file)));
  }

  /** A relative URL for {@code file}, percent-encoded per path segment. */
  private static String href(Path dir, Path file) {
    StringBuilder url = new StringBuilder();
    for (String segment : segments(dir.relativize(file))) {
      if (url.length() > 0) {
        url.append('/');
      }
      for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
        char c = (char) (b & 0xff);
        boolean unreserved =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
        if (unreserved) {
          url.append(c);
        } else {
          url.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
      }
    }
    return url.toString();
  }

  /** An HTML id: {@code prefix} plus {@code name} reduced to {@code [a-z0-9_-]}. */
  private static String anchor(String prefix, String name) {
    StringBuilder id = new StringBuilder(prefix);
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      id.append(safe ? c : '-');
    }
    return id.toString();
  }

  private static String size(Path file) {
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      return "";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** The file's text, or null if it is missing or not UTF-8. */
  private static String readText(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The {@code name} at the top of {@code spec.yaml}; failing that the run folder's parent, which
   * the run store names after the experiment ({@code runs/<experiment>/<run-id>}).
   */
  private static String experimentName(String specText, Path dir) {
    if (specText != null) {
      try {
        Object spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(specText);
        if (spec instanceof Map<?, ?> map && map.get("name") != null) {
          String name = String.valueOf(map.get("name")).strip();
          if (!name.isEmpty()) {
            return name;
          }
        }
      } catch (RuntimeException e) {
        // An unparsable spec is still shown verbatim; only the title falls back.
      }
    }
    Path parent = dir.getParent();
    return parent != null && parent.getFileName() != null
        ? parent.getFileName().toString()
        : "rnnlab run";
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS =
      """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #f5f6f8; color: #1f2328;
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
      header { background: #fff; border-bottom: 1px solid #d8dce1; padding: 20px 0 10px; }
      header > *, main, footer { max-width: 1100px; margin-left: auto; margin-right: auto;
        padding-left: 28px; padding-right: 28px; }
      .kind { margin-top: 0; margin-bottom: 0; color: #6a737d; font-size: 13px;
        text-transform: uppercase; letter-spacing: .06em; }
      h1 { margin: 2px auto 0; font-size: 28px; line-height: 1.25; word-break: break-word; }
      .run-id { margin: 2px auto 0; color: #57606a; }
      .run-id, th, h3, pre, .files a, .file a { font-family: ui-monospace, "SFMono-Regular",
        "DejaVu Sans Mono", Menlo, Consolas, monospace; }
      nav { margin-top: 12px; font-size: 14px; }
      nav a { margin-right: 18px; }
      a { color: #0a58ca; text-decoration: none; }
      a:hover { text-decoration: underline; }
      main { padding-top: 4px; padding-bottom: 24px; }
      section { background: #fff; border: 1px solid #d8dce1; border-radius: 6px;
        padding: 14px 24px 18px; margin: 18px 0; }
      h2 { margin: 0 0 10px; font-size: 20px; }
      h3 { margin: 22px 0 8px; font-size: 16px; padding-top: 14px; border-top: 1px solid #eaecef; }
      .analysis:first-of-type h3 { border-top: none; padding-top: 0; margin-top: 4px; }
      table { border-collapse: collapse; }
      table.values th, table.values td, table.files td { text-align: left; vertical-align: top;
        padding: 4px 22px 4px 0; border-bottom: 1px solid #eef0f2; }
      table.values th { font-weight: normal; font-size: 13.5px; color: #424a53;
        white-space: nowrap; }
      table.values td { font-variant-numeric: tabular-nums; word-break: break-word; }
      table.matrix td { border: 1px solid #d8dce1; padding: 1px 8px; text-align: right; }
      table.files td { font-size: 14px; }
      td.size { color: #6a737d; text-align: right; white-space: nowrap; }
      pre { background: #f6f8fa; border: 1px solid #eaecef; border-radius: 4px; padding: 12px 16px;
        overflow: auto; font-size: 13px; line-height: 1.45; margin: 0; }
      figure { margin: 14px 0 6px; }
      figure img { display: block; max-width: 100%; height: auto; border: 1px solid #eaecef; }
      figcaption { color: #6a737d; font-size: 13px; margin-top: 4px; }
      p.file { margin: 10px 0 0; }
      ul.toc { margin: 0 0 4px; padding-left: 20px; }
      .muted { color: #6a737d; }
      .note { background: #fff8e1; border: 1px solid #f0d98c; border-radius: 6px;
        padding: 10px 14px; margin: 18px 0 0; }
      .error { color: #b42318; }
      footer { color: #8c959f; font-size: 12px; padding-bottom: 24px; }
      """;
}
