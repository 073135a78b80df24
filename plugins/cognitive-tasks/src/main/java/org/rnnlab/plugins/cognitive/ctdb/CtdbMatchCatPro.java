package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code MatchCatPro} task: a sample is followed by a delay and a test stimulus
 * (the go signal); respond toward the test iff both lie in the same half circle (category), else
 * output 0.
 *
 * <p>Id {@code ctdb-match-cat-pro}. Channels, phases, mask, noise and padding: see {@link
 * CtdbEngine}.
 */
@Extension
public final class CtdbMatchCatPro extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbMatchCatPro() {
    super(
        CtdbRule.MATCH_CAT_PRO,
        "respond toward the test stimulus iff its category matches the sample's");
  }
}
