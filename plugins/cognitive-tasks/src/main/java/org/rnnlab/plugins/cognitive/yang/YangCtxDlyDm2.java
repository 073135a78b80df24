package org.rnnlab.plugins.cognitive.yang;

import org.pf4j.Extension;
import org.rnnlab.api.task.Task;

/**
 * Yang et al. 2019's Ctx Dly DM 2 task ({@code contextdelaydm2} in gyyang/multitask): two
 * sequential stimuli on both rings; respond to the one stronger on ring 2.
 *
 * <p>Id {@code yang-ctxdlydm2}: prefixed with {@code yang-} so as not to clash with other plugins'
 * generic task names. Coding, timing, cost mask and noise: see the package documentation.
 */
@Extension
public final class YangCtxDlyDm2 extends YangTaskComponent implements Task {

  /** Creates the component; PF4J and Guice call this. */
  public YangCtxDlyDm2() {
    super(
        YangRule.CTXDLYDM2,
        "respond to the sequential stimulus stronger on ring 2, ignoring ring 1");
  }
}
