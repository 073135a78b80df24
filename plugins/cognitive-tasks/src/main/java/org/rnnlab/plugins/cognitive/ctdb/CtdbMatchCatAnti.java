package org.rnnlab.plugins.cognitive.ctdb;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * CtDB MultiTask's {@code MatchCatAnti} task: a sample is followed by a delay and a test stimulus
 * (the go signal); respond toward the test iff the two lie in different half circles (categories),
 * else output 0.
 *
 * <p>Id {@code ctdb-match-cat-anti}. Channels, phases, mask, noise and padding: see {@link
 * CtdbEngine}.
 */
@Extension
public final class CtdbMatchCatAnti extends CtdbTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public CtdbMatchCatAnti() {
    super(
        CtdbRule.MATCH_CAT_ANTI,
        "respond toward the test stimulus iff its category differs from the sample's");
  }
}
