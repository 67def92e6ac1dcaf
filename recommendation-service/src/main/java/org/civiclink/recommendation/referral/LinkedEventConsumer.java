package org.civiclink.recommendation.referral;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.civiclink.events.Fact;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.Referral;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.audit.AccessEventPublisher;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.kafka.UndecodableRecordException;
import org.civiclink.platform.security.PurposeOfUse;
import org.civiclink.recommendation.rules.ReferralRule;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;

/** Reads each linked event for the referral purpose, records that use, and proposes referrals. */
@ApplicationScoped
public class LinkedEventConsumer {

    @Inject
    Instance<ReferralRule> rules;

    @Inject
    ReferralProposer proposer;

    @Inject
    AccessEventPublisher access;

    @Inject
    @Channel("referrals")
    Emitter<Record<String, Referral>> referrals;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Incoming("linked-events")
    @Blocking(ordered = true)
    public void onLinked(LinkedEvent linked) {
        if (linked == null) {
            throw new UndecodableRecordException();
        }
        access.publishAndWait(AccessEvents.systemProcessing(service, PurposeOfUse.REFERRAL,
                "topic:" + Topic.LINKED_EVENTS.topicName(), List.of(linked.getClientId()),
                List.of(linked.getRecordId()), categories(linked)));
        for (ReferralRule rule : rules) {
            rule.evaluate(linked)
                    .flatMap(proposal -> proposer.propose(linked.getClientId(), proposal))
                    .ifPresent(referral -> referrals.send(Record.of(referral.getClientId(), referral)).toCompletableFuture().join());
        }
    }

    private static List<String> categories(LinkedEvent linked) {
        List<String> categories = new ArrayList<>(List.of("identity"));
        linked.getEvent().getFacts().stream().map(Fact::getDataCategory).distinct().forEach(categories::add);
        return categories;
    }
}
