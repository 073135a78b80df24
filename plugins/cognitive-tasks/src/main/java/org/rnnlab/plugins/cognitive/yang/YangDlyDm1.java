package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Dly DM 1 task ({@code delaydm1} in gyyang/multitask): two stimuli on ring 1
 * one after the other; respond to the stronger.
 *
 * <p>Id {@code yang-dlydm1}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDlyDm1 extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDlyDm1() {
    super(YangRule.DLYDM1, "respond to the stronger of two sequential stimuli on ring 1");
  }
}
