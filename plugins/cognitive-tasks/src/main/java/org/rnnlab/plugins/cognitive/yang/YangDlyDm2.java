package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Dly DM 2 task ({@code delaydm2} in gyyang/multitask): two stimuli on ring 2
 * one after the other; respond to the stronger.
 *
 * <p>Id {@code yang-dlydm2}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDlyDm2 extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDlyDm2() {
    super(YangRule.DLYDM2, "respond to the stronger of two sequential stimuli on ring 2");
  }
}
