package org.rnnlab.plugins.dynamics.similarity;

import java.util.Arrays;

/**
 * Minimum-cost perfect matching of a square cost matrix (the assignment problem), by the Hungarian
 * method with potentials and shortest augmenting paths, in {@code O(n³)} time.
 */
public final class Assignment {

  private Assignment() {}

  /**
   * The column assigned to each row, minimising the summed cost.
   *
   * @param cost {@code n × n} finite costs; not modified
   * @return {@code column[row]}, a permutation of {@code 0 … n−1}
   * @throws IllegalArgumentException if the matrix is not square or holds a non-finite cost
   */
  public static int[] solve(double[][] cost) {
    int n = cost.length;
    for (double[] row : cost) {
      if (row.length != n) {
        throw new IllegalArgumentException(
            "the cost matrix must be square, got a row of " + row.length + " in " + n + " rows");
      }
      for (double c : row) {
        if (!Double.isFinite(c)) {
          throw new IllegalArgumentException("costs must be finite, got " + c);
        }
      }
    }
    // 1-based: row potentials u, column potentials v, rowOf[j] the row matched to column j.
    double[] u = new double[n + 1];
    double[] v = new double[n + 1];
    int[] rowOf = new int[n + 1];
    int[] previous = new int[n + 1];
    double[] slack = new double[n + 1];
    boolean[] visited = new boolean[n + 1];
    for (int i = 1; i <= n; i++) {
      rowOf[0] = i;
      int column = 0;
      Arrays.fill(slack, Double.POSITIVE_INFINITY);
      Arrays.fill(visited, false);
      do {
        visited[column] = true;
        int row = rowOf[column];
        double delta = Double.POSITIVE_INFINITY;
        int next = 0;
        for (int j = 1; j <= n; j++) {
          if (visited[j]) {
            continue;
          }
          double reduced = cost[row - 1][j - 1] - u[row] - v[j];
          if (reduced < slack[j]) {
            slack[j] = reduced;
            previous[j] = column;
          }
          if (slack[j] < delta) {
            delta = slack[j];
            next = j;
          }
        }
        for (int j = 0; j <= n; j++) {
          if (visited[j]) {
            u[rowOf[j]] += delta;
            v[j] -= delta;
          } else {
            slack[j] -= delta;
          }
        }
        column = next;
      } while (rowOf[column] != 0);
      do {
        int before = previous[column];
        rowOf[column] = rowOf[before];
        column = before;
      } while (column != 0);
    }
    int[] columnOf = new int[n];
    for (int j = 1; j <= n; j++) {
      columnOf[rowOf[j] - 1] = j - 1;
    }
    return columnOf;
  }
}
