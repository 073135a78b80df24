package org.rnnlab.plugins.dynamics.fixedpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** FixedPointFinder's clean-up: duplicates, distance outliers and q outliers. */
class PostProcessingTest {

  @Test
  void duplicatesWithinTolUniqueInEveryElementCollapseToTheLowestQ() {
    float[][] states = {{0f, 0f}, {0.0005f, -0.0005f}, {0.0009f, 0f}, {1f, 1f}};
    float[][] inputs = new float[4][1];
    double[] q = {1e-8, 1e-12, 1e-10, 1e-6};

    int[] kept = PostProcessing.unique(states, inputs, q, 1e-3);

    assertThat(kept).containsExactly(1, 3); // point 1 absorbs 0 and 2; point 3 stands alone
  }

  @Test
  void pointsFartherThanTolUniqueInOneElementOrWithOtherInputsAreDistinct() {
    float[][] states = {{0f, 0f}, {0f, 0.002f}, {0f, 0f}};
    float[][] inputs = {{0f}, {0f}, {1f}};
    int[] kept = PostProcessing.unique(states, inputs, new double[] {1, 2, 3}, 1e-3);
    assertThat(kept).containsExactly(0, 1, 2);
  }

  @Test
  void distanceOutliersLieTenMeanInitialDistancesOrMoreFromTheInitialCentroid() {
    // Initial states at ±1 on one axis: centroid 0, mean distance 1.
    float[][] inits = {{1f, 0f}, {-1f, 0f}};
    float[][] points = {{0f, 9.99f}, {0f, 10f}, {-30f, 0f}, {0.5f, 0.5f}};

    boolean[] inlier = PostProcessing.distanceInliers(points, inits, 10);

    assertThat(inlier).containsExactly(true, false, false, true);
  }

  @Test
  void qOutliersExceedTheScaleTimesTheMedian() {
    double[] q = {1e-12, 2e-12, 3e-12, 5e-11, 1e-6};
    assertThat(PostProcessing.qOutliers(q, 10)).containsExactly(3, 4);
  }

  @Test
  void aNegativeTolUniqueIsRejectedByName() {
    assertThatThrownBy(
            () -> PostProcessing.unique(new float[1][1], new float[1][1], new double[1], -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolUnique");
  }
}
