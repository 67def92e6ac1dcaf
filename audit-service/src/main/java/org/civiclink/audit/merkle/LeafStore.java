package org.civiclink.audit.merkle;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads the stored leaf hashes in chain order. Sequence numbers are assigned under the chain lock
 * and committed with their rows, so the committed entries are always the prefix 1..size.
 */
@ApplicationScoped
public class LeafStore {

    private final EntityManager em;

    LeafStore(EntityManager em) {
        this.em = em;
    }

    public long size() {
        Long max = em.createQuery("select max(r.seq) from AccessRecord r", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** Leaf hashes of entries 1..treeSize, index i holding entry i + 1. */
    public List<byte[]> leaves(long treeSize) {
        return em.createQuery("select r.leafHash from AccessRecord r where r.seq <= :size order by r.seq", byte[].class)
                .setParameter("size", treeSize).getResultList();
    }
}
