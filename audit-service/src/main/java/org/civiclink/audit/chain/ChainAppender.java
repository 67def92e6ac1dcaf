package org.civiclink.audit.chain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.events.AccessEvent;

/**
 * Appends AccessEvents to the hash chain. One writer at a time, across every instance of the
 * service: a transaction-scoped advisory lock serialises appends, so sequence numbers are
 * gapless and each entry links to the one committed before it. The lock is released at commit,
 * together with the new row, so a crash leaves either the whole entry or nothing.
 */
@ApplicationScoped
public class ChainAppender {

    /** Arbitrary constant naming the chain's advisory lock ("AUDITCHN"). */
    public static final long CHAIN_LOCK = 0x4155444954434e4eL;

    private final EntityManager em;

    ChainAppender(EntityManager em) {
        this.em = em;
    }

    /** Returns false when the event is already in the chain (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(AccessEvent event) {
        return appendAll(List.of(event)) == 1;
    }

    /**
     * Appends a batch in the caller's transaction, in the order given, and returns how many were new.
     * Events already in the chain, and repeats within the batch, are skipped (redeliveries): the
     * lock is taken before the existence check, so no other writer can slip the same id in between.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int appendAll(List<AccessEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:lock)) AS locked")
                .setParameter("lock", CHAIN_LOCK).getSingleResult();
        Set<String> seen = new HashSet<>(em.createQuery("select r.eventId from AccessRecord r where r.eventId in :ids", String.class)
                .setParameter("ids", events.stream().map(AccessEvent::getEventId).distinct().toList()).getResultList());
        List<Object[]> head = em.createQuery("select r.seq, r.entryHash from AccessRecord r order by r.seq desc", Object[].class)
                .setMaxResults(1).getResultList();
        long seq = head.isEmpty() ? 0 : (Long) head.get(0)[0];
        byte[] previousHash = head.isEmpty() ? Hashes.GENESIS : (byte[]) head.get(0)[1];

        List<AccessRecord> appended = new ArrayList<>(events.size());
        for (AccessEvent event : events) {
            if (!seen.add(event.getEventId())) {
                continue;
            }
            AccessRecord record = AccessRecordMapper.toRecord(event);
            record.seq = ++seq;
            record.canonical = CanonicalForm.of(event);
            record.leafHash = Hashes.leaf(record.canonical);
            record.entryHash = Hashes.link(record.canonical, previousHash);
            previousHash = record.entryHash;
            record.persist();
            appended.add(record);
        }
        em.flush();
        // Appends are write-only: keeping entries managed would make every later flush re-check them.
        appended.forEach(em::detach);
        return appended.size();
    }
}
