package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Ctx DM 2 task ({@code contextdm2} in gyyang/multitask): two stimuli on both
 * rings with independent strengths; respond to the one stronger on ring 2.
 *
 * <p>Id {@code yang-ctxdm2}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangCtxDm2 extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangCtxDm2() {
    super(YangRule.CTXDM2, "respond to the stimulus stronger on ring 2, ignoring ring 1");
  }
}
