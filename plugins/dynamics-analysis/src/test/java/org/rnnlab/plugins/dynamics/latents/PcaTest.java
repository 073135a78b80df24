package org.rnnlab.plugins.dynamics.latents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PcaTest {

  private static final double EPS = 1e-12;

  /** Unit vectors of a rotation by atan2(0.8, 0.6): u = (0.6, 0.8), v = (−0.8, 0.6). */
  private static final double[] U = {0.6, 0.8};

  private static final double[] V = {-0.8, 0.6};

  private static final double[] CENTRE = {1, -1};

  /** CENTRE ± 2u and CENTRE ± v: variance 8/3 along u and 2/3 along v (divisor n − 1 = 3). */
  private static double[][] rotatedCross() {
    double[][] rows = new double[4][2];
    double[][] offsets = {{2, 0}, {-2, 0}, {0, 1}, {0, -1}};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 2; j++) {
        rows[i][j] = CENTRE[j] + offsets[i][0] * U[j] + offsets[i][1] * V[j];
      }
    }
    return rows;
  }

  @Test
  void findsTheHandComputedMeanVariancesAndComponents() {
    Pca pca = Pca.fit(rotatedCross());

    assertThat(pca.mean()).containsExactly(new double[] {1, -1}, within(EPS));
    assertThat(pca.explainedVariance())
        .containsExactly(new double[] {8 / 3.0, 2 / 3.0}, within(EPS));
    assertThat(pca.explainedVarianceRatio()).containsExactly(new double[] {0.8, 0.2}, within(EPS));
    assertThat(pca.totalVariance()).isCloseTo(10 / 3.0, within(EPS));
    // u's largest entry is already positive; v's (−0.8) is not, so the component is −v.
    assertThat(pca.component(0)).containsExactly(new double[] {0.6, 0.8}, within(1e-9));
    assertThat(pca.component(1)).containsExactly(new double[] {0.8, -0.6}, within(1e-9));
  }

  @Test
  void projectsOntoTheComponentsAboutTheMean() {
    Pca pca = Pca.fit(rotatedCross());
    double[] state = {CENTRE[0] + 2 * U[0] + V[0], CENTRE[1] + 2 * U[1] + V[1]};

    assertThat(pca.project(state, 2)).containsExactly(new double[] {2, -1}, within(1e-9));
    assertThat(pca.project(new float[] {1, -1}, 1)).containsExactly(new double[] {0}, within(1e-6));
  }

  @Test
  void fitsTrialsOfUnequalLengthAsOnePoolOfStates() {
    double[][] rows = rotatedCross();
    float[][][] trials = {
      {toFloat(rows[0])}, {toFloat(rows[1]), toFloat(rows[2]), toFloat(rows[3])}
    };
    Pca pca = Pca.fit(trials);

    assertThat(pca.explainedVariance())
        .containsExactly(new double[] {8 / 3.0, 2 / 3.0}, within(1e-6));
    double[][][] scores = pca.project(trials, 1);
    assertThat(scores[0]).hasDimensions(1, 1);
    assertThat(scores[1]).hasDimensions(3, 1);
    assertThat(scores[0][0][0]).isCloseTo(2, within(1e-6));
  }

  @Test
  void theSignOfAComponentDoesNotDependOnTheSignOfTheData() {
    double[][] rows = {{-3, 1}, {3, -1}, {-6, 2}, {6, -2.1}};
    double[][] negated = new double[rows.length][2];
    for (int i = 0; i < rows.length; i++) {
      negated[i][0] = -rows[i][0];
      negated[i][1] = -rows[i][1];
    }
    Pca pca = Pca.fit(rows);
    Pca flipped = Pca.fit(negated);

    for (int k = 0; k < 2; k++) {
      double[] c = pca.component(k);
      assertThat(Math.abs(c[0]) >= Math.abs(c[1]) ? c[0] : c[1]).isPositive();
      assertThat(flipped.component(k)).containsExactly(c, within(1e-9));
    }
  }

  @Test
  void isotropicStatesHaveAParticipationRatioOfTheirDimension() {
    // ±e_i for each of 4 axes: covariance (2/7)·I.
    double[][] rows = new double[8][4];
    for (int i = 0; i < 4; i++) {
      rows[2 * i][i] = 1;
      rows[2 * i + 1][i] = -1;
    }
    assertThat(Pca.fit(rows).participationRatio()).isCloseTo(4, within(1e-9));
  }

  @Test
  void statesOnALineHaveAParticipationRatioOfOne() {
    double[][] rows = new double[20][5];
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 5; j++) {
        rows[i][j] = (i - 7.5) * (j + 1);
      }
    }
    Pca pca = Pca.fit(rows);
    assertThat(pca.participationRatio()).isCloseTo(1, within(1e-9));
    assertThat(pca.componentsFor(0.99)).isEqualTo(1);
  }

  @Test
  void theHandComputedCrossHasAParticipationRatioOf100Over68() {
    // (8/3 + 2/3)² / ((8/3)² + (2/3)²) = (100/9) / (68/9)
    assertThat(Pca.fit(rotatedCross()).participationRatio()).isCloseTo(100 / 68.0, within(EPS));
  }

  @Test
  void countsTheLeadingComponentsNeededForAFractionOfTheVariance() {
    // ±a_i·e_i with a² = 5, 3, 1, 1: variance ratios 0.5, 0.3, 0.1, 0.1.
    double[] squared = {5, 3, 1, 1};
    double[][] rows = new double[8][4];
    for (int i = 0; i < 4; i++) {
      rows[2 * i][i] = Math.sqrt(squared[i]);
      rows[2 * i + 1][i] = -Math.sqrt(squared[i]);
    }
    Pca pca = Pca.fit(rows);

    assertThat(pca.explainedVarianceRatio())
        .containsExactly(new double[] {0.5, 0.3, 0.1, 0.1}, within(1e-12));
    assertThat(pca.componentsFor(0.5)).isEqualTo(1);
    assertThat(pca.componentsFor(0.51)).isEqualTo(2);
    assertThat(pca.componentsFor(0.8)).isEqualTo(2);
    assertThat(pca.componentsFor(0.9)).isEqualTo(3);
    assertThat(pca.componentsFor(0.95)).isEqualTo(4);
    assertThat(pca.componentsFor(1)).isEqualTo(4);
    assertThatThrownBy(() -> pca.componentsFor(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 1]");
  }

  @Test
  void theTotalVarianceIsTheSumOfTheDimensionsVariancesFarFromTheOrigin() {
    // A mean far from zero and a dependent third dimension (zero variance left over).
    int n = 1000;
    double[][] rows = new double[n][3];
    double[] sum = new double[3];
    for (int i = 0; i < n; i++) {
      rows[i][0] = 100 + Math.sin(i * 0.37);
      rows[i][1] = -50 + 0.5 * Math.cos(i * 1.13);
      rows[i][2] = rows[i][0] - rows[i][1];
      for (int j = 0; j < 3; j++) {
        sum[j] += rows[i][j];
      }
    }
    double trace = 0;
    for (int j = 0; j < 3; j++) {
      double mean = sum[j] / n;
      double ss = 0;
      for (double[] row : rows) {
        ss += (row[j] - mean) * (row[j] - mean);
      }
      trace += ss / (n - 1);
    }
    Pca pca = Pca.fit(rows);
    assertThat(pca.totalVariance()).isCloseTo(trace, within(1e-9));
    assertThat(pca.explainedVariance()[2]).isCloseTo(0, within(1e-9));
  }

  @Test
  void refusesTooFewStatesAndMixedDimensions() {
    assertThatThrownBy(() -> Pca.fit(new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 states");
    assertThatThrownBy(() -> Pca.fit(new double[][] {{1, 2}, {1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimensions");
    Pca pca = Pca.fit(rotatedCross());
    assertThatThrownBy(() -> pca.project(new double[] {1, 2}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 2]");
  }

  private static float[] toFloat(double[] row) {
    float[] out = new float[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = (float) row[j];
    }
    return out;
  }
}
