package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's DNMS task ({@code dmsnogo} in gyyang/multitask): a sample, a delay, a test;
 * respond to the test if it does not match the sample, else keep fixating.
 *
 * <p>Id {@code yang-dnms}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDnms extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDnms() {
    super(
        YangRule.DNMS,
        "delayed non-match-to-sample: respond to the test stimulus if it differs from the sample");
  }
}
