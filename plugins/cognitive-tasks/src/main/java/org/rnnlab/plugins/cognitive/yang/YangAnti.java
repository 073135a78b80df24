package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Anti task ({@code fdanti} in gyyang/multitask): as Go, but respond opposite
 * (+π) to the stimulus.
 *
 * <p>Id {@code yang-anti}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangAnti extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangAnti() {
    super(YangRule.ANTI, "respond opposite to the stimulus when the fixation cue goes off");
  }
}
