package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's DM 2 task ({@code dm2} in gyyang/multitask): two simultaneous stimuli on ring
 * 2; respond to the stronger.
 *
 * <p>Id {@code yang-dm2}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDm2 extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDm2() {
    super(YangRule.DM2, "respond to the stronger of two simultaneous stimuli on ring 2");
  }
}
