package org.civiclink.audit.merkle;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed Merkle tree head over the first {@code treeSize} entries of the chain. Insert-only. */
@Entity
@Table(name = "audit_checkpoint")
public class Checkpoint extends PanacheEntityBase {

    @Id
    @Column(name = "tree_size")
    public long treeSize;

    @Column(name = "root_hash", nullable = false, updatable = false)
    public byte[] rootHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false, updatable = false)
    public String algorithm;

    @Column(name = "public_key", nullable = false, updatable = false)
    public byte[] publicKey;

    @Column(nullable = false, updatable = false)
    public byte[] signature;

    public static java.util.Optional<Checkpoint> latest() {
        return find("order by treeSize desc").firstResultOptional();
    }
}
