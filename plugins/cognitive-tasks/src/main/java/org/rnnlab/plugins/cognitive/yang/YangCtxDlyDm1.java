package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Ctx Dly DM 1 task ({@code contextdelaydm1} in gyyang/multitask): two
 * sequential stimuli on both rings; respond to the one stronger on ring 1.
 *
 * <p>Id {@code yang-ctxdlydm1}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangCtxDlyDm1 extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangCtxDlyDm1() {
    super(
        YangRule.CTXDLYDM1,
        "respond to the sequential stimulus stronger on ring 1, ignoring ring 2");
  }
}
