package org.civiclink.audit.relationship;

/** Names shared by the listeners that keep the relationships between people and clients. */
final class RelationshipSource {

    static final String SERVICE = "audit-service";

    private RelationshipSource() {
    }
}
