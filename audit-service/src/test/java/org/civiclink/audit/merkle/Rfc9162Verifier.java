package org.civiclink.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * An independent implementation of RFC 9162 §2.1.3.2 ("Verifying an Inclusion Proof"), written
 * from the RFC's text and sharing no code with the service, to check the service's proofs.
 */
public final class Rfc9162Verifier {

    private Rfc9162Verifier() {
    }

    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath, byte[] rootHash) {
        if (leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : inclusionPath) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = sha256((byte) 1, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = sha256((byte) 1, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, rootHash);
    }

    public static byte[] leafHash(byte[] entry) {
        return sha256((byte) 0, entry);
    }

    /** MTH by the RFC's recursive definition, over the entries themselves. */
    public static byte[] treeHead(List<byte[]> entries) {
        int n = entries.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHash(entries.get(0));
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return sha256((byte) 1, treeHead(entries.subList(0, k)), treeHead(entries.subList(k, n)));
    }

    private static byte[] sha256(byte prefix, byte[]... parts) {
        MessageDigest digest = digest();
        digest.update(prefix);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static byte[] sha256() {
        return digest().digest();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
