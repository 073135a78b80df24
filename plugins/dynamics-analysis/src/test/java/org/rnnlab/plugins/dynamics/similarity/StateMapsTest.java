package org.rnnlab.plugins.dynamics.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Affine maps, R², CCA and Procrustes on cases with known answers. */
class StateMapsTest {

  private static Scatter scatter(float[][][] x, float[][][] y) {
    Scatter s = new Scatter(x[0][0].length, y[0][0].length);
    for (int i = 0; i < x.length; i++) {
      for (int t = 0; t < x[i].length; t++) {
        s.add(x[i][t], y[i][t]);
      }
    }
    return s;
  }

  private static RSquared score(AffineMap map, float[][][] x, float[][][] y) {
    RSquared r2 = new RSquared(y[0][0].length);
    double[] prediction = new double[y[0][0].length];
    for (int i = 0; i < x.length; i++) {
      for (int t = 0; t < x[i].length; t++) {
        map.apply(x[i][t], prediction);
        r2.add(y[i][t], prediction);
      }
    }
    return r2;
  }

  @Test
  void anAffineTransformOfTheSameLatentsIsPredictedPerfectlyInBothDirections() {
    SplittableRandom random = new SplittableRandom(1);
    float[][][] latents = Synthetic.noise(20, 50, 3, random);
    float[][][] a = Synthetic.affine(latents, Synthetic.gaussian(12, 3, random), new double[12]);
    double[] offset = {5, -3, 2, 0, 1, 7};
    float[][][] b = Synthetic.affine(latents, Synthetic.gaussian(6, 3, random), offset);
    float[][][] trainA = java.util.Arrays.copyOf(a, 16);
    float[][][] trainB = java.util.Arrays.copyOf(b, 16);
    float[][][] validA = java.util.Arrays.copyOfRange(a, 16, 20);
    float[][][] validB = java.util.Arrays.copyOfRange(b, 16, 20);
    Scatter s = scatter(trainA, trainB);

    // a has 12 units spanning 3 dimensions: the fit is rank deficient and still exact
    assertThat(score(AffineMap.fitXToY(s, 0), validA, validB).varianceWeighted())
        .isCloseTo(1, within(1e-5));
    RSquared back = score(AffineMap.fitYToX(s, 0), validB, validA);
    assertThat(back.varianceWeighted()).isCloseTo(1, within(1e-5));
    assertThat(java.util.Arrays.stream(back.perDimension()).boxed().toList())
        .hasSize(12)
        .allSatisfy(r -> assertThat(r).isGreaterThan(0.9999));
  }

  @Test
  void independentNoiseScoresAboutZeroOnHeldOutTrials() {
    SplittableRandom random = new SplittableRandom(2);
    float[][][] a = Synthetic.noise(50, 100, 8, random);
    float[][][] b = Synthetic.noise(50, 100, 5, random);
    Scatter s = scatter(java.util.Arrays.copyOf(a, 40), java.util.Arrays.copyOf(b, 40));
    RSquared r2 =
        score(
            AffineMap.fitXToY(s, 0),
            java.util.Arrays.copyOfRange(a, 40, 50),
            java.util.Arrays.copyOfRange(b, 40, 50));
    assertThat(r2.varianceWeighted()).isCloseTo(0, within(0.01));
  }

  @Test
  void rSquaredWeighsDimensionsByTheirVariance() {
    RSquared r2 = new RSquared(2);
    // dimension 0: truth 0, 2 (SStot 2), prediction off by 1 each (SSres 2) → 0
    // dimension 1: truth 0, 20 (SStot 200), prediction off by 1 each (SSres 2) → 0.99
    r2.add(new float[] {0, 0}, new double[] {1, 1});
    r2.add(new float[] {2, 20}, new double[] {1, 19});
    assertThat(r2.perDimension()).containsExactly(new double[] {0, 0.99}, within(1e-12));
    assertThat(r2.varianceWeighted()).isCloseTo(1 - 4.0 / 202, within(1e-12));
  }

