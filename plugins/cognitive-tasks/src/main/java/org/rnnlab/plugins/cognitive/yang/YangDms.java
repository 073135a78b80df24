package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's DMS task ({@code dmsgo} in gyyang/multitask): a sample, a delay, a test;
 * respond to the test if it matches the sample's location, else keep fixating.
 *
 * <p>Id {@code yang-dms}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangDms extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangDms() {
    super(
        YangRule.DMS,
        "delayed match-to-sample: respond to the test stimulus if it matches the sample");
  }
}
