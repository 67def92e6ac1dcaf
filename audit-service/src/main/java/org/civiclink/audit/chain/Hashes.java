package org.civiclink.audit.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 constructions of the trail: RFC 9162 leaf and node hashes, and the chain link. */
public final class Hashes {

    public static final int SIZE = 32;
    /** The "previous entry hash" of the first entry. */
    public static final byte[] GENESIS = new byte[SIZE];

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Hashes() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** SHA-256(canonical ‖ previous entry hash). */
    public static byte[] link(byte[] canonical, byte[] previousEntryHash) {
        MessageDigest digest = sha256();
        digest.update(canonical);
        digest.update(previousEntryHash);
        return digest.digest();
    }

    public static byte[] empty() {
        return sha256().digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