  @Test
  void theInterceptIsFitted() {
    float[][] x = {{0}, {1}, {2}, {3}};
    float[][] y = {{10}, {12}, {14}, {16}};
    AffineMap map = AffineMap.fit(x, y, 0);
    assertThat(map.weights()[0][0]).isCloseTo(2, within(1e-12));
    assertThat(map.intercept()[0]).isCloseTo(10, within(1e-12));
    assertThatThrownBy(() -> AffineMap.fit(x, y, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ridge");
  }

  @Test
  void ccaOfTwoSeriesIsTheirAbsoluteCorrelation() {
    // x centred (−1.5, −0.5, 0.5, 1.5), y centred (−1.5, 0.5, −0.5, 1.5): Σxy = 4, Σx² = Σy² = 5
    Scatter s = new Scatter(1, 1);
    float[] x = {1, 2, 3, 4};
    float[] y = {1, 3, 2, 4};
    for (int i = 0; i < 4; i++) {
      s.add(new float[] {x[i]}, new float[] {-y[i]});
    }
    assertThat(Cca.correlations(s)).containsExactly(new double[] {0.8}, within(1e-12));
  }

  @Test
  void ccaFindsTheSharedDirectionAndTheIndependentOne() {
    // x = (u, v), y = (u + v, w) with u, v, w the centred columns below:
    // u + v is exactly in span(x), w is orthogonal to u and v, so the correlations are 1 and 0.
    float[][] u = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {-1, -1}};
    float[] w = {1, 1, -1, -1, 0, 0};
    Scatter s = new Scatter(2, 2);
    for (int i = 0; i < u.length; i++) {
      s.add(u[i], new float[] {u[i][0] + u[i][1], w[i]});
    }
    assertThat(Cca.correlations(s)).containsExactly(new double[] {1, 0}, within(1e-9));
  }

  @Test
  void ccaHandlesDifferentSizesAndRankDeficiency() {
    SplittableRandom random = new SplittableRandom(3);
    float[][][] latents = Synthetic.noise(10, 100, 3, random);
    float[][][] big =
        Synthetic.affine(latents, Synthetic.gaussian(128, 3, random), new double[128]);
    float[][][] small = Synthetic.affine(latents, Synthetic.gaussian(3, 3, random), new double[3]);
    double[] rho = Cca.correlations(scatter(big, small));
    assertThat(java.util.Arrays.stream(rho).boxed().toList())
        .hasSize(3)
        .allSatisfy(r -> assertThat(r).isCloseTo(1.0, within(1e-6)));
  }

  @Test
  void procrustesMatchesAHandComputedCase() {
    // X: (±1, 0), (0, ±1): Sxx = diag(2, 2). Y: (±2, 0), (0, ±1): Syy = diag(8, 2).
    // Sxy = diag(4, 2): ρ = (4 + 2) / sqrt(4 · 10).
    float[][] x = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    float[][] y = {{2, 0}, {-2, 0}, {0, 1}, {0, -1}};
    Scatter s = new Scatter(2, 2);
    for (int i = 0; i < 4; i++) {
      s.add(x[i], y[i]);
    }
    double rho = 6 / Math.sqrt(40);
    Procrustes p = Procrustes.of(s);
    assertThat(p.similarity()).isCloseTo(rho, within(1e-12));
    assertThat(p.euclidean()).isCloseTo(Math.sqrt(2 - 2 * rho), within(1e-12));
    assertThat(p.angularRad()).isCloseTo(Math.acos(rho), within(1e-12));
  }

  @Test
  void procrustesIsZeroForARotatedScaledShiftedAndPaddedCopy() {
    SplittableRandom random = new SplittableRandom(4);
    float[][][] x = Synthetic.noise(5, 40, 3, random);
    var q = Synthetic.orthogonal(3, random);
    CommonOps_DDRM.scale(3, q);
    // y = 3 Q x + shift, written into 5 dimensions (two always zero)
    double[][] w = new double[5][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        w[i][j] = q.get(i, j);
      }
    }
    float[][][] y = Synthetic.affine(x, w, new double[] {1, 2, 3, 0, 0});
    Procrustes p = Procrustes.of(scatter(x, y));
    assertThat(p.euclidean()).isLessThan(1e-6);
    assertThat(p.angularRad()).isLessThan(1e-6);
  }
}
