package org.civiclink.linkage.model.compare;

import org.civiclink.linkage.model.StandardizedRecord;

/**
 * Whether a pair falls into a comparison level. {@code a} and {@code b} are the compared field's values
 * (null when absent or generic); the whole records are there for levels that look across fields.
 * Every implementation must be symmetric in (a, ra) and (b, rb).
 */
@FunctionalInterface
public interface LevelPredicate {

    boolean test(String a, String b, StandardizedRecord ra, StandardizedRecord rb);
}
