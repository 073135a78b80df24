package org.rnnlab.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

  @TempDir Path temp;

  @Test
  void roundTripsEveryTypeWithItsShape() throws IOException {
    Map<String, Npz.Array> arrays = new LinkedHashMap<>();
    arrays.put("x", Npz.Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    arrays.put("d", Npz.Array.of(new double[] {0.5}, 1));
    arrays.put("i", Npz.Array.of(new int[] {7, 8}, 2));
    arrays.put("l", Npz.Array.of(new long[] {9L, -1L, 4L, 2L}, 2, 1, 2));
    Path file = temp.resolve("a.npz");

    Npz.write(file, arrays);
    Map<String, Npz.Array> back = Npz.read(file);

    assertThat(back.keySet()).containsExactly("x", "d", "i", "l");
    assertThat(back.get("x").shape()).containsExactly(2, 3);
    assertThat(back.get("x").floats()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(back.get("d").dtype()).isEqualTo("<f8");
    assertThat(back.get("l").floats()).containsExactly(9, -1, 4, 2);
  }

  @Test
  void writesTheNumpyFormatVersionOneHeaderAlignedTo64Bytes() throws IOException {
    Path file = temp.resolve("b.npz");
    Npz.write(file, Map.of("inputs", Npz.Array.of(new float[] {1, 2}, 2)));

    try (ZipFile zip = new ZipFile(file.toFile())) {
      byte[] bytes = zip.getInputStream(zip.getEntry("inputs.npy")).readAllBytes();
      int headerLength = (bytes[8] & 0xff) | ((bytes[9] & 0xff) << 8);
      String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
      assertThat(bytes[0] & 0xff).isEqualTo(0x93);
      assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
      assertThat((10 + headerLength) % 64).isZero();
      assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }");
      assertThat(bytes).hasSize(10 + headerLength + 8);
    }
  }
}
