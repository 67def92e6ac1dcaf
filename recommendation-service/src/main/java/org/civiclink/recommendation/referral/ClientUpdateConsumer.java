package org.civiclink.recommendation.referral;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.civiclink.events.ClientUpdate;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.AccessEvent;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.kafka.UndecodableRecordException;
import org.civiclink.platform.security.PurposeOfUse;
import org.civiclink.recommendation.processing.AuditedProcessing;
import org.civiclink.recommendation.rules.RuleEngine;
import org.civiclink.recommendation.situation.ClientSituation;
import org.civiclink.recommendation.situation.SituationService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Follows the linker's merges and splits: situations are merged or split first, then referrals move
 * to the surviving client or are decided again for both halves of a split. Each update is one transaction
 * (situations and referrals change together or not at all), committed once its AccessEvent is on the broker.
 */
@ApplicationScoped
public class ClientUpdateConsumer {

    @Inject
    SituationService situations;

    @Inject
    RuleEngine rules;

    @Inject
    ReferralMerge merge;

    @Inject
    SplitReevaluation splits;

    @Inject
    ReferralProposer proposer;

    @Inject
    ReferralTeams teams;

    @Inject
    AuditedProcessing processing;

    @Incoming("client-updates")
    @Blocking(ordered = true)
    public void onUpdate(ClientUpdate update) {
        if (update == null) {
            throw new UndecodableRecordException();
        }
        switch (update.getType()) {
            case CLIENTS_MERGED -> merged(update);
            case CLIENT_SPLIT -> split(update);
            default -> {
                // Created and joined clients change no referral; their linked events do.
            }
        }
    }

    private void merged(ClientUpdate update) {
        String survivor = update.getClientId();
        List<String> retired = update.getPreviousClientIds().stream().filter(id -> !id.equals(survivor)).toList();
        if (retired.isEmpty()) {
            throw new IllegalArgumentException("CLIENTS_MERGED " + update.getUpdateId() + " names no retired client in previousClientIds");
        }
        processing.run(audit(update, survivor, retired), () -> {
            situations.merge(survivor, retired);
            merge.merge(survivor, retired);
            // The merged situation may call for referrals neither half did.
            String team = teams.teamFor(survivor, retired.get(0));
            ClientSituation situation = situations.current(survivor);
            proposer.propose(survivor, team, rules.evaluate(situation), situation.doNotContact());
        });
    }

    private void split(ClientUpdate update) {
        String newClient = update.getClientId();
        if (update.getPreviousClientIds().isEmpty()) {
            throw new IllegalArgumentException("CLIENT_SPLIT " + update.getUpdateId() + " names no original client in previousClientIds");
        }
        String original = update.getPreviousClientIds().get(0);
        processing.run(audit(update, newClient, List.of(original)), () -> {
            situations.split(newClient, update.getRecordIds(), original);
            for (String clientId : List.of(original, newClient)) {
                String team = teams.teamFor(clientId, original);
                ClientSituation situation = situations.current(clientId);
                splits.reconcile(clientId, team, rules.evaluate(situation), situation.doNotContact());
            }
        });
    }

    private static AccessEvent audit(ClientUpdate update, String clientId, List<String> others) {
        List<String> clients = new ArrayList<>(others);
        clients.add(0, clientId);
        return AccessEvents.systemProcessing(ReferralProposer.SYSTEM, PurposeOfUse.REFERRAL,
                "topic:" + Topic.CLIENT_UPDATES.topicName(), clients, update.getRecordIds(), List.of("referral"));
    }
}
