package org.civiclink.linkage.engine;

/** Says whether two records may never share a client. */
@FunctionalInterface
interface MergeGuard {

    /**
     * @param forcedEdge true when an operator's force-link is what would join them: it overrides the
     *                   model's conflicts, but never an explicit unlink.
     */
    boolean forbids(String left, String right, boolean forcedEdge);
}
