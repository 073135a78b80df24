package org.rnnlab.api.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart described as data, rendered to PNG by the core (so plugins need no chart library).
 *
 * @param title chart title
 * @param xLabel x-axis label, with its unit
 * @param yLabel y-axis label, with its unit
 * @param series the lines, drawn in order
 * @param logX whether the x axis is logarithmic
 */
public record LinePlot(
    String title, String xLabel, String yLabel, List<Series> series, boolean logX) {

  /**
   * One line.
   *
   * @param name legend entry
   * @param x abscissae
   * @param y ordinates, as many as {@code x}
   * @param markersOnly draw points without connecting lines (for data, as opposed to fits)
   * @param muted draw thin and light grey, without a legend entry: context under the series that
   *     matter (for example trajectories under fixed points)
   */
  public record Series(String name, double[] x, double[] y, boolean markersOnly, boolean muted) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "series '" + name + "' has " + x.length + " x values and " + y.length + " y values");
      }
    }

    /** A series in the palette's next colour, with a legend entry. */
    public Series(String name, double[] x, double[] y, boolean markersOnly) {
      this(name, x, y, markersOnly, false);
    }

    /** A thin grey line without a legend entry. */
    public static Series muted(String name, double[] x, double[] y) {
      return new Series(name, x, y, false, true);
    }
  }

  public LinePlot {
    series = List.copyOf(series);
  }

  /** Starts a plot with no series. */
  public static LinePlot of(String title, String xLabel, String yLabel) {
    return new LinePlot(title, xLabel, yLabel, List.of(), false);
  }

  /** Returns a copy with one more series. */
  public LinePlot with(Series s) {
    List<Series> all = new ArrayList<>(series);
    all.add(s);
    return new LinePlot(title, xLabel, yLabel, all, logX);
  }

  /** Returns a copy with a logarithmic x axis. */
  public LinePlot withLogX() {
    return new LinePlot(title, xLabel, yLabel, series, true);
  }
}
