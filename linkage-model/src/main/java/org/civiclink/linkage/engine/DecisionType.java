package org.civiclink.linkage.engine;

/** What an operator decided about a pair of records. */
public enum DecisionType {
    /** Same person, whatever the model says, even against a conflict. */
    FORCE_LINK,
    /** Different people: never in one client, directly or through other records. */
    UNLINK
}
