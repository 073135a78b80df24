package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code NonMatch2Sample} task: a sample is followed by a delay and a test
 * stimulus (the go signal; fixation input stays on); respond toward the test iff it lies exactly
 * opposite the sample, else output 0.
 *
 * <p>Id {@code ctdb-non-match-to-sample}. Channels, phases, mask, noise and padding: see {@link
 * CtdbEngine}.
 */
@Extension
public final class CtdbNonMatchToSample extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbNonMatchToSample() {
    super(
        CtdbRule.NON_MATCH_TO_SAMPLE,
        "respond toward the test stimulus iff it lies opposite the remembered sample");
  }
}
