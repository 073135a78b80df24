package org.rnnlab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.rnnlab.api.spec.SpecException;

/** Assertions shared by the error tests: every error names its file and line, in user terms. */
final class SpecErrors {

  private SpecErrors() {}

  /**
   * Runs {@code call}, asserts it throws a {@link SpecException} located at {@code source:line}
   * whose message shows that place and names no Java class of rnnlab, Groovy or SnakeYAML, and
   * returns the message for further checks.
   */
  static String errorAt(String source, int line, ThrowingCallable call) {
    SpecException error = catchThrowableOfType(SpecException.class, call);
    assertThat(error).as("a SpecException").isNotNull();
    assertThat(error.location()).isNotNull();
    assertThat(error.location().source()).isEqualTo(source);
    assertThat(error.location().line()).as("line of: %s", error.getMessage()).isEqualTo(line);
    String message = error.getMessage();
    assertThat(message).startsWith(source + ":" + line);
    assertThat(message)
        .doesNotContain("org.rnnlab", "org.codehaus", "org.yaml", "groovy.lang", "java.lang")
        .doesNotContain("Context", "DslState", "ExperimentScript", "FrontEnd", "\tat ")
        .doesNotContain(
            "SpecException",
            "YAMLException",
            "MissingPropertyException",
            "MissingMethodException",
            "MethodSelectionException",
            "GroovyRuntimeException");
    return message;
  }
}
