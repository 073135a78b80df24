package org.rnnlab.core.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes numpy {@code .npz} archives (uncompressed, C order, little endian) of float32,
 * float64, int32 and int64 arrays, so that every array rnnlab writes opens with {@code np.load}.
 */
public final class Npz {

  /** One array: its numpy dtype code ({@code <f4}, {@code <f8}, {@code <i4}, {@code <i8}). */
  public record Array(String dtype, long[] shape, ByteBuffer data) {

    public static Array of(float[] values, long... shape) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(values);
      return new Array("<f4", checkShape(values.length, shape), b);
    }

    public static Array of(double[] values, long... shape) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      b.asDoubleBuffer().put(values);
      return new Array("<f8", checkShape(values.length, shape), b);
    }

    public static Array of(int[] values, long... shape) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asIntBuffer().put(values);
      return new Array("<i4", checkShape(values.length, shape), b);
    }

    public static Array of(long[] values, long... shape) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      b.asLongBuffer().put(values);
      return new Array("<i8", checkShape(values.length, shape), b);
    }

    /** Copies an NDArray (float32, float64, int32 or int64; others are converted to float32). */
    public static Array of(NDArray array) {
      long[] shape = array.getShape().getShape();
      DataType t = array.getDataType();
      if (t == DataType.FLOAT64) {
        return of(array.toDoubleArray(), shape);
      }
      if (t == DataType.INT64) {
        return of(array.toLongArray(), shape);
      }
      if (t == DataType.INT32) {
        return of(array.toIntArray(), shape);
      }
      if (t == DataType.FLOAT32) {
        return of(array.toFloatArray(), shape);
      }
      try (NDArray f = array.toType(DataType.FLOAT32, true)) {
        return of(f.toFloatArray(), shape);
      }
    }

    /** The values as float32 (converting from other types). */
    public float[] floats() {
      ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      b.rewind();
      int n = Math.toIntExact(count());
      float[] out = new float[n];
      switch (dtype) {
        case "<f4" -> b.asFloatBuffer().get(out);
        case "<f8" -> {
          for (int i = 0; i < n; i++) {
            out[i] = (float) b.getDouble();
          }
        }
        case "<i4" -> {
          for (int i = 0; i < n; i++) {
            out[i] = b.getInt();
          }
        }
        case "<i8" -> {
          for (int i = 0; i < n; i++) {
            out[i] = b.getLong();
          }
        }
        default -> throw new IllegalStateException(dtype);
      }
      return out;
    }

    /** Number of elements. */
    public long count() {
      long n = 1;
      for (long s : shape) {
        n *= s;
      }
      return n;
    }

    /** As a float32 NDArray owned by {@code manager}. */
    public NDArray toNdArray(NDManager manager) {
      return manager.create(floats(), new Shape(shape));
    }

    private static long[] checkShape(int length, long[] shape) {
      long n = 1;
      for (long s : shape) {
        n *= s;
      }
      if (n != length) {
        throw new IllegalArgumentException(
            "shape " + java.util.Arrays.toString(shape) + " does not hold " + length + " values");
      }
      return shape.clone();
    }
  }

  private Npz() {}

  /**
   * Writes the arrays to {@code file} (replacing it atomically: written beside it, then moved).
   *
   * @param arrays name (without {@code .npy}) to array, in file order
   */
  public static void write(Path file, Map<String, Array> arrays) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.setLevel(0);
      for (Map.Entry<String, Array> e : arrays.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        entry.setTime(0);
        zip.putNextEntry(entry);
        writeNpy(zip, e.getValue());
        zip.closeEntry();
      }
    }
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes NDArrays, converting each with {@link Array#of(NDArray)}. */
  public static void writeArrays(Path file, Map<String, NDArray> arrays) throws IOException {
    Map<String, Array> out = new LinkedHashMap<>();
    arrays.forEach((k, v) -> out.put(k, Array.of(v)));
    write(file, out);
  }

  /** Reads every array of an archive written by numpy or by {@link #write}. */
  public static Map<String, Array> read(Path file) throws IOException {
    Map<String, Array> out = new LinkedHashMap<>();
    try (InputStream is = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(is)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = e.getName();
        if (name.endsWith(".npy")) {
          out.put(name.substring(0, name.length() - 4), readNpy(zip.readAllBytes(), file, name));
        }
      }
    }
    return out;
  }

  private static void writeNpy(OutputStream os, Array a) throws IOException {
    StringBuilder shape = new StringBuilder("(");
    for (int i = 0; i < a.shape().length; i++) {
      shape.append(a.shape()[i]);
      if (a.shape().length == 1 || i < a.shape().length - 1) {
        shape.append(a.shape().length == 1 ? "," : ", ");
      }
    }
    shape.append(")");
    String header =
        "{'descr': '" + a.dtype() + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = 10 + header.length() + 1;
    int pad = (64 - total % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    byte[] h = header.getBytes(StandardCharsets.US_ASCII);
    head.write(h.length & 0xff);
    head.write((h.length >> 8) & 0xff);
    head.write(h);
    os.write(head.toByteArray());
    ByteBuffer d = a.data().duplicate();
    d.rewind();
    byte[] bytes = new byte[d.remaining()];
    d.get(bytes);
    os.write(bytes);
  }

  private static Array readNpy(byte[] bytes, Path file, String entry) throws IOException {
    if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || bytes[1] != 'N') {
      throw new IOException(file + ": " + entry + " is not a .npy array");
    }
    int major = bytes[6];
    int headerLength;
    int offset;
    if (major == 1) {
      headerLength = (bytes[8] & 0xff) | ((bytes[9] & 0xff) << 8);
      offset = 10;
    } else {
      headerLength =
          (bytes[8] & 0xff)
              | ((bytes[9] & 0xff) << 8)
              | ((bytes[10] & 0xff) << 16)
              | ((bytes[11] & 0xff) << 24);
      offset = 12;
    }
    String header = new String(bytes, offset, headerLength, StandardCharsets.US_ASCII);
    if (header.contains("'fortran_order': True")) {
      throw new IOException(file + ": " + entry + " is Fortran-ordered; save it in C order");
    }
    String dtype = field(header, "descr").replace("'", "").trim();
    if (!dtype.matches("<[fi][48]")) {
      throw new IOException(
          file + ": " + entry + " has dtype " + dtype + "; expected float32/64 or int32/64");
    }
    String shapeText = field(header, "shape").replaceAll("[()\\s]", "");
    long[] shape =
        shapeText.isEmpty()
            ? new long[0]
            : java.util.Arrays.stream(shapeText.split(","))
                .filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong)
                .toArray();
    int start = offset + headerLength;
    ByteBuffer data =
        ByteBuffer.wrap(bytes, start, bytes.length - start).slice().order(ByteOrder.LITTLE_ENDIAN);
    return new Array(dtype, shape, data);
  }

  private static String field(String header, String key) throws IOException {
    int k = header.indexOf("'" + key + "'");
    if (k < 0) {
      throw new IOException("npy header has no " + key + ": " + header);
    }
    int colon = header.indexOf(':', k);
    int end;
    if (key.equals("shape")) {
      end = header.indexOf(')', colon) + 1;
    } else {
      end = header.indexOf(',', colon);
    }
    return header.substring(colon + 1, end);
  }
}
