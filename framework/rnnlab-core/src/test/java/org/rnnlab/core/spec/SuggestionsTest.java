package org.rnnlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void suggestsTheClosestIdsFirst() {
    List<String> ids =
        List.of("perceptual-decision-making", "point-mass", "delay-match-sample", "go-no-go");

    assertThat(Suggestions.closest("perceptual-decision-makin", ids))
        .containsExactly("perceptual-decision-making");
    assertThat(Suggestions.closest("point", ids)).containsExactly("point-mass");
    assertThat(Suggestions.closest("zzzzzz", ids)).isEmpty();
  }
}
