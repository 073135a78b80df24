package org.rnnlab.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumberTextTest {

  @Test
  void showsSixSignificantDigitsWithoutTrailingZeros() {
    assertThat(NumberText.format(0.30000000000000004)).isEqualTo("0.3");
    assertThat(NumberText.format(2000.0)).isEqualTo("2000");
    assertThat(NumberText.format(-0.000123456789)).isEqualTo("-0.000123457");
    assertThat(NumberText.format(0.0)).isEqualTo("0");
    assertThat(NumberText.format(-0.0)).isEqualTo("0");
  }

  @Test
  void switchesToScientificNotationOutsideTenToTheMinusFourToTenToTheSix() {
    assertThat(NumberText.format(123456789.0)).isEqualTo("1.23457e8");
    assertThat(NumberText.format(1e6)).isEqualTo("1e6");
    assertThat(NumberText.format(1.5e-7)).isEqualTo("1.5e-7");
  }

  @Test
  void showsIntegerTypesExactly() {
    assertThat(NumberText.format(12345678901L)).isEqualTo("12345678901");
    assertThat(NumberText.format(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
  }

  @Test
  void spellsNonFiniteValuesAsJavaDoes() {
    assertThat(NumberText.format(Double.NaN)).isEqualTo("NaN");
    assertThat(NumberText.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(NumberText.format(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void ignoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(NumberText.format(1234.5)).isEqualTo("1234.5");
      assertThat(NumberText.format(1.5e-7)).isEqualTo("1.5e-7");
    } finally {
      Locale.setDefault(saved);
    }
  }
}
