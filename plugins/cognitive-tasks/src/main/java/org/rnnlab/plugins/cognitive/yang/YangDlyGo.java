package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Dly Go task ({@code delaygo} in gyyang/multitask): a brief stimulus, a memory
 * delay, then respond to the remembered location when the fixation cue goes off.
 *
 * <p>Id {@code yang-dlygo}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDlyGo extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDlyGo() {
    super(YangRule.DLYGO, "respond to the remembered stimulus location after a delay");
  }
}
