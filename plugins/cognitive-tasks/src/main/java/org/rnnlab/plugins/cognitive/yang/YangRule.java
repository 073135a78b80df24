package org.rnnlab.plugins.cognitive.yang;

/**
 * The 20 rules of Yang et al. 2019 in the canonical order of {@code rules_dict['all']} in
 * gyyang/multitask's {@code task.py}: the position of a rule in this enum is the index of its
 * one-hot rule input.
 *
 * <p>Each rule names its family (which trial generator builds it) and the family's switches (anti
 * response, stimulus modality, attended modality, whether a match means "respond").
 */
enum YangRule {
  GO("go", "fdgo", "Go", Family.GO, false, 0, 0, false),
  RTGO("rtgo", "reactgo", "RT Go", Family.REACTION_GO, false, 0, 0, false),
  DLYGO("dlygo", "delaygo", "Dly Go", Family.DELAY_GO, false, 0, 0, false),
  ANTI("anti", "fdanti", "Anti", Family.GO, true, 0, 0, false),
  RTANTI("rtanti", "reactanti", "RT Anti", Family.REACTION_GO, true, 0, 0, false),
  DLYANTI("dlyanti", "delayanti", "Dly Anti", Family.DELAY_GO, true, 0, 0, false),
  DM1("dm1", "dm1", "DM 1", Family.DM, false, 1, 0, false),
  DM2("dm2", "dm2", "DM 2", Family.DM, false, 2, 0, false),
  CTXDM1("ctxdm1", "contextdm1", "Ctx DM 1", Family.CONTEXT_DM, false, 0, 1, false),
  CTXDM2("ctxdm2", "contextdm2", "Ctx DM 2", Family.CONTEXT_DM, false, 0, 2, false),
  MULTIDM("multidm", "multidm", "MultSen DM", Family.CONTEXT_DM, false, 0, 0, false),
  DLYDM1("dlydm1", "delaydm1", "Dly DM 1", Family.DELAY_DM, false, 1, 0, false),
  DLYDM2("dlydm2", "delaydm2", "Dly DM 2", Family.DELAY_DM, false, 2, 0, false),
  CTXDLYDM1(
      "ctxdlydm1", "contextdelaydm1", "Ctx Dly DM 1", Family.CONTEXT_DELAY_DM, false, 0, 1, false),
  CTXDLYDM2(
      "ctxdlydm2", "contextdelaydm2", "Ctx Dly DM 2", Family.CONTEXT_DELAY_DM, false, 0, 2, false),
  MULTIDLYDM(
      "multidlydm", "multidelaydm", "MultSen Dly DM", Family.CONTEXT_DELAY_DM, false, 0, 0, false),
  DMS("dms", "dmsgo", "DMS", Family.MATCH_SAMPLE, false, 0, 0, false),
  DNMS("dnms", "dmsnogo", "DNMS", Family.MATCH_SAMPLE, false, 0, 0, true),
  DMC("dmc", "dmcgo", "DMC", Family.MATCH_CATEGORY, false, 0, 0, false),
  DNMC("dnmc", "dmcnogo", "DNMC", Family.MATCH_CATEGORY, false, 0, 0, true);

  /** How a family's trials are built; see {@link YangTaskEngine}. */
  enum Family {
    /** fdgo/fdanti: stimulus on, then the fixation cue goes off. */
    GO,
    /** reactgo/reactanti: respond as soon as the stimulus appears. */
    REACTION_GO,
    /** delaygo/delayanti: brief stimulus, memory delay, respond. */
    DELAY_GO,
    /** dm1/dm2: two simultaneous stimuli in one modality, choose the stronger. */
    DM,
    /** contextdm1/2, multidm: two stimuli in both modalities; attend one or sum both. */
    CONTEXT_DM,
    /** delaydm1/2: two stimuli one after the other in one modality. */
    DELAY_DM,
    /** contextdelaydm1/2, multidelaydm: sequential stimuli in both modalities. */
    CONTEXT_DELAY_DM,
    /** dmsgo/dmsnogo: delayed match (or non-match) to sample. */
    MATCH_SAMPLE,
    /** dmcgo/dmcnogo: delayed match (or non-match) to category. */
    MATCH_CATEGORY
  }

  /** Short name, the component id without its {@code yang-} prefix. */
  final String name;

  /** The rule's name in gyyang/multitask ({@code fdgo}, {@code dmsnogo}, …). */
  final String sourceName;

  /** The display name of the paper's figures ({@code rule_name}). */
  final String displayName;

  final Family family;

  /** Respond opposite to the stimulus (Anti tasks). */
  final boolean anti;

  /** The stimulus modality for DM/Dly DM (1 or 2); 0 when the modality is random or both. */
  final int modality;

  /** The attended modality for the context tasks (1 or 2); 0 for the multisensory ones. */
  final int attend;

  /** For DMS/DMC: true when a match means "keep fixating" (DNMS, DNMC). */
  final boolean matchNoGo;

  YangRule(
      String name,
      String sourceName,
      String displayName,
      Family family,
      boolean anti,
      int modality,
      int attend,
      boolean matchNoGo) {
    this.name = name;
    this.sourceName = sourceName;
    this.displayName = displayName;
    this.family = family;
    this.anti = anti;
    this.modality = modality;
    this.attend = attend;
    this.matchNoGo = matchNoGo;
  }

  /** The component id, {@code yang-<name>}. */
  String id() {
    return "yang-" + name;
  }

  /** Index of the rule's one-hot input among the 20 rule inputs. */
  int index() {
    return ordinal();
  }
}
