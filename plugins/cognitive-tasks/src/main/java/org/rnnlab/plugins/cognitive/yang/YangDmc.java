package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's DMC task ({@code dmcgo} in gyyang/multitask): a sample, a delay, a test;
 * respond to the test if it is in the sample's category (below or above π), else keep fixating.
 *
 * <p>Id {@code yang-dmc}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDmc extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDmc() {
    super(
        YangRule.DMC,
        "delayed match-to-category: respond to the test if it is in the sample's category");
  }
}
