package org.civiclink.linkage.engine;

/**
 * An edge of the link graph: two records whose match weight reached the link threshold, or that an
 * operator forced together (weight +∞).
 */
public record Link(String otherRecordId, double matchWeight, boolean forced) {

    static Link forced(String otherRecordId) {
        return new Link(otherRecordId, Double.POSITIVE_INFINITY, true);
    }
}
