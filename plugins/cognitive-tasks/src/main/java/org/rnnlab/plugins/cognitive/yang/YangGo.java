package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Go task ({@code fdgo} in gyyang/multitask): a stimulus appears on one ring;
 * when the fixation cue goes off, respond to its location.
 *
 * <p>Id {@code yang-go}: prefixed with {@code yang-} so as not to clash with other plugins' generic
 * task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangGo extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangGo() {
    super(YangRule.GO, "respond to the stimulus location when the fixation cue goes off");
  }
}
