package org.rnnlab.plugins.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small {@code .npy} files (format 1.0) the way {@code numpy.save} does, for tests. */
final class NpyFiles {

  private NpyFiles() {}

  /** A {@code [rows, cols]} float32 array, little-endian, C order. */
  static Path float32(Path file, int rows, int cols, double... values) {
    ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      data.putFloat((float) v);
    }
    return write(file, "<f4", false, rows, cols, data.array());
  }

  /** A {@code [rows, cols]} boolean array. */
  static Path bool(Path file, int rows, int cols, boolean... values) {
    byte[] data = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      data[i] = (byte) (values[i] ? 1 : 0);
    }
    return write(file, "|b1", false, rows, cols, data);
  }

  /** A {@code [rows, cols]} int64 array, little-endian. */
  static Path int64(Path file, int rows, int cols, long... values) {
    ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      data.putLong(v);
    }
    return write(file, "<i8", false, rows, cols, data.array());
  }

  /** A {@code [rows, cols]} float32 array with the given descriptor and order flag, raw data. */
  static Path write(
      Path file, String descr, boolean fortran, int rows, int cols, byte[] littleEndianData) {
    String dict =
        "{'descr': '"
            + descr
            + "', 'fortran_order': "
            + (fortran ? "True" : "False")
            + ", 'shape': ("
            + rows
            + ", "
            + cols
            + "), }";
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x93);
    out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
    out.write(1);
    out.write(0);
    int length = header.length();
    out.write(length & 0xff);
    out.write(length >> 8);
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(littleEndianData);
    try {
      Files.write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A random 0/1 pattern with about {@code fraction} ones, never all ones or all zeros. */
  static boolean[] pattern(int n, double fraction, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextDouble() < fraction;
    }
    out[0] = true;
    out[n - 1] = false;
    return out;
  }

  /** A boolean mask as 0/1 float32 values. */
  static Path float32(Path file, int rows, int cols, boolean[] mask) {
    double[] values = new double[mask.length];
    for (int i = 0; i < mask.length; i++) {
      values[i] = mask[i] ? 1 : 0;
    }
    return float32(file, rows, cols, values);
  }
}
