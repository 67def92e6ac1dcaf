package org.civiclink.intake.raw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.intake.publish.AcceptedEventPublisher;
import org.civiclink.intake.publish.PendingSends;
import org.civiclink.intake.receive.Answer;
import org.civiclink.intake.receive.IntakeDesk;
import org.civiclink.platform.audit.AccessEventPublisher;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.security.PurposeOfUse;

/**
 * Decides a run of raw records in one database transaction. Every record still gets its own
 * decision and, if unusable, its own dead letter; what is shared is the commit and the wait for the
 * broker: the accepted events, their PROCESS AccessEvents and the dead letters are all sent first and
 * awaited once, and the transaction commits only after the broker has every one of them. A failure
 * anywhere rolls the whole run back, so the caller can redeliver it and the desk's idempotency
 * decides each record as if for the first time.
 */
@ApplicationScoped
public class RawPollHandler {

    private static final AvroCodec<IntakeEvent> CODEC = AvroCodec.of(IntakeEvent.class);
    /** Long enough for the slowest send of a full poll; the send timeout of one event bounds each. */
    private static final Duration AWAIT = AcceptedEventPublisher.SEND_TIMEOUT.multipliedBy(3);

    @Inject
    IntakeDesk desk;

    @Inject
    AcceptedEventPublisher accepted;

    @Inject
    AccessEventPublisher access;

    @Inject
    DeadLetterWriter deadLetters;

    @Transactional
    public void handle(List<ConsumerRecord<String, byte[]>> records) {
        PendingSends sends = new PendingSends();
        for (ConsumerRecord<String, byte[]> record : records) {
            handle(record, sends);
        }
        sends.awaitAll(AWAIT);
    }

    private void handle(ConsumerRecord<String, byte[]> record, PendingSends sends) {
        IntakeEvent event;
        try {
            event = CODEC.decode(record.value());
        } catch (RuntimeException e) {
            // The codec's messages describe the wire format (header, fingerprint), never field values.
            sends.add(deadLetters.send(record, "Undecodable IntakeEvent: " + abbreviate(String.valueOf(e.getMessage()))));
            return;
        }
        Answer answer = desk.decide(RawEventRequests.fromAvro(event), IntakeDesk.KAFKA,
                (recordKey, acceptedEvent) -> sends.add(accepted.send(recordKey, acceptedEvent)));
        switch (answer.outcome()) {
            case REJECTED -> sends.add(deadLetters.send(record, "Invalid IntakeEvent: " + answer.reasons().stream()
                    .map(reason -> reason.name() + " " + reason.reason()).collect(Collectors.joining("; "))));
            case CONFLICT -> sends.add(deadLetters.send(record, "Conflict: agencyEventId was accepted before with different content"));
            case ACCEPTED -> {
                if (!answer.replay()) {
                    List<String> categories = new ArrayList<>(List.of("identity"));
                    event.getFacts().stream().map(Fact::getDataCategory).distinct().forEach(categories::add);
                    sends.add(access.send(AccessEvents.systemProcessing(DeadLetterWriter.SERVICE, PurposeOfUse.TREATMENT,
                            "topic:" + Topic.INTAKE_RAW.topicName(), List.of(), List.of(answer.recordId()), categories))
                            .acknowledgement());
                }
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
