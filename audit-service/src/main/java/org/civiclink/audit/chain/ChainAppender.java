package org.civiclink.audit.chain;

import java.util.List;

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
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:lock)) AS locked")
                .setParameter("lock", CHAIN_LOCK).getSingleResult();
        if (AccessRecord.count("eventId", event.getEventId()) > 0) {
            return false;
        }
        List<Object[]> head = em.createQuery("select r.seq, r.entryHash from AccessRecord r order by r.seq desc", Object[].class)
                .setMaxResults(1).getResultList();
        long previousSeq = head.isEmpty() ? 0 : (Long) head.get(0)[0];
        byte[] previousHash = head.isEmpty() ? Hashes.GENESIS : (byte[]) head.get(0)[1];

        AccessRecord record = AccessRecordMapper.toRecord(event);
        record.seq = previousSeq + 1;
        record.canonical = CanonicalForm.of(event);
        record.leafHash = Hashes.leaf(record.canonical);
        record.entryHash = Hashes.link(record.canonical, previousHash);
        record.persist();
        em.flush();
        // Appends are write-only: keeping entries managed would make every later flush re-check them.
        em.detach(record);
        return true;
    }
}
