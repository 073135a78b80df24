package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Ctx DM 1 task ({@code contextdm1} in gyyang/multitask): two stimuli on both
 * rings with independent strengths; respond to the one stronger on ring 1.
 *
 * <p>Id {@code yang-ctxdm1}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangCtxDm1 extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangCtxDm1() {
    super(YangRule.CTXDM1, "respond to the stimulus stronger on ring 1, ignoring ring 2");
  }
}
