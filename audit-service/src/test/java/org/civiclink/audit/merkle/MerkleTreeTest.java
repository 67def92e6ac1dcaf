package org.civiclink.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.civiclink.audit.chain.Hashes;
import org.junit.jupiter.api.Test;

/** The service's Merkle tree against an independent RFC 9162 verifier, for every leaf of trees of 1..33 leaves. */
class MerkleTreeTest {

    @Test
    void everyInclusionProofVerifiesForTreesOfOneToThirtyThreeLeaves() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> entries = entries(size);
            List<byte[]> leaves = entries.stream().map(Hashes::leaf).toList();
            byte[] root = MerkleTree.root(leaves);
            assertArrayEquals(Rfc9162Verifier.treeHead(entries), root, "root of size " + size);
            for (int m = 0; m < size; m++) {
                List<byte[]> path = MerkleTree.inclusionPath(leaves, m);
                assertTrue(Rfc9162Verifier.verifyInclusion(m, size, leaves.get(m), path, root), "leaf " + m + " of " + size);
            }
        }
    }

    @Test
    void aProofFailsForAnotherLeafAnotherIndexOrAnotherRoot() {
        List<byte[]> leaves = entries(13).stream().map(Hashes::leaf).toList();
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> path = MerkleTree.inclusionPath(leaves, 6);
        assertFalse(Rfc9162Verifier.verifyInclusion(6, 13, leaves.get(7), path, root));
        assertFalse(Rfc9162Verifier.verifyInclusion(7, 13, leaves.get(6), path, root));
        assertFalse(Rfc9162Verifier.verifyInclusion(6, 13, leaves.get(6), path, Hashes.leaf(new byte[] {1})));
        assertFalse(Rfc9162Verifier.verifyInclusion(6, 13, leaves.get(6), path.subList(0, path.size() - 1), root));
        assertFalse(Rfc9162Verifier.verifyInclusion(6, 17, leaves.get(6), path, root));
    }

    @Test
    void theEmptyTreeHashesTheEmptyString() {
        assertArrayEquals(Rfc9162Verifier.treeHead(List.of()), MerkleTree.root(List.of()));
    }

    private static List<byte[]> entries(int size) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(("entry-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }
}
