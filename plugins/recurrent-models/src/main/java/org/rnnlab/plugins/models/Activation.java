package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Locale;

/**
 * The rate nonlinearities a recurrent model may use, by their script names.
 *
 * <p>Each is a single native operation with no scalar argument (or, for {@code linear}, no
 * operation at all), so it is safe inside a gradient collector.
 */
enum Activation {
  RELU,
  TANH,
  SIGMOID,
  SOFTPLUS,
  LINEAR;

  /** Script names, in declaration order. */
  static final List<String> NAMES = List.of("relu", "tanh", "sigmoid", "softplus", "linear");

  /**
   * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
   */
  static Activation named(String name) {
    return named("activation", name);
  }

  /**
   * @param parameter the script parameter that named it, for the message
   * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
   */
  static Activation named(String parameter, String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          parameter + " must be one of " + NAMES + ", got '" + name + "'");
    }
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  NDArray apply(NDArray x) {
    return switch (this) {
      case RELU -> ai.djl.nn.Activation.relu(x);
      case TANH -> ai.djl.nn.Activation.tanh(x);
      case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
      case SOFTPLUS -> ai.djl.nn.Activation.softPlus(x);
      case LINEAR -> x;
    };
  }
}
