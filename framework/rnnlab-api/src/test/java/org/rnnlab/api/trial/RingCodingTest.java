package org.rnnlab.api.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RingCodingTest {

  @Test
  void theYangBumpPeaksAtThePreferredDirectionWithAmplitude08() {
    float[] bump = RingCoding.gaussianBump(Math.PI / 2, 32, 0.8, Math.PI / 8);

    assertThat(bump[8]).isCloseTo(0.8f, within(1e-6f));
    assertThat(bump[24]).isLessThan(1e-6f);
  }

  @Test
  void thePopulationVectorRecoversTheEncodedAngle() {
    for (double angle = 0.1; angle < 2 * Math.PI; angle += 0.7) {
      double decoded =
          RingCoding.populationVector(RingCoding.gaussianBump(angle, 32, 0.8, Math.PI / 8));
      assertThat(RingCoding.distance(decoded, angle)).isLessThan(1e-3);
    }
  }
}
