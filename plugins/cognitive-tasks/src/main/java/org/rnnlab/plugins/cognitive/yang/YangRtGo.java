package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's RT Go task ({@code reactgo} in gyyang/multitask): keep fixating until a
 * stimulus appears, then respond to its location at once (the fixation cue stays on).
 *
 * <p>Id {@code yang-rtgo}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangRtGo extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangRtGo() {
    super(YangRule.RTGO, "respond to the stimulus location as soon as it appears");
  }
}
