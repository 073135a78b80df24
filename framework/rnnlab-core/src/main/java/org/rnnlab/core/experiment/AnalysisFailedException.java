package org.rnnlab.core.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * One or more analyses failed after training finished. The run folder is complete otherwise; each
 * failed analysis left {@code error.txt} in its folder.
 */
public final class AnalysisFailedException extends RuntimeException {
  public AnalysisFailedException(Path runDir, List<String> failures) {
    super(
        "training finished, but "
            + failures.size()
            + " analysis(es) failed: "
            + String.join("; ", failures)
            + " (details in "
            + runDir.resolve("analysis")
            + "/<id>/error.txt)");
  }
}
