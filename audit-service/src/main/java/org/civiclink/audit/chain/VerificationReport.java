package org.civiclink.audit.chain;

/** The outcome of recomputing the chain and the latest checkpoint. */
public record VerificationReport(boolean ok, long entriesChecked, String chainHead, CheckpointCheck checkpoint, BrokenEntry firstBroken) {

    /** The first entry that does not match; {@code problem} says what mismatched. */
    public record BrokenEntry(long sequence, String eventId, String problem) {
    }

    /** The latest checkpoint, recomputed from the entries it covers. */
    public record CheckpointCheck(long treeSize, String rootHash, boolean rootMatches, boolean signatureValid, boolean keyPinned) {
    }
}
