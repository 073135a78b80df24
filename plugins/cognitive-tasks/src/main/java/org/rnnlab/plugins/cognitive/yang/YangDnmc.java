package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's DNMC task ({@code dmcnogo} in gyyang/multitask): a sample, a delay, a test;
 * respond to the test if its category differs from the sample's, else keep fixating.
 *
 * <p>Id {@code yang-dnmc}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDnmc extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDnmc() {
    super(
        YangRule.DNMC,
        "delayed non-match-to-category: respond to the test if its category is not the sample's");
  }
}
