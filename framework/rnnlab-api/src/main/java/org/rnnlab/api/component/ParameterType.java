package org.rnnlab.api.component;

/** The value kinds a component parameter can take in a script. */
public enum ParameterType {
  /** A whole number; scripts may write {@code 20} but not {@code 20.5}. */
  INTEGER,
  /** A real number; whole numbers are accepted and widened. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** Free text. */
  STRING,
  /** One of {@link ParameterSpec#choices()}. */
  CHOICE,
  /** A list of real numbers, for example coherences. */
  NUMBER_LIST,
  /**
   * A duration in ms that may be a distribution: a number, a list to choose from, or a one-key map
   * such as {@code {uniform: [300, 700]}}; read with {@link Parameters#timing}. See {@link
   * org.rnnlab.api.trial.Timing}.
   */
  TIMING,
  /** A group of named sub-parameters described by {@link ParameterSpec#fields()}. */
  GROUP,
  /**
   * Names the script chooses, each with a real number, for example per-period loss weights {@code
   * {decision: 5, fixation: 1}}; read with {@link Parameters#numberMap}. Min and max apply to every
   * number. The default is usually empty.
   */
  NUMBER_MAP,
  /**
   * A list of texts, for example the weight matrices a regulariser applies to ({@code [input,
   * recurrent]}); read with {@link Parameters#strings}.
   */
  STRING_LIST,
  /**
   * A path to an existing, readable file, such as a connectivity mask ({@code .npy}); read with
   * {@link Parameters#file}. Scripts write it as text. The core resolves a relative path against
   * the folder of the script that wrote it (against the working directory for a {@code --set}
   * override), checks that the file exists and stores the absolute, normalised path in the resolved
   * spec. The empty text means "no file" and is the usual default.
   */
  FILE
}
