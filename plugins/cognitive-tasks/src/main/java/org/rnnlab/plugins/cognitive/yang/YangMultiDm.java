package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's MultSen DM task ({@code multidm} in gyyang/multitask): two stimuli on both
 * rings; respond to the one stronger summed over both rings.
 *
 * <p>Id {@code yang-multidm}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangMultiDm extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangMultiDm() {
    super(YangRule.MULTIDM, "respond to the stimulus stronger summed over both rings");
  }
}
