package org.rnnlab.cli.task;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

/**
 * Draws trials of an open-loop task as one image, in the spirit of NeuroGym's {@code plot_env}.
 *
 * <p>Trials are columns, left to right, each on its own time axis in ms from the trial's start and
 * all on the same ms-per-pixel scale, so durations compare at a glance. From top to bottom each
 * column shows the trial's metadata, its periods as a labelled strip (and as shading and dashed
 * boundaries through every panel), the inputs, the target and the loss mask. Inputs and continuous
 * targets with at most {@value #MAX_LINE_CHANNELS} channels are drawn as one step line per channel
 * with a legend; wider ones as a heatmap with one row per channel and a colour bar. Class targets
 * are a step line through one row per class, labelled with the class names. A value holds for a
 * whole step, so every line is a staircase: step {@code t} spans {@code [t·dt, (t+1)·dt)} ms.
 *
 * <p>Rendering is headless and deterministic: the same trials give the same pixels.
 */
final class TrialFigure {

  static {
    // Must happen before the first AWT class initialises; servers and CI have no display.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Wider inputs or targets are drawn as heatmaps, since more lines would not be told apart. */
  static final int MAX_LINE_CHANNELS = 5;

  private static final Color TEXT = new Color(0x222222);
  private static final Color MUTED = new Color(0x666666);
  private static final Color AXIS = new Color(0x888888);
  private static final Color GRID = new Color(0xe8e8e8);
  private static final Color BOUNDARY = new Color(0x555555);

  /** matplotlib's "tab10", as in the run report's figures. */
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf),
  };

  /**
   * ColorBrewer's "Set3", for periods: light, and of other hues than the first lines of {@link
   * #PALETTE}, so that a line never disappears into the shading of its period.
   */
  private static final Color[] PERIOD_COLORS = {
    new Color(0x8dd3c7),
    new Color(0xffffb3),
    new Color(0xbebada),
    new Color(0xfb8072),
    new Color(0x80b1d3),
    new Color(0xfdb462),
    new Color(0xb3de69),
    new Color(0xfccde5),
    new Color(0xd9d9d9),
    new Color(0xbc80bd),
  };

  /** matplotlib's "viridis" at nine evenly spaced points. */
  private static final Color[] SEQUENTIAL = {
    new Color(0x440154),
    new Color(0x472c7a),
    new Color(0x3b528b),
    new Color(0x2c718e),
    new Color(0x21908d),
    new Color(0x27ad81),
    new Color(0x5cc863),
    new Color(0xaadc32),
    new Color(0xfde725),
  };

  /** ColorBrewer's "RdBu", reversed (blue negative, red positive), for values of both signs. */
  private static final Color[] DIVERGING = {
    new Color(0x2166ac),
    new Color(0x67a9cf),
    new Color(0xd1e5f0),
    new Color(0xf7f7f7),
    new Color(0xfddbc7),
    new Color(0xef8a62),
    new Color(0xb2182b),
  };

  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font HEADER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font PANEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private static final int PAD = 16;
  private static final int COLUMN_GAP = 44;
  private static final int PANEL_GAP = 12;
  private static final int STRIP_HEIGHT = 24;
  private static final int TICK = 5;
  private static final int MIN_COLUMN_WIDTH = 80;
  private static final int METADATA_LINES = 3;

  private final ConfiguredTask task;
  private final long seed;
  private final List<Trial> trials;
  private final List<String> periodNames;

  /**
   * @param trials at least one trial of {@code task}
   */
  TrialFigure(ConfiguredTask task, long seed, List<Trial> trials) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("a figure needs at least one trial");
    }
    this.task = task;
    this.seed = seed;
    this.trials = List.copyOf(trials);
    this.periodNames = TrialArchive.periodNames(trials);
  }

  /** Renders the figure. */
  BufferedImage render() {
    OpenLoopTask open = task.task();
    double dt = open.dtMs();
    List<Panel> panels = panels(open);

    int n = trials.size();
    double totalMs = 0;
    for (Trial t : trials) {
      totalMs += t.steps() * dt;
    }
    // One ms scale for all columns, so that durations compare across trials.
    int plotWidth = Math.max(680, Math.min(1700, 340 * n)) - COLUMN_GAP * (n - 1);
    double pxPerMs = totalMs > 0 ? plotWidth / totalMs : 0;
    int[] columnWidths = new int[n];
    for (int i = 0; i < n; i++) {
      columnWidths[i] =
          Math.max(MIN_COLUMN_WIDTH, (int) Math.round(trials.get(i).steps() * dt * pxPerMs));
    }

    // The layout depends on text widths, measured on a scratch image.
    Graphics2D measure = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    int labelWidth = 0;
    int rightWidth = 0;
    for (Panel p : panels) {
      labelWidth = Math.max(labelWidth, p.labelWidth(measure));
      rightWidth = Math.max(rightWidth, p.rightWidth(measure));
    }
    int panelTitleWidth = 22;
    int left = PAD + panelTitleWidth + 8 + labelWidth + TICK + 4;
    int width = left + sumOf(columnWidths) + COLUMN_GAP * (n - 1) + 14 + rightWidth + PAD;
    List<List<String>> metadata = new ArrayList<>();
    int metadataLines = 0;
    for (int i = 0; i < n; i++) {
      List<String> lines =
          wrap(metadataItems(trials.get(i)), measure.getFontMetrics(SMALL_FONT), columnWidths[i]);
      metadata.add(lines);
      metadataLines = Math.max(metadataLines, lines.size());
    }
    List<String> legend = periodLegend();
    int legendRows = legendRows(measure, legend, width - 2 * PAD);
    measure.dispose();

    int titleTop = PAD;
    int headerTop = titleTop + 26 + 22 + 14;
    int stripTop = headerTop + 20 + 16 * metadataLines + 4;
    int panelsTop = stripTop + STRIP_HEIGHT + 8;
    int panelsBottom = panelsTop;
    for (Panel p : panels) {
      panelsBottom += p.height + PANEL_GAP;
    }
    panelsBottom -= PANEL_GAP;
    int axisTitleTop = panelsBottom + TICK + 20;
    int legendTop = axisTitleTop + 30;
    int height = legendTop + legendRows * 22 + PAD;

    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);

      drawTitle(g, width, titleTop, dt);
      double msStep = tickStep(pxPerMs > 0 ? 55 / pxPerMs : dt, 1);

      int x = left;
      for (int i = 0; i < n; i++) {
        Trial trial = trials.get(i);
        int w = columnWidths[i];
        double scale = trial.steps() > 0 ? w / (trial.steps() * dt) : 0;
        Column column = new Column(trial, x, w, dt, scale);
        drawHeader(g, column, i, headerTop, metadata.get(i));
        drawStrip(g, column, stripTop);
        int y = panelsTop;
        for (Panel p : panels) {
          Rectangle2D box = new Rectangle2D.Double(x, y, w, p.height);
          shadePeriods(g, column, box);
          drawGrid(g, column, box, msStep, p.gridLines());
          p.drawColumn(g, column, box);
          drawBoundaries(g, column, box);
          g.setColor(AXIS);
          g.setStroke(new BasicStroke(1f));
          g.draw(box);
          if (i == 0) {
            p.drawLabels(g, box);
            drawPanelTitle(g, p.title, PAD, box);
          }
          if (i == n - 1) {
            p.drawRight(g, box, (int) box.getMaxX() + 14);
          }
          y += p.height + PANEL_GAP;
        }
        drawTimeAxis(g, column, panelsBottom, msStep);
        x += w + COLUMN_GAP;
      }
      int plotRight = x - COLUMN_GAP;
      g.setFont(LABEL_FONT);
      g.setColor(TEXT);
      centre(g, "time from trial start (ms)", (left + plotRight) / 2.0, axisTitleTop + 13);
      drawPeriodLegend(g, legend, PAD, legendTop, width - 2 * PAD);
    } finally {
      g.dispose();
    }
    return image;
  }

  // ---------------------------------------------------------------- panels

  private List<Panel> panels(OpenLoopTask open) {
    List<Panel> panels = new ArrayList<>();
    List<String> inputs = open.inputChannels();
    Function<Trial, float[][]> inputValues = Trial::inputs;
    panels.add(
        inputs.size() <= MAX_LINE_CHANNELS
            ? new LinePanel("inputs", 160, inputs, inputValues, trials, false)
            : new HeatmapPanel("inputs", inputs, inputValues, trials));
    List<String> outputs = open.outputChannels();
    if (open.targetKind() == TargetKind.CLASS_INDEX) {
      panels.add(new ClassPanel(outputs));
    } else {
      Function<Trial, float[][]> targetValues = Trial::targets;
      panels.add(
          outputs.size() <= MAX_LINE_CHANNELS
              ? new LinePanel("target", 140, outputs, targetValues, trials, false)
              : new HeatmapPanel("target", outputs, targetValues, trials));
    }
    Function<Trial, float[][]> maskValues =
        t -> {
          float[][] m = new float[t.steps()][1];
          for (int s = 0; s < t.steps(); s++) {
            m[s][0] = t.mask()[s];
          }
          return m;
        };
    panels.add(new LinePanel("mask", 50, List.of("mask"), maskValues, trials, true));
    return panels;
  }

  /** One trial's place in the figure: its left edge, width and ms-to-pixel scale. */
  private record Column(Trial trial, double x, double width, double dtMs, double pxPerMs) {
    double xOfStep(int step) {
      return x + step * dtMs * pxPerMs;
    }

    double xOfMs(double ms) {
      return x + ms * pxPerMs;
    }
  }

  /** One horizontal band of the figure, drawn once per trial. */
  private abstract static class Panel {
    final String title;
    final int height;

    Panel(String title, int height) {
      this.title = title;
      this.height = height;
    }

    /** Width of the labels left of the first column. */
    abstract int labelWidth(Graphics2D g);

    /** Width of what is drawn right of the last column (legend, colour bar). */
    int rightWidth(Graphics2D g) {
      return 0;
    }

    /** Whether faint vertical lines at the time ticks help reading this panel. */
    boolean gridLines() {
      return true;
    }

    abstract void drawColumn(Graphics2D g, Column c, Rectangle2D box);

    /** The y labels, left of {@code box} (the first column's panel). */
    abstract void drawLabels(Graphics2D g, Rectangle2D box);

    /** The legend or colour bar, starting at {@code x}, beside {@code box}. */
    void drawRight(Graphics2D g, Rectangle2D box, int x) {}
  }

  /** Step lines, one per channel, on a y range shared by every trial. */
  private static final class LinePanel extends Panel {
    private final List<String> channels;
    private final Function<Trial, float[][]> values;
    private final boolean filled;
    private final double low;
    private final double high;
    private final double[] ticks;

    LinePanel(
        String title,
        int height,
        List<String> channels,
        Function<Trial, float[][]> values,
        List<Trial> trials,
        boolean filled) {
      super(title, height);
      this.channels = channels;
      this.values = values;
      this.filled = filled;
      double min = filled ? 0 : Double.POSITIVE_INFINITY;
      double max = filled ? 1 : Double.NEGATIVE_INFINITY;
      for (Trial t : trials) {
        for (float[] step : values.apply(t)) {
          for (float v : step) {
            if (Float.isFinite(v)) {
              min = Math.min(min, v);
              max = Math.max(max, v);
            }
          }
        }
      }
      if (!(max >= min)) {
        min = 0;
        max = 1;
      } else if (max == min) {
        min -= 0.5;
        max += 0.5;
      }
      if (filled) {
        this.ticks = new double[] {min, max};
        this.low = min;
        this.high = max + (max - min) * 0.15; // a mask of 1 stays visible under the frame
      } else {
        double step = tickStep((max - min) / 5, 1);
        this.ticks = ticks(min, max, step);
        double margin = (max - min) * 0.06;
        this.low = min - margin;
        this.high = max + margin;
      }
    }

    private double y(Rectangle2D box, double v) {
      return box.getMaxY() - (v - low) / (high - low) * box.getHeight();
    }

    @Override
    int labelWidth(Graphics2D g) {
      FontMetrics fm = g.getFontMetrics(SMALL_FONT);
      int w = 0;
      for (double t : ticks) {
        w = Math.max(w, fm.stringWidth(number(t)));
      }
      return w;
    }

    @Override
    int rightWidth(Graphics2D g) {
      if (filled) {
        return 0;
      }
      FontMetrics fm = g.getFontMetrics(LABEL_FONT);
      int w = 0;
      for (String c : channels) {
        w = Math.max(w, fm.stringWidth(c));
      }
      return 28 + w;
    }

    @Override
    boolean gridLines() {
      return !filled;
    }

    @Override
    void drawColumn(Graphics2D g, Column c, Rectangle2D box) {
      float[][] v = values.apply(c.trial());
      Shape clip = g.getClip();
      g.clip(
          new Rectangle2D.Double(box.getX(), box.getY() - 2, box.getWidth(), box.getHeight() + 4));
      if (!filled) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (double t : ticks) {
          g.draw(new Line2D.Double(box.getX(), y(box, t), box.getMaxX(), y(box, t)));
        }
      }
      for (int ch = 0; ch < channels.size(); ch++) {
        Path2D.Double path = new Path2D.Double();
        boolean drawing = false;
        for (int s = 0; s < v.length; s++) {
          double value = v[s][ch];
          if (!Double.isFinite(value)) {
            drawing = false;
            continue;
          }
          double yv = y(box, value);
          if (!drawing) {
            path.moveTo(c.xOfStep(s), yv);
            drawing = true;
          } else {
            path.lineTo(c.xOfStep(s), yv);
          }
          path.lineTo(c.xOfStep(s + 1), yv);
        }
        if (filled) {
          Path2D.Double area = new Path2D.Double(path);
          area.lineTo(c.xOfStep(v.length), y(box, 0));
          area.lineTo(c.xOfStep(0), y(box, 0));
          area.closePath();
          g.setColor(new Color(0x7f, 0x7f, 0x7f, 70));
          g.fill(area);
          g.setColor(new Color(0x555555));
          g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        } else {
          g.setColor(PALETTE[ch % PALETTE.length]);
          g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        g.draw(path);
      }
      g.setClip(clip);
    }

    @Override
    void drawLabels(Graphics2D g, Rectangle2D box) {
      g.setFont(SMALL_FONT);
      FontMetrics fm = g.getFontMetrics();
      for (double t : ticks) {
        double y = y(box, t);
        g.setColor(AXIS);
        g.draw(new Line2D.Double(box.getX() - TICK, y, box.getX(), y));
        g.setColor(TEXT);
        String s = number(t);
        g.drawString(
            s,
            (float) (box.getX() - TICK - 3 - fm.stringWidth(s)),
            (float) (y + fm.getAscent() / 2.0 - 1));
      }
    }

    @Override
    void drawRight(Graphics2D g, Rectangle2D box, int x) {
      if (filled) {
        return;
      }
      g.setFont(LABEL_FONT);
      FontMetrics fm = g.getFontMetrics();
      double y = box.getY() + 10;
      for (int ch = 0; ch < channels.size(); ch++) {
        g.setColor(PALETTE[ch % PALETTE.length]);
        g.setStroke(new BasicStroke(3f));
        g.draw(new Line2D.Double(x, y, x + 20, y));
        g.setColor(TEXT);
        g.drawString(channels.get(ch), x + 26, (float) (y + fm.getAscent() / 2.0 - 1));
        y += 20;
      }
    }
  }

  /** One row per channel, coloured by value on a scale shared by every trial. */
  private static final class HeatmapPanel extends Panel {
    private final List<String> channels;
    private final Function<Trial, float[][]> values;
    private final double low;
    private final double high;
    private final Color[] colors;

    HeatmapPanel(
        String title,
        List<String> channels,
        Function<Trial, float[][]> values,
        List<Trial> trials) {
      super(title, Math.max(70, Math.min(420, channels.size() * 18)));
      this.channels = channels;
      this.values = values;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Trial t : trials) {
        for (float[] step : values.apply(t)) {
          for (float v : step) {
            if (Float.isFinite(v)) {
              min = Math.min(min, v);
              max = Math.max(max, v);
            }
          }
        }
      }
      if (!(max >= min)) {
        min = 0;
        max = 1;
      }
      if (min < 0 && max > 0) {
        double a = Math.max(-min, max);
        min = -a;
        max = a;
        colors = DIVERGING;
      } else {
        colors = SEQUENTIAL;
      }
      if (max == min) {
        max = min + 1;
      }
      this.low = min;
      this.high = max;
    }

    private double rowHeight() {
      return (double) height / channels.size();
    }

    /** Label every k-th row so that labels do not overlap. */
    private int labelEvery() {
      return Math.max(1, (int) Math.ceil(14 / rowHeight()));
    }

    @Override
    int labelWidth(Graphics2D g) {
      FontMetrics fm = g.getFontMetrics(SMALL_FONT);
      int w = 0;
      for (String c : channels) {
        w = Math.max(w, fm.stringWidth(c));
      }
      return w;
    }

    @Override
    int rightWidth(Graphics2D g) {
      FontMetrics fm = g.getFontMetrics(SMALL_FONT);
      return 14 + 6 + Math.max(fm.stringWidth(number(low)), fm.stringWidth(number(high)));
    }

    @Override
    boolean gridLines() {
      return false;
    }

    @Override
    void drawColumn(Graphics2D g, Column c, Rectangle2D box) {
      float[][] v = values.apply(c.trial());
      Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
      // Without antialiasing, abutting cells leave no hairline seams.
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      for (int s = 0; s < v.length; s++) {
        int x0 = (int) Math.round(c.xOfStep(s));
        int x1 = (int) Math.round(c.xOfStep(s + 1));
        for (int ch = 0; ch < channels.size(); ch++) {
          int y0 = (int) Math.round(box.getY() + ch * rowHeight());
          int y1 = (int) Math.round(box.getY() + (ch + 1) * rowHeight());
          double value = v[s][ch];
          g.setColor(Double.isFinite(value) ? color((value - low) / (high - low)) : Color.WHITE);
          g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        }
      }
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }

    private Color color(double fraction) {
      return interpolate(colors, fraction);
    }

    @Override
    void drawLabels(Graphics2D g, Rectangle2D box) {
      g.setFont(SMALL_FONT);
      g.setColor(TEXT);
      FontMetrics fm = g.getFontMetrics();
      for (int ch = 0; ch < channels.size(); ch += labelEvery()) {
        double y = box.getY() + (ch + 0.5) * rowHeight();
        String s = channels.get(ch);
        g.drawString(
            s,
            (float) (box.getX() - 6 - fm.stringWidth(s)),
            (float) (y + fm.getAscent() / 2.0 - 1));
      }
    }

    @Override
    void drawRight(Graphics2D g, Rectangle2D box, int x) {
      int barWidth = 14;
      int steps = (int) box.getHeight();
      Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      for (int i = 0; i < steps; i++) {
        g.setColor(color(1 - (double) i / Math.max(1, steps - 1)));
        g.fillRect(x, (int) box.getY() + i, barWidth, 1);
      }
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
      g.setColor(AXIS);
      g.setStroke(new BasicStroke(1f));
      g.draw(new Rectangle2D.Double(x, box.getY(), barWidth, box.getHeight()));
      g.setFont(SMALL_FONT);
      g.setColor(TEXT);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(number(high), x + barWidth + 4, (float) box.getY() + fm.getAscent() - 2);
      g.drawString(number(low), x + barWidth + 4, (float) box.getMaxY() - 1);
    }
  }

  /** A class index as a step line through one row per class, labelled with the class names. */
  private static final class ClassPanel extends Panel {
    private final List<String> classes;

    ClassPanel(List<String> classes) {
      super("target", Math.max(72, Math.min(300, classes.size() * 24)));
      this.classes = classes;
    }

    private double y(Rectangle2D box, int k) {
      double row = box.getHeight() / classes.size();
      return box.getY() + (classes.size() - 1 - k + 0.5) * row; // class 0 at the bottom
    }

    private int labelEvery() {
      return Math.max(1, (int) Math.ceil(14 / ((double) height / classes.size())));
    }

    @Override
    int labelWidth(Graphics2D g) {
      FontMetrics fm = g.getFontMetrics(SMALL_FONT);
      int w = 0;
      for (String c : classes) {
        w = Math.max(w, fm.stringWidth(c));
      }
      return w;
    }

    @Override
    void drawColumn(Graphics2D g, Column c, Rectangle2D box) {
      g.setColor(GRID);
      g.setStroke(new BasicStroke(1f));
      for (int k = 0; k < classes.size(); k++) {
        g.draw(new Line2D.Double(box.getX(), y(box, k), box.getMaxX(), y(box, k)));
      }
      int[] target = c.trial().classTargets();
      Path2D.Double path = new Path2D.Double();
      for (int s = 0; s < target.length; s++) {
        int k = Math.max(0, Math.min(classes.size() - 1, target[s]));
        if (s == 0) {
          path.moveTo(c.xOfStep(s), y(box, k));
        } else {
          path.lineTo(c.xOfStep(s), y(box, k));
        }
        path.lineTo(c.xOfStep(s + 1), y(box, k));
      }
      g.setColor(new Color(0x222222));
      g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      g.draw(path);
    }

    @Override
    void drawLabels(Graphics2D g, Rectangle2D box) {
      g.setFont(SMALL_FONT);
      g.setColor(TEXT);
      FontMetrics fm = g.getFontMetrics();
      for (int k = 0; k < classes.size(); k += labelEvery()) {
        String s = classes.get(k);
        g.drawString(
            s,
            (float) (box.getX() - 6 - fm.stringWidth(s)),
            (float) (y(box, k) + fm.getAscent() / 2.0 - 1));
      }
    }
  }

  // ---------------------------------------------------------------- the parts around the panels

  private void drawTitle(Graphics2D g, int width, int top, double dt) {
    int n = trials.size();
    g.setColor(TEXT);
    g.setFont(TITLE_FONT);
    centre(
        g,
        task.id() + " — " + n + (n == 1 ? " trial" : " trials") + ", dt = " + number(dt) + " ms",
        width / 2.0,
        top + 20);
    g.setFont(SUBTITLE_FONT);
    g.setColor(MUTED);
    String settings =
        task.settings().isEmpty()
            ? "default parameters"
            : "--set " + String.join("  --set ", task.settings());
    centre(g, settings + "   ·   seed " + seed, width / 2.0, top + 26 + 18);
  }

  private void drawHeader(Graphics2D g, Column c, int index, int top, List<String> metadata) {
    g.setColor(TEXT);
    g.setFont(HEADER_FONT);
    int steps = c.trial().steps();
    String name = "Trial " + (index + 1);
    String full = name + "  (" + steps + (steps == 1 ? " step)" : " steps)");
    FontMetrics fm = g.getFontMetrics();
    g.drawString(
        fm.stringWidth(full) <= c.width() ? full : fit(fm, name, c.width()),
        (float) c.x(),
        top + 14);
    g.setFont(SMALL_FONT);
    g.setColor(MUTED);
    int y = top + 14 + 16;
    for (String line : metadata) {
      g.drawString(line, (float) c.x(), y);
      y += 16;
    }
  }

  private void drawStrip(Graphics2D g, Column c, int top) {
    g.setFont(SMALL_FONT);
    FontMetrics fm = g.getFontMetrics();
    for (Period p : c.trial().periods()) {
      if (p.steps() == 0) {
        continue;
      }
      double x0 = c.xOfStep(p.startStep());
      double x1 = c.xOfStep(p.endStep());
      g.setColor(periodColor(p.name()));
      g.fill(new Rectangle2D.Double(x0, top, x1 - x0, STRIP_HEIGHT));
      String label = stripLabel(fm, p.name(), x1 - x0 - 4);
      if (!label.isEmpty()) {
        g.setColor(TEXT);
        centre(g, label, (x0 + x1) / 2, top + STRIP_HEIGHT / 2.0 + fm.getAscent() / 2.0 - 2);
      }
    }
    g.setColor(AXIS);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(c.x(), top, c.width(), STRIP_HEIGHT));
    drawBoundaries(g, c, new Rectangle2D.Double(c.x(), top, c.width(), STRIP_HEIGHT));
  }

  /** The name, or its first letters with a dot, or nothing, whichever fits. */
  private static String stripLabel(FontMetrics fm, String name, double room) {
    if (fm.stringWidth(name) <= room) {
      return name;
    }
    for (int k = Math.min(name.length() - 1, 4); k >= 2; k--) {
      String shorter = name.substring(0, k) + ".";
      if (fm.stringWidth(shorter) <= room) {
        return shorter;
      }
    }
    return "";
  }

  private void shadePeriods(Graphics2D g, Column c, Rectangle2D box) {
    for (Period p : c.trial().periods()) {
      Color base = periodColor(p.name());
      g.setColor(new Color(base.getRed(), base.getGreen(), base.getBlue(), 60));
      double x0 = c.xOfStep(p.startStep());
      double x1 = c.xOfStep(p.endStep());
      g.fill(new Rectangle2D.Double(x0, box.getY(), x1 - x0, box.getHeight()));
    }
  }

  private static void drawGrid(
      Graphics2D g, Column c, Rectangle2D box, double msStep, boolean lines) {
    if (!lines) {
      return;
    }
    g.setColor(GRID);
    g.setStroke(new BasicStroke(1f));
    double duration = c.trial().steps() * c.dtMs();
    for (double ms = msStep; ms < duration - 1e-9; ms += msStep) {
      double x = c.xOfMs(ms);
      g.draw(new Line2D.Double(x, box.getY(), x, box.getMaxY()));
    }
  }

  /** Dashed lines where one period ends and the next begins. */
  private static void drawBoundaries(Graphics2D g, Column c, Rectangle2D box) {
    g.setColor(BOUNDARY);
    g.setStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
    Set<Integer> seen = new HashSet<>();
    for (Period p : c.trial().periods()) {
      for (int step : new int[] {p.startStep(), p.endStep()}) {
        if (step > 0 && step < c.trial().steps() && seen.add(step)) {
          double x = c.xOfStep(step);
          g.draw(new Line2D.Double(x, box.getY(), x, box.getMaxY()));
        }
      }
    }
  }

  private static void drawTimeAxis(Graphics2D g, Column c, int top, double msStep) {
    g.setFont(SMALL_FONT);
    FontMetrics fm = g.getFontMetrics();
    g.setStroke(new BasicStroke(1f));
    double duration = c.trial().steps() * c.dtMs();
    for (double ms = 0; ms <= duration + 1e-9; ms += msStep) {
      double x = c.xOfMs(ms);
      g.setColor(AXIS);
      g.draw(new Line2D.Double(x, top, x, top + TICK));
      g.setColor(TEXT);
      centre(g, number(ms), x, top + TICK + fm.getAscent());
    }
  }

  private static void drawPanelTitle(Graphics2D g, String title, int x, Rectangle2D box) {
    g.setFont(PANEL_FONT);
    g.setColor(TEXT);
    FontMetrics fm = g.getFontMetrics();
    AffineTransform saved = g.getTransform();
    g.translate(x + fm.getAscent(), box.getCenterY() + fm.stringWidth(title) / 2.0);
    g.rotate(-Math.PI / 2);
    g.drawString(title, 0, 0);
    g.setTransform(saved);
  }

  private List<String> periodLegend() {
    List<String> entries = new ArrayList<>();
    for (String name : periodNames) {
      boolean empty = true;
      for (Trial t : trials) {
        Period p = t.period(name);
        empty &= p == null || p.steps() == 0;
      }
      entries.add(empty ? name + " (0 ms)" : name);
    }
    return entries;
  }

  private static int legendRows(Graphics2D g, List<String> entries, int room) {
    if (entries.isEmpty()) {
      return 0;
    }
    FontMetrics fm = g.getFontMetrics(LABEL_FONT);
    int rows = 1;
    int x = fm.stringWidth("periods: ") + 8;
    for (String e : entries) {
      int w = 18 + 6 + fm.stringWidth(e) + 22;
      if (x + w > room && x > 0) {
        rows++;
        x = 0;
      }
      x += w;
    }
    return rows;
  }

  private void drawPeriodLegend(Graphics2D g, List<String> entries, int left, int top, int room) {
    if (entries.isEmpty()) {
      return;
    }
    g.setFont(LABEL_FONT);
    FontMetrics fm = g.getFontMetrics();
    g.setColor(TEXT);
    g.drawString("periods: ", left, top + fm.getAscent());
    int x = fm.stringWidth("periods: ") + 8;
    int y = top;
    for (int i = 0; i < entries.size(); i++) {
      String e = entries.get(i);
      int w = 18 + 6 + fm.stringWidth(e) + 22;
      if (x + w > room && x > 0) {
        y += 22;
        x = 0;
      }
      g.setColor(periodColor(periodNames.get(i)));
      g.fill(new Rectangle2D.Double(left + x, y + 2, 18, 14));
      g.setColor(AXIS);
      g.draw(new Rectangle2D.Double(left + x, y + 2, 18, 14));
      g.setColor(TEXT);
      g.drawString(e, left + x + 24, y + fm.getAscent());
      x += w;
    }
  }

  private Color periodColor(String name) {
    int i = periodNames.indexOf(name);
    return PERIOD_COLORS[Math.max(0, i) % PERIOD_COLORS.length];
  }

  // ---------------------------------------------------------------- text and numbers

  private static List<String> metadataItems(Trial t) {
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, Object> e : t.metadata().entrySet()) {
      Object v = e.getValue();
      String value =
          v instanceof Double || v instanceof Float
              ? number(((Number) v).doubleValue())
              : String.valueOf(v);
      if (value.length() > 24) {
        value = value.substring(0, 23) + "…";
      }
      items.add(e.getKey() + " = " + value);
    }
    return items;
  }

  /** Greedily packs items into at most {@value #METADATA_LINES} lines of {@code room} pixels. */
  private static List<String> wrap(List<String> items, FontMetrics fm, int room) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String item : items) {
      String candidate = line.length() == 0 ? item : line + "   " + item;
      if (fm.stringWidth(candidate) <= room || line.length() == 0) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(item);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(METADATA_LINES, lines.size()); i++) {
      boolean lastShown = i == METADATA_LINES - 1 && lines.size() > METADATA_LINES;
      out.add(fit(fm, lines.get(i) + (lastShown ? " …" : ""), room));
    }
    return out;
  }

  /** The text, cut with an ellipsis if it is wider than {@code room} pixels. */
  private static String fit(FontMetrics fm, String text, double room) {
    if (fm.stringWidth(text) <= room) {
      return text;
    }
    for (int k = text.length() - 1; k > 0; k--) {
      String cut = text.substring(0, k) + "…";
      if (fm.stringWidth(cut) <= room) {
        return cut;
      }
    }
    return "";
  }

  private static void centre(Graphics2D g, String text, double x, double baseline) {
    g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
  }

  /**
   * A number as people write it: whole numbers without a decimal point, else 4 significant digits.
   */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
  }

  /** The smallest round step (1, 2 or 5 times a power of ten) >= {@code rough}, else fallback. */
  static double tickStep(double rough, double fallback) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      return fallback;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double residual = rough / magnitude;
    double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  /** Multiples of {@code step} within {@code [low, high]}, rounded to the step's precision. */
  private static double[] ticks(double low, double high, double step) {
    List<Double> out = new ArrayList<>();
    for (double t = Math.ceil(low / step - 1e-9) * step; t <= high + 1e-9 * step; t += step) {
      out.add(Math.round(t / step) * step);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Color interpolate(Color[] stops, double fraction) {
    double f = Math.max(0, Math.min(1, fraction)) * (stops.length - 1);
    int i = Math.min(stops.length - 2, (int) Math.floor(f));
    double u = f - i;
    Color a = stops[i];
    Color b = stops[i + 1];
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
  }

  private static int sumOf(int[] values) {
    return Arrays.stream(values).sum();
  }
}
