package org.civiclink.recommendation.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.civiclink.events.Fact;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.kafka.UndecodableRecordException;
import org.civiclink.platform.security.PurposeOfUse;
import org.civiclink.recommendation.processing.AuditedProcessing;
import org.civiclink.recommendation.referral.ReferralProposer;
import org.civiclink.recommendation.rules.RuleEngine;
import org.civiclink.recommendation.situation.ClientSituation;
import org.civiclink.recommendation.situation.SituationService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads each linked event for the referral purpose: records that use, takes the event into the
 * client's situation, runs the rules over what consent lets them see, and hands the matches to the
 * proposer with the team of the agency that reported the event.
 *
 * <p>The channel hands over each poll's records at once ({@code batch=true}); they are handled in order
 * in one transaction (situations and proposals), so a crash never leaves an event taken in without its
 * referrals, and one commit serves the whole poll. A record that cannot be decoded, or whose event fails on
 * its own, goes to the dead-letter topic with its reason and the rest of the poll is kept. Records are keyed
 * by client id and the channel runs several ordered copies, each with its share of the partitions
 * ({@code mp.messaging.incoming.linked-events.concurrency}), so one client's events are handled in order
 * while other partitions' run at the same time.
 */
@ApplicationScoped
public class LinkedEventConsumer {

    @Inject
    SituationService situations;

    @Inject
    RuleEngine rules;

    @Inject
    ReferralProposer proposer;

    @Inject
    AuditedProcessing processing;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Incoming("linked-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> onLinked(KafkaRecordBatch<String, LinkedEvent> poll) {
        List<CompletionStage<Void>> deadLettered = new ArrayList<>();
        List<KafkaRecord<String, LinkedEvent>> decoded = new ArrayList<>();
        for (KafkaRecord<String, LinkedEvent> record : poll.getRecords()) {
            if (record.getPayload() == null) {
                deadLettered.add(record.nack(new UndecodableRecordException()));
            } else {
                decoded.add(record);
            }
        }
        List<AuditedProcessing.Unit> units = decoded.stream().map(record -> unit(record.getPayload())).toList();
        for (AuditedProcessing.Failure failure : processing.runAll(units)) {
            deadLettered.add(decoded.get(failure.index()).nack(failure.cause()));
        }
        // The poll's offsets are committed only once its failed records are on the dead-letter topic.
        return CompletableFuture.allOf(deadLettered.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> poll.ack());
    }

    private AuditedProcessing.Unit unit(LinkedEvent linked) {
        return new AuditedProcessing.Unit(AccessEvents.systemProcessing(service, PurposeOfUse.REFERRAL,
                "topic:" + Topic.LINKED_EVENTS.topicName(), List.of(linked.getClientId()),
                List.of(linked.getRecordId()), categories(linked)), () -> {
            ClientSituation situation = situations.record(linked);
            proposer.propose(linked.getClientId(), linked.getEvent().getAgencyCode(), rules.evaluate(situation),
                    situation.doNotContact());
        });
    }

    private static List<String> categories(LinkedEvent linked) {
        List<String> categories = new ArrayList<>(List.of("identity"));
        linked.getEvent().getFacts().stream().map(Fact::getDataCategory).distinct().forEach(categories::add);
        return categories;
    }
}
