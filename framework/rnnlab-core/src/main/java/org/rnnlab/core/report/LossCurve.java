package org.rnnlab.core.report;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.rnnlab.api.analysis.LinePlot;

/**
 * Draws the training-loss figure of a run ({@code loss-curve.png}) from its {@code metrics.csv}.
 *
 * <p><b>Input.</b> A comma-separated file whose first line is a header. The columns used are {@code
 * step} (the x axis; if absent, the row number counting from 0), {@code loss} and every {@code
 * loss/<term-id>} column, in header order; other columns ({@code learning_rate}, {@code grad_norm},
 * {@code wall_time_s}, …) are ignored. Empty cells, short rows, and cells that are not numbers
 * count as missing; {@code nan}, {@code inf} and {@code -inf} are read in any case, as Python
 * writes them. Blank lines are skipped.
 *
 * <p><b>Output.</b> A {@link FigureRenderer} figure titled "Training loss" with axes "step" and
 * "loss": one line for {@code loss} and one per loss term. However long the run, at most about
 * {@value #MAX_POINTS} points per line are drawn: every k-th row, k = ⌈rows / {@value
 * #MAX_POINTS}⌉, always including the last row. With more than {@value #SMOOTHING_MIN_ROWS} rows a
 * centred moving average of {@code loss} over about 2% of the rows (at least 5; computed from every
 * row, not only the drawn ones) is drawn on top, and the raw loss is drawn faintly beneath it. The
 * y axis is logarithmic when every drawn value is positive, linear otherwise. Non-finite values
 * leave gaps.
 *
 * <p>The file is streamed twice (count, then sample), so memory does not grow with the run length.
 * Deterministic: the same file gives the same figure.
 */
public final class LossCurve {

  /** The most points drawn per line, not counting the last row, which is always drawn. */
  public static final int MAX_POINTS = 2000;

  /** Runs with more rows than this also get a moving average of the loss. */
  public static final int SMOOTHING_MIN_ROWS = 50;

  static final String TITLE = "Training loss";
  static final String MOVING_AVERAGE_PREFIX = "loss (moving average over ";

  private static final String STEP = "step";
  private static final String LOSS = "loss";
  private static final String LOSS_TERM_PREFIX = "loss/";

  private LossCurve() {}

  /**
   * Reads {@code metricsCsv} and writes the loss figure to {@code png}, replacing any existing file
   * and creating parent folders. An empty file, a header with no rows, or a file without loss
   * columns gives an empty figure rather than an error, so that a run that stopped early still gets
   * one.
   *
   * @param metricsCsv the run's {@code metrics.csv}
   * @param png where to write, usually {@code runDir.resolve("loss-curve.png")}
   * @throws java.nio.file.NoSuchFileException if {@code metricsCsv} does not exist
   * @throws IOException if it cannot be read or the figure cannot be written
   * @throws NullPointerException if an argument is null
   */
  public static void write(Path metricsCsv, Path png) throws IOException {
    Objects.requireNonNull(metricsCsv, "metricsCsv");
    Objects.requireNonNull(png, "png");
    Curves curves = read(metricsCsv);
    FigureRenderer.save(FigureRenderer.chart(curves.plot(), curves.logY(), curves.styles()), png);
  }

  /** What {@link #write} draws, exposed to tests. */
  record Curves(LinePlot plot, boolean logY, List<FigureRenderer.SeriesStyle> styles) {}

  /**
   * The moving-average window, in rows, for a run of {@code rows} rows: about 2% of the run, so the
   * smoothed line has the same shape whatever the run length, and at least 5 rows.
   */
  static int smoothingWindow(long rows) {
    return (int) Math.max(5, Math.min(Integer.MAX_VALUE, Math.round(rows / 50.0)));
  }

  static Curves read(Path metricsCsv) throws IOException {
    long rows = countRows(metricsCsv);
    try (BufferedReader reader = Files.newBufferedReader(metricsCsv, StandardCharsets.UTF_8)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        return new Curves(LinePlot.of(TITLE, STEP, LOSS), false, List.of());
      }
      String[] header = splitRow(stripBom(headerLine));
      int stepColumn = -1;
      List<Integer> lossColumns = new ArrayList<>();
      List<String> lossNames = new ArrayList<>();
      for (int c = 0; c < header.length; c++) {
        String name = header[c];
        if (name.equals(STEP) && stepColumn < 0) {
          stepColumn = c;
        } else if (name.equals(LOSS) || name.startsWith(LOSS_TERM_PREFIX)) {
          lossColumns.add(c);
          lossNames.add(name);
        }
      }
      if (lossNames.size() == 2 && lossNames.contains(LOSS)) {
        // One term: its column equals the total, and drawing both would hide one under the other.
        int term = lossNames.indexOf(LOSS) == 0 ? 1 : 0;
        lossColumns.remove(term);
        lossNames.remove(term);
      }
      int totalLoss = lossNames.indexOf(LOSS);
      boolean smooth = totalLoss >= 0 && rows > SMOOTHING_MIN_ROWS;
      int window = smoothingWindow(rows);
      long stride = Math.max(1, (rows + MAX_POINTS - 1) / MAX_POINTS);

      Sampler sampler = new Sampler(lossColumns.size(), (int) Math.min(rows, MAX_POINTS + 1));
      MovingAverage average = smooth ? new MovingAverage(window) : null;
      Sampler averageSampler = new Sampler(1, (int) Math.min(rows, MAX_POINTS + 1));

      long row = 0;
      String line;
      double[] values = new double[lossColumns.size()];
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = splitRow(line);
        double step = stepColumn >= 0 ? cell(cells, stepColumn) : row;
        boolean keep = row % stride == 0 || row == rows - 1;
        if (keep) {
          for (int j = 0; j < values.length; j++) {
            values[j] = cell(cells, lossColumns.get(j));
          }
          sampler.add(step, values);
        }
        if (average != null) {
          average.add(step, cell(cells, lossColumns.get(totalLoss)));
          // The average of the window ending here belongs to the window's middle row.
          long centre = row - window / 2;
          if (average.isFull() && centre % stride == 0) {
            averageSampler.add(average.centreStep(), new double[] {average.mean()});
          }
        }
        row++;
      }

