package org.civiclink.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.civiclink.audit.merkle.Checkpoint;
import org.civiclink.audit.merkle.CheckpointSigner;
import org.civiclink.audit.merkle.MerkleTree;
import org.civiclink.events.AccessEvent;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Recomputes everything from the stored canonical bytes: every entry's columns, leaf hash and
 * chain link, the gapless sequence, then the latest checkpoint's root and signature. Reads the
 * trail as a stream (plain JDBC, a cursor) so a million entries need only their leaf hashes in memory.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int FETCH_SIZE = 2000;
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final AgroalDataSource dataSource;
    private final CheckpointSigner signer;

    ChainVerifier(AgroalDataSource dataSource, CheckpointSigner signer) {
        this.dataSource = dataSource;
        this.signer = signer;
    }

    // A transaction for the cursor (PostgreSQL streams only outside autocommit), long enough for millions of entries.
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public VerificationReport verify() {
        Optional<Checkpoint> checkpoint = Checkpoint.latest();
        List<byte[]> leaves = new ArrayList<>();
        long checked = 0;
        byte[] previous = Hashes.GENESIS;
        VerificationReport.BrokenEntry broken = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT seq, canonical, leaf_hash, entry_hash, "
                     + EntryColumns.SELECT_LIST + " FROM access_event ORDER BY seq")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet row = statement.executeQuery()) {
                while (broken == null && row.next()) {
                    long seq = row.getLong("seq");
                    String eventId = row.getString("event_id");
                    byte[] canonical = row.getBytes("canonical");
                    String problem = problemWith(seq, checked + 1, canonical, row, previous);
                    if (problem != null) {
                        broken = new VerificationReport.BrokenEntry(seq, eventId, problem);
                    } else {
                        byte[] leaf = Hashes.leaf(canonical);
                        leaves.add(leaf);
                        previous = Hashes.link(canonical, previous);
                        checked++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the trail", e);
        }
        VerificationReport.CheckpointCheck checkpointCheck = checkpoint.map(c -> check(c, leaves)).orElse(null);
        if (broken == null && checkpoint.isPresent() && checkpoint.get().treeSize > checked) {
            broken = new VerificationReport.BrokenEntry(checked + 1, null,
                    "missing: checkpoint covers " + checkpoint.get().treeSize + " entries but the trail holds " + checked);
        }
        boolean ok = broken == null && (checkpointCheck == null || (checkpointCheck.rootMatches() && checkpointCheck.signatureValid()));
        return new VerificationReport(ok, checked, checked == 0 ? null : B64.encodeToString(previous), checkpointCheck, broken);
    }

    private static String problemWith(long seq, long expectedSeq, byte[] canonical, ResultSet row, byte[] previous) throws SQLException {
        if (seq != expectedSeq) {
            return "sequence gap: expected " + expectedSeq + ", found " + seq;
        }
        AccessEvent event;
        try {
            event = CanonicalForm.read(canonical);
        } catch (RuntimeException e) {
            return "canonical content unreadable";
        }
        List<String> differing = EntryColumns.of(row).differencesFrom(EntryColumns.of(event));
        if (!differing.isEmpty()) {
            return "columns differ from the hashed content: " + String.join(", ", differing);
        }
        if (!Arrays.equals(row.getBytes("leaf_hash"), Hashes.leaf(canonical))) {
            return "leaf_hash does not match the canonical content";
        }
        if (!Arrays.equals(row.getBytes("entry_hash"), Hashes.link(canonical, previous))) {
            return "entry_hash does not match the canonical content and the previous entry";
        }
        return null;
    }

    private VerificationReport.CheckpointCheck check(Checkpoint c, List<byte[]> leaves) {
        boolean rootMatches = c.treeSize <= leaves.size()
                && Arrays.equals(c.rootHash, MerkleTree.root(leaves.subList(0, (int) c.treeSize)));
        boolean signatureValid = signer.verify(CheckpointSigner.signedMessage(c.treeSize, c.rootHash, c.createdAt), c.signature, c.publicKey);
        return new VerificationReport.CheckpointCheck(c.treeSize, B64.encodeToString(c.rootHash), rootMatches, signatureValid, signer.pinned());
    }
}
