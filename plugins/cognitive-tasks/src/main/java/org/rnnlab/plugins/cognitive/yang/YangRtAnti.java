package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's RT Anti task ({@code reactanti} in gyyang/multitask): as RT Go, but respond
 * opposite (+π) to the stimulus.
 *
 * <p>Id {@code yang-rtanti}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangRtAnti extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangRtAnti() {
    super(YangRule.RTANTI, "respond opposite to the stimulus as soon as it appears");
  }
}