      LinePlot plot = LinePlot.of(TITLE, STEP, LOSS);
      List<FigureRenderer.SeriesStyle> styles = new ArrayList<>();
      for (int j = 0; j < lossNames.size(); j++) {
        plot = plot.with(new LinePlot.Series(lossNames.get(j), sampler.x(), sampler.y(j), false));
        Color color = FigureRenderer.PALETTE[j % FigureRenderer.PALETTE.length];
        boolean faint = smooth && j == totalLoss;
        styles.add(
            faint
                ? new FigureRenderer.SeriesStyle(blendWithWhite(color, 0.5), 1.0f)
                : new FigureRenderer.SeriesStyle(color, smooth ? 1.5f : null));
      }
      if (smooth) {
        String name = MOVING_AVERAGE_PREFIX + window + " rows)";
        plot = plot.with(new LinePlot.Series(name, averageSampler.x(), averageSampler.y(0), false));
        styles.add(
            new FigureRenderer.SeriesStyle(
                FigureRenderer.PALETTE[totalLoss % FigureRenderer.PALETTE.length], 2.5f));
      }
      return new Curves(plot, allDrawnValuesPositive(plot), styles);
    }
  }

  private static long countRows(Path csv) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      if (reader.readLine() == null) {
        return 0;
      }
      long rows = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          rows++;
        }
      }
      return rows;
    }
  }

  private static boolean allDrawnValuesPositive(LinePlot plot) {
    boolean any = false;
    for (LinePlot.Series s : plot.series()) {
      for (int i = 0; i < s.y().length; i++) {
        if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
          continue;
        }
        if (s.y()[i] <= 0) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static String[] splitRow(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i].strip();
      if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
        cell = cell.substring(1, cell.length() - 1).strip();
      }
      cells[i] = cell;
    }
    return cells;
  }

  private static double cell(String[] cells, int column) {
    return column < cells.length ? parseNumber(cells[column]) : Double.NaN;
  }

  /** Parses a CSV number as Java or Python writes it; anything else is NaN (missing). */
  static double parseNumber(String text) {
    if (text.isEmpty()) {
      return Double.NaN;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "nan", "-nan", "+nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
    }
  }

  private static Color blendWithWhite(Color color, double whiteFraction) {
    return new Color(
        (int) Math.round(color.getRed() + (255 - color.getRed()) * whiteFraction),
        (int) Math.round(color.getGreen() + (255 - color.getGreen()) * whiteFraction),
        (int) Math.round(color.getBlue() + (255 - color.getBlue()) * whiteFraction));
  }

  /** Collects sampled (x, y₁…yₙ) points into growable arrays. */
  private static final class Sampler {
    private double[] x;
    private final double[][] y;
    private int size;

    Sampler(int columns, int expected) {
      int capacity = Math.max(16, expected);
      x = new double[capacity];
      y = new double[columns][capacity];
    }

    void add(double xValue, double[] yValues) {
      if (size == x.length) {
        x = Arrays.copyOf(x, size * 2);
        for (int j = 0; j < y.length; j++) {
          y[j] = Arrays.copyOf(y[j], size * 2);
        }
      }
      x[size] = xValue;
      for (int j = 0; j < y.length; j++) {
        y[j][size] = yValues[j];
      }
      size++;
    }

    double[] x() {
      return Arrays.copyOf(x, size);
    }

    double[] y(int column) {
      return Arrays.copyOf(y[column], size);
    }
  }

  /**
   * Mean of the finite values among the last {@code window} rows, in O(1) per row. The running sum
   * is recomputed from the buffer once per window so rounding errors cannot accumulate over
   * millions of rows.
   */
  private static final class MovingAverage {
    private final double[] values;
    private final double[] steps;
    private long added;
    private double sum;
    private int finite;

    MovingAverage(int window) {
      values = new double[window];
      steps = new double[window];
    }

    void add(double step, double value) {
      int slot = (int) (added % values.length);
      if (added >= values.length && Double.isFinite(values[slot])) {
        sum -= values[slot];
        finite--;
      }
      values[slot] = value;
      steps[slot] = step;
      if (Double.isFinite(value)) {
        sum += value;
        finite++;
      }
      added++;
      if (added % values.length == 0) {
        sum = 0;
        for (double v : values) {
          if (Double.isFinite(v)) {
            sum += v;
          }
        }
      }
    }

    boolean isFull() {
      return added >= values.length;
    }

    double mean() {
      return finite == 0 ? Double.NaN : sum / finite;
    }

    /** The step of the middle row of the current window (row {@code last - window / 2}). */
    double centreStep() {
      long centreRow = added - 1 - values.length / 2;
      return steps[(int) (centreRow % values.length)];
    }
  }
}
