package org.civiclink.linkage.model;

/**
 * Which evidence values are known to be shared by too many distinct people (a shelter's address, an agency's
 * switchboard number, an SSN typed for everyone) and so prove nothing about identity.
 */
@FunctionalInterface
public interface GenericValues {

    boolean isGeneric(EvidenceValue value);

    static GenericValues none() {
        return value -> false;
    }
}
