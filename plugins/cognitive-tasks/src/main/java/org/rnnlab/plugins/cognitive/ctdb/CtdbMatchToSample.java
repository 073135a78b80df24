package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code Match2Sample} task: a sample is followed by a delay and a test stimulus
 * (the go signal; fixation input stays on); respond toward the test iff it matches the sample, else
 * output 0.
 *
 * <p>Id {@code ctdb-match-to-sample}. Channels, phases, mask, noise and padding: see {@link
 * CtdbEngine}.
 */
@Extension
public final class CtdbMatchToSample extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbMatchToSample() {
    super(
        CtdbRule.MATCH_TO_SAMPLE,
        "respond toward the test stimulus iff it matches the remembered sample");
  }
}
