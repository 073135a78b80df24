package org.rnnlab.api.analysis;

import java.util.List;

/**
 * Several {@link LinePlot}s in one image, filled row by row into a grid of {@code columns} columns,
 * under one title. Each panel keeps its own axes, labels and legend.
 *
 * @param title the figure's title, above all panels
 * @param columns panels per row, at least 1
 * @param panels the plots, at least one
 */
public record PanelFigure(String title, int columns, List<LinePlot> panels) {
  public PanelFigure {
    if (columns < 1) {
      throw new IllegalArgumentException("a panel figure needs at least 1 column, got " + columns);
    }
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("a panel figure needs at least one panel");
    }
    panels = List.copyOf(panels);
  }

  /** The number of rows the grid has. */
  public int rows() {
    return (panels.size() + columns - 1) / columns;
  }
}
