package org.rnnlab.plugins.dynamics.fixedpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Eigenvalues of a discrete-time map's Jacobian and what they say about the fixed point. */
class StabilityTest {

  @Test
  void eigenvaluesAreSortedByMagnitudeLargestFirstWithConjugatePairsTogether() {
    // Block diagonal: 0.6 ± 0.6i (|λ| ≈ 0.849), 1.5 and -0.2.
    float[][] j = {
      {0.6f, -0.6f, 0f, 0f}, {0.6f, 0.6f, 0f, 0f}, {0f, 0f, 1.5f, 0f}, {0f, 0f, 0f, -0.2f}
    };
    Stability s = Stability.of(j);

    assertThat(s.real()).containsExactly(new double[] {1.5, 0.6, 0.6, -0.2}, within(1e-6));
    assertThat(s.imaginary()).containsExactly(new double[] {0, 0.6, -0.6, 0}, within(1e-6));
    assertThat(s.spectralRadius()).isCloseTo(1.5, within(1e-6));
  }

  @Test
  void aPointIsStableWhenEveryMultiplierIsInsideTheUnitCircle() {
    Stability s = Stability.of(new float[][] {{0.9f, 0f}, {0f, -0.99f}});
    assertThat(s.kind()).isEqualTo(Stability.Kind.STABLE);
    assertThat(s.isStable()).isTrue();
    assertThat(s.unstableModes()).isZero();
  }

  @Test
  void aSaddleHasSomeButNotAllModesOutsideAndAnUnstablePointHasAll() {
    Stability saddle =
        Stability.of(new float[][] {{1.2f, 0f, 0f}, {0f, 0.5f, 0f}, {0f, 0f, -1.1f}});
    assertThat(saddle.kind()).isEqualTo(Stability.Kind.SADDLE);
    assertThat(saddle.unstableModes()).isEqualTo(2);

    Stability repeller = Stability.of(new float[][] {{1.2f, 0f}, {0f, -1.1f}});
    assertThat(repeller.kind()).isEqualTo(Stability.Kind.UNSTABLE);
    assertThat(repeller.unstableModes()).isEqualTo(2);
  }

  @Test
  void aSlowestModeWithinTheToleranceOfTheUnitCircleIsNearContinuous() {
    assertThat(Stability.of(new float[][] {{0.995f}}).nearContinuous(0.01)).isTrue();
    assertThat(Stability.of(new float[][] {{1.005f}}).nearContinuous(0.01)).isTrue();
    assertThat(Stability.of(new float[][] {{0.98f}}).nearContinuous(0.01)).isFalse();
  }
}
