package org.civiclink.audit.relationship;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.platform.kafka.UndecodableRecordException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Client merges, so that referrals and assignments recorded under a retired client id count for the
 * surviving one. The table stays flat (every retired id points at today's survivor) and a
 * redelivered or late merge resolves its survivor first, so replaying A→B after B→C keeps A→C.
 */
@ApplicationScoped
public class MergeListener {

    private final EntityManager em;

    MergeListener(EntityManager em) {
        this.em = em;
    }

    @Incoming("client-updates")
    @Blocking(ordered = true)
    @Transactional
    public void updated(ClientUpdate update) {
        if (update == null) {
            throw new UndecodableRecordException();
        }
        if (update.getType() != ClientUpdateType.CLIENTS_MERGED) {
            return;
        }
        String survivor = survivorOf(update.getClientId());
        List<String> retired = update.getPreviousClientIds().stream().filter(id -> !id.equals(survivor)).toList();
        if (retired.isEmpty()) {
            return;
        }
        for (String id : retired) {
            em.createNativeQuery("INSERT INTO client_merge (retired_id, survivor_id, update_id, merged_at) "
                            + "VALUES (:retired, :survivor, :update, :at) ON CONFLICT (retired_id) DO NOTHING")
                    .setParameter("retired", id).setParameter("survivor", survivor)
                    .setParameter("update", update.getUpdateId()).setParameter("at", update.getOccurredAt()).executeUpdate();
        }
        em.createNativeQuery("UPDATE client_merge SET survivor_id = :survivor WHERE survivor_id IN (:retired)")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
    }

    private String survivorOf(String clientId) {
        List<?> found = em.createNativeQuery("SELECT survivor_id FROM client_merge WHERE retired_id = :id")
                .setParameter("id", clientId).getResultList();
        return found.isEmpty() ? clientId : (String) found.get(0);
    }
}
