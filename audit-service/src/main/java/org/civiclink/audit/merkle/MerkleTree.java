package org.civiclink.audit.merkle;

import java.util.ArrayList;
import java.util.List;

import org.civiclink.audit.chain.Hashes;

/**
 * Merkle tree heads and inclusion proofs over a list of leaf hashes, exactly as RFC 9162 §2.1.1
 * and §2.1.3.1 define them (MTH and PATH), including trees whose size is not a power of two:
 * the left subtree always holds the largest power of two smaller than n leaves.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** MTH(D[0:n]) given the leaf hashes of D. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Hashes.empty();
        }
        return root(leafHashes, 0, leafHashes.size());
    }

    /** PATH(m, D[0:n]): the audit path of leaf m, from the leaf's sibling up to the root's child. */
    public static List<byte[]> inclusionPath(List<byte[]> leafHashes, int m) {
        if (m < 0 || m >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf index " + m + " outside a tree of size " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, m, 0, leafHashes.size(), path);
        return path;
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return Hashes.node(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    // RFC 9162 writes PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) for m < k, and
    // PATH(m - k, D[k:n]) : MTH(D[0:k]) otherwise; ":" appends, so the deepest sibling comes first.
    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** The largest power of two strictly smaller than n, for n > 1. */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
