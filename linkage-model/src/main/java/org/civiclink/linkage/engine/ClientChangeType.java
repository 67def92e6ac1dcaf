package org.civiclink.linkage.engine;

/** Mirrors the ClientUpdate contract's types. */
public enum ClientChangeType {
    CLIENT_CREATED, RECORD_JOINED, CLIENTS_MERGED, CLIENT_SPLIT
}
