package org.rnnlab.plugins.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A 0/1 matrix read from a {@code .npy} file named by a FILE parameter: a connectivity mask or a
 * mask of frozen entries.
 *
 * <p>The file holds a 2-D array in C order, little-endian (numpy's default), of any boolean,
 * integer or floating dtype, every value 0 or 1 (false or true). It is stored in the weights'
 * orientation: rows are the presynaptic side (inputs for {@code input.weight}, the sending units
 * for {@code recurrent.weight} and {@code output.weight}), columns the postsynaptic side.
 *
 * @param parameter the script parameter that named the file, for messages
 * @param file the file
 * @param rows the number of rows
 * @param cols the number of columns
 * @param values row-major, {@code true} for 1
 */
record Mask(String parameter, Path file, int rows, int cols, boolean[] values) {

  /**
   * Reads a mask.
   *
   * @throws IllegalArgumentException naming the parameter and the file if it cannot be read, is not
   *     a 2-D C-order little-endian {@code .npy} array, or holds a value other than 0 and 1
   */
  static Mask read(String parameter, Path file) {
    String where = parameter + " (" + file + ")";
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": cannot read the file: " + e.getMessage(), e);
    }
    checkHeader(where, bytes);
    double[] values;
    long[] shape;
    try (NDManager manager = NDManager.newBaseManager();
        InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      NDArray array = NDList.decode(manager, in).singletonOrThrow();
      shape = array.getShape().getShape();
      values = array.toType(DataType.FLOAT64, false).toDoubleArray();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          where + ": not a readable .npy array: " + e.getMessage(), e);
    }
    if (shape.length != 2) {
      throw new IllegalArgumentException(
          where + " must hold a 2-D array, but its shape is " + Arrays.toString(shape));
    }
    int rows = Math.toIntExact(shape[0]);
    int cols = Math.toIntExact(shape[1]);
    boolean[] mask = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0 && values[i] != 1) {
        throw new IllegalArgumentException(
            where
                + " must hold only 0 and 1 (or false and true), but holds "
                + values[i]
                + " at ["
                + i / cols
                + ", "
                + i % cols
                + "]");
      }
      mask[i] = values[i] == 1;
    }
    return new Mask(parameter, file, rows, cols, mask);
  }

  /**
   * The mask as a {@code [rows, gates·width]} matrix: the file's own values if that is its shape,
   * or its {@code [rows, width]} values repeated for each gate's block.
   *
   * @param matrix the weight's name, for the message
   * @throws IllegalArgumentException naming the parameter, the file, the expected and the actual
   *     shape if the file has neither shape
   */
  boolean[] fit(String matrix, int expectedRows, int width, int gates) {
    int full = gates * width;
    if (rows == expectedRows && cols == full) {
      return values.clone();
    }
    if (rows == expectedRows && cols == width) {
      boolean[] tiled = new boolean[expectedRows * full];
      for (int i = 0; i < expectedRows; i++) {
        for (int k = 0; k < gates; k++) {
          System.arraycopy(values, i * width, tiled, i * full + k * width, width);
        }
      }
      return tiled;
    }
    String expected =
        gates == 1
            ? "[" + expectedRows + ", " + width + "]"
            : "["
                + expectedRows
                + ", "
                + width
                + "] (one block, used for each of the "
                + gates
                + " gates) or ["
                + expectedRows
                + ", "
                + full
                + "] (the gates side by side)";
    throw new IllegalArgumentException(
        parameter
            + " ("
            + file
            + ") must have the shape of "
            + matrix
            + ", "
            + expected
            + ", but it is ["
            + rows
            + ", "
            + cols
            + "]");
  }

  /**
   * Refuses what DJL's reader would misread or reject with a bare message: big-endian data and
   * Fortran order.
   */
  private static void checkHeader(String where, byte[] bytes) {
    byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), magic)) {
      throw new IllegalArgumentException(
          where + " is not a .npy file (save the mask with numpy.save)");
    }
    int major = bytes[6] & 0xff;
    int length;
    int start;
    if (major == 1) {
      length = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
      start = 10;
    } else {
      if (bytes.length < 12) {
        throw new IllegalArgumentException(where + " is a truncated .npy file");
      }
      length =
          (bytes[8] & 0xff)
              | (bytes[9] & 0xff) << 8
              | (bytes[10] & 0xff) << 16
              | (bytes[11] & 0xff) << 24;
      start = 12;
    }
    if (length < 0 || start + length > bytes.length) {
      throw new IllegalArgumentException(where + " is a truncated .npy file");
    }
    String header = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    if (header.replace(" ", "").contains("'fortran_order':True")) {
      throw new IllegalArgumentException(
          where
              + " is stored in Fortran order; save it in C order"
              + " (numpy.save(path, numpy.ascontiguousarray(mask)))");
    }
    if (header.replace(" ", "").contains("'descr':'>")) {
      throw new IllegalArgumentException(
          where
              + " is big-endian; save it little-endian (numpy.save(path, mask.astype('<f4')) or as"
              + " a boolean array)");
    }
  }
}
