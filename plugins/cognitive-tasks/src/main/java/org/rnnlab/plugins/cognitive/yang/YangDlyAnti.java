package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Dly Anti task ({@code delayanti} in gyyang/multitask): as Dly Go, but respond
 * opposite (+π) to the remembered stimulus.
 *
 * <p>Id {@code yang-dlyanti}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDlyAnti extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDlyAnti() {
    super(YangRule.DLYANTI, "respond opposite to the remembered stimulus after a delay");
  }
}
