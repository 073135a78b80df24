package org.rnnlab.core.runs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.core.io.Npz;

class CheckpointsTest {

  @TempDir Path temp;

  @Test
  void effectiveWeightsAreWrittenOnlyWhenTheyAreNotTheParametersThemselves() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, NDArray> parameters = new LinkedHashMap<>();
      parameters.put(
          "recurrent.weight", manager.create(new float[] {1, -2, 3, -4}, new Shape(2, 2)));
      parameters.put("output.bias", manager.create(new float[] {0.5f}, new Shape(1)));
      Checkpoints checkpoints = new Checkpoints(temp);

      Path plain = checkpoints.save(1, 1, parameters, Map.of(), parameters);
      assertThat(plain.resolve(Checkpoints.EFFECTIVE)).doesNotExist();
      assertThat(checkpoints.save(2, 2, parameters, Map.of()).resolve(Checkpoints.EFFECTIVE))
          .doesNotExist();

      Map<String, NDArray> effective = new LinkedHashMap<>(parameters);
      effective.put("recurrent.weight", manager.create(new float[] {1, 0, 3, 0}, new Shape(2, 2)));
      Path constrained = checkpoints.save(3, 3, parameters, Map.of(), effective);

      Map<String, Npz.Array> saved = Npz.read(constrained.resolve(Checkpoints.EFFECTIVE));
      assertThat(saved.keySet()).containsExactly("recurrent.weight", "output.bias");
      assertThat(saved.get("recurrent.weight").floats()).containsExactly(1, 0, 3, 0);
      assertThat(saved.get("recurrent.weight").shape()).containsExactly(2, 2);
      assertThat(Npz.read(constrained.resolve("parameters.npz")).get("recurrent.weight").floats())
          .containsExactly(1, -2, 3, -4);
    }
  }
}
