package io.crmkit.pipeline;

/**
 * Which stage moves a pipeline allows for open deals.
 *
 * <ul>
 *   <li>{@link #FREE} (the default): from any open stage to any other open stage.</li>
 *   <li>{@link #FORWARD_ONLY_NO_SKIP}: from an open stage only to the next active open stage in the pipeline's order;
 *       no move backwards, no skipping.</li>
 * </ul>
 * Under both, an open deal may be won or lost from any open stage, and a closed deal may be reopened into any
 * active open stage. A move the policy does not allow is refused with
 * {@link io.crmkit.shared.IllegalTransitionException} naming the reason.
 */
public enum TransitionPolicy {
    FREE, FORWARD_ONLY_NO_SKIP
}
