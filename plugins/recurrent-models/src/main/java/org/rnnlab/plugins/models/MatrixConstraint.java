package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * How one weight matrix W becomes the matrix the dynamics use:
 *
 * <pre>
 * C(W)  = keep ? s ⊙ |W| : 0      with Dale's law (s = +1 on excitatory rows, −1 on inhibitory ones
 *                                  for the recurrent matrix, +1 everywhere for input and output)
 * C(W)  = keep ? W : 0            without
 * W_eff = frozen ? C(W₀) : C(W)   W₀ the initial parameter; a matrix not trained at all is C(W₀)
 * </pre>
 *
 * <p>{@code keep} is the connectivity mask combined with the zero diagonal of a network without
 * autapses and, for the readout under Dale's law, with the rows of excitatory units (inhibitory
 * units do not drive the output). This is PsychRNN's {@code |W ⊙ M|·D} written for input-major
 * storage (rows are presynaptic, so D scales rows), with masked entries selected rather than
 * multiplied: they are exactly {@code +0}, and frozen entries are exactly their initial values, bit
 * for bit, whatever the optimiser does to the parameter (a masked or frozen entry gets a zero
 * gradient; only weight decay can still move the raw parameter there, which the dynamics never
 * read).
 *
 * <p>Every array is created once, owned by the network's manager: the sign column, the boolean
 * masks, a zero matrix and C(W₀) (a plain copy of the values, with no gradient and no link to the
 * parameter). {@link #apply} runs at most four operations per call (abs, sign, two selections) and
 * attaches their results to the caller's manager. Not thread-safe.
 */
final class MatrixConstraint {

  private final boolean abs;
  private final NDArray sign;
  private final NDArray keep;
  private final NDArray zeros;
  private final NDArray frozen;
  private final boolean frozenAll;
  private final NDArray initial;

  /**
   * @param parameter the parameter W with its initial values, {@code [rows, cols]}
   * @param abs whether Dale's law takes |W|
   * @param rowSigns ±1 per row, or null for none
   * @param keep row-major entries to keep, or null for all
   * @param frozen row-major entries frozen at their initial effective values, or null for none
   * @param frozenAll whether the whole matrix is frozen
   * @param manager the network's manager, which owns every array created here
   */
  MatrixConstraint(
      NDArray parameter,
      boolean abs,
      float[] rowSigns,
      boolean[] keep,
      boolean[] frozen,
      boolean frozenAll,
      NDManager manager) {
    Shape shape = parameter.getShape();
    this.abs = abs;
    this.sign = rowSigns == null ? null : manager.create(rowSigns, new Shape(shape.get(0), 1));
    this.keep = keep == null ? null : manager.create(keep, shape);
    this.zeros = keep == null ? null : manager.zeros(shape);
    this.frozen = frozen == null || frozenAll ? null : manager.create(frozen, shape);
    this.frozenAll = frozenAll;
    boolean needsInitial = frozenAll || frozen != null;
    if (needsInitial) {
      try (NDManager scratch = manager.newSubManager()) {
        float[] values = constrain(parameter, scratch).toFloatArray();
        this.initial = manager.create(values, shape);
      }
    } else {
      this.initial = null;
    }
  }

  /**
   * The effective matrix for the parameter's current values.
   *
   * @param w the parameter
   * @param scratch the caller's manager, which owns every array created here
   */
  NDArray apply(NDArray w, NDManager scratch) {
    if (frozenAll) {
      return initial;
    }
    NDArray e = constrain(w, scratch);
    return frozen == null ? e : own(NDArrays.where(frozen, initial, e), scratch);
  }

  private NDArray constrain(NDArray w, NDManager scratch) {
    NDArray e = w;
    if (abs) {
      e = own(e.abs(), scratch);
    }
    if (sign != null) {
      e = own(e.mul(sign), scratch);
    }
    if (keep != null) {
      e = own(NDArrays.where(keep, e, zeros), scratch);
    }
    return e;
  }

  /** Results of operations on the parameter belong to its manager: move them to the caller's. */
  private static NDArray own(NDArray created, NDManager scratch) {
    created.attach(scratch);
    return created;
  }
}
