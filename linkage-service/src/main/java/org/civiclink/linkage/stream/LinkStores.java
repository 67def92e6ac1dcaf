package org.civiclink.linkage.stream;

/** Names of the linker's persistent state stores, shared by the topology and the query API. */
public final class LinkStores {

    /** recordId ("agency:agencyRecordId") to clientId. */
    public static final String RECORD_CLIENT = "record-client";
    /** clientId to its member record ids, comma separated. */
    public static final String CLIENT_MEMBERS = "client-members";

    private LinkStores() {
    }
}
