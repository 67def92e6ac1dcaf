package org.civiclink.audit.merkle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Periodically signs a Merkle tree head over all entries so far (interval: civiclink.audit.checkpoint.every). */
@ApplicationScoped
public class CheckpointService {

    private static final Logger LOG = Logger.getLogger(CheckpointService.class);

    private final LeafStore leaves;
    private final CheckpointSigner signer;
    private final EntityManager em;

    CheckpointService(LeafStore leaves, CheckpointSigner signer, EntityManager em) {
        this.leaves = leaves;
        this.signer = signer;
        this.em = em;
    }

    @Scheduled(every = "${civiclink.audit.checkpoint.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        checkpoint().ifPresent(c -> LOG.debugf("Checkpoint at tree size %d", c.treeSize));
    }

    /** Signs the current tree head unless the latest checkpoint already covers it; empty while the trail is empty. */
    @Transactional
    public Optional<Checkpoint> checkpoint() {
        long size = leaves.size();
        Optional<Checkpoint> latest = Checkpoint.latest();
        if (size == 0 || latest.map(c -> c.treeSize >= size).orElse(false)) {
            return latest;
        }
        List<byte[]> leafHashes = leaves.leaves(size);
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.treeSize = size;
        checkpoint.rootHash = MerkleTree.root(leafHashes);
        // Milliseconds, because that is what the signed message carries and what the database keeps exactly.
        checkpoint.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        checkpoint.algorithm = CheckpointSigner.ALGORITHM;
        checkpoint.publicKey = signer.publicKeyBytes();
        checkpoint.signature = signer.sign(CheckpointSigner.signedMessage(size, checkpoint.rootHash, checkpoint.createdAt));
        // Two instances may sign the same size at once; the first one wins, the other's is redundant.
        int inserted = em.createNativeQuery("INSERT INTO audit_checkpoint (tree_size, root_hash, created_at, algorithm, public_key, signature) "
                        + "VALUES (:size, :root, :at, :alg, :key, :sig) ON CONFLICT (tree_size) DO NOTHING")
                .setParameter("size", checkpoint.treeSize).setParameter("root", checkpoint.rootHash)
                .setParameter("at", checkpoint.createdAt).setParameter("alg", checkpoint.algorithm)
                .setParameter("key", checkpoint.publicKey).setParameter("sig", checkpoint.signature)
                .executeUpdate();
        return inserted == 1 ? Optional.of(checkpoint) : Checkpoint.latest();
    }
}
