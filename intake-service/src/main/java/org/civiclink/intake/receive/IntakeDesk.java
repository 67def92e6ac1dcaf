package org.civiclink.intake.receive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.civiclink.events.IntakeEvent;
import org.civiclink.intake.api.IntakeEventRequest;
import org.civiclink.intake.catalogue.IntakeCatalogue;
import org.civiclink.intake.publish.AcceptedEventPublisher;
import org.civiclink.intake.validation.HardRules;
import org.civiclink.intake.validation.QualityChecks;
import org.civiclink.intake.validation.QualityFlag;
import org.civiclink.platform.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decides about one event exactly once per (agency, event id), for REST and Kafka alike.
 *
 * <p>Why this is exactly-once: the decision is a row in {@code received_event} whose primary key
 * is (agency_code, agency_event_id). Each call, in one database transaction, tries
 * {@code INSERT … ON CONFLICT DO NOTHING}. If the row went in, it is this transaction's, locked
 * until the commit and invisible before it: an accepted event is published (idempotent producer,
 * acks=all, waiting for the broker) and the row, stored as {@code published}, commits after that;
 * a failed send rolls it back. If the row was there, the call locks it ({@code SELECT … FOR
 * UPDATE}). A concurrent duplicate blocks on the key until the first transaction ends, then finds
 * the committed row and repeats its answer; if the first rolled back, the duplicate inserts the row
 * itself. Whoever holds the lock on an accepted row that is not yet {@code published} publishes the
 * event and sets {@code published} in the same transaction; the agency gets its answer only after
 * the commit.
 *
 * <p>A crash before the broker acknowledged leaves no row (rolled back) and nothing published: the
 * agency's retry starts afresh. The one window left is a crash after the broker acknowledged and
 * before the commit: the row is gone, so a retry publishes again. The idempotent producer cannot
 * close that window (its sequence numbers die with the process); only a Kafka transaction spanning
 * both stores could, and Kafka and PostgreSQL share none. Downstream consumers therefore treat
 * (agencyCode, agencyEventId) as the event's identity (docs/intake.md, "Exactly once").
 *
 * <p>A rejected event is remembered too, so its status can be asked for, but it does not bind its
 * id: the agency may fix the event and send it again under the same id.
 */
@ApplicationScoped
public class IntakeDesk {

    public static final String REST = "rest";
    public static final String KAFKA = "kafka";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<QualityFlag>> FLAGS = new TypeReference<>() { };
    private static final TypeReference<List<Problem.InvalidParam>> REASONS = new TypeReference<>() { };

    @Inject
    EntityManager em;

    @Inject
    HardRules rules;

    @Inject
    IntakeCatalogue catalogue;

    @Inject
    AcceptedEventPublisher publisher;

    @Inject
    Clock clock;

    /** Decides and, if accepted, publishes and waits for the broker, all before the transaction commits. */
    @Transactional
    public Answer receive(IntakeEventRequest request, String channel) {
        return decide(request, channel, publisher::publish);
    }

    /**
     * Decides within the caller's transaction. An event to be published is handed to {@code publish};
     * a caller that only starts the send there (to await many at once) must await it before its
     * transaction commits, or the row would claim a publication the broker never had.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Answer decide(IntakeEventRequest request, String channel, BiConsumer<String, IntakeEvent> publish) {
        List<Problem.InvalidParam> violations = rules.violations(request);
        if (!storable(request)) {
            return Answer.unstorableRejection(request == null ? null : request.agencyCode(),
                    request == null ? null : request.agencyEventId(), violations);
        }
        // PostgreSQL keeps microseconds: the first answer must equal what a replay reads back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean accepted = violations.isEmpty();
        List<QualityFlag> flags = accepted ? QualityChecks.flags(request, LocalDate.ofInstant(now, clock.getZone())) : List.of();
        String recordId = accepted ? request.agencyCode() + ":" + request.person().agencyRecordId() : null;
        String hash = ContentHash.of(request);

        // The common case, a new event, costs this one statement: the inserted row is ours and locked
        // until commit, and is stored as published because it becomes visible only if the commit
        // follows the publication (a failed send rolls it back).
        int inserted = em.createNativeQuery("""
                        INSERT INTO received_event (agency_code, agency_event_id, content_hash, status, record_id,
                            quality_flags, rejection_reasons, channel, received_at, published)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), CAST(?7 AS jsonb), ?8, ?9, ?10)
                        ON CONFLICT (agency_code, agency_event_id) DO NOTHING""")
                .setParameter(1, request.agencyCode()).setParameter(2, request.agencyEventId()).setParameter(3, hash)
                .setParameter(4, accepted ? "ACCEPTED" : "REJECTED").setParameter(5, recordId)
                .setParameter(6, write(flags)).setParameter(7, write(violations)).setParameter(8, channel)
                .setParameter(9, now).setParameter(10, accepted)
                .executeUpdate();
        if (inserted == 1) {
            if (accepted) {
                publish.accept(recordId, IntakeEventMapper.toEvent(request, now, flags));
            }
            return new Answer(accepted ? Answer.Outcome.ACCEPTED : Answer.Outcome.REJECTED, false, request.agencyCode(),
                    request.agencyEventId(), recordId, now, flags, accepted ? List.of() : violations);
        }
        return decideAgain(request, channel, publish, violations, flags, recordId, hash, now);
    }

    /** The id is on record already (perhaps inserted by a concurrent call we waited for): repeat, refuse or correct. */
    private Answer decideAgain(IntakeEventRequest request, String channel, BiConsumer<String, IntakeEvent> publish,
                               List<Problem.InvalidParam> violations, List<QualityFlag> flags, String recordId, String hash,
                               Instant now) {
        boolean accepted = violations.isEmpty();
        ReceivedEvent row = em.find(ReceivedEvent.class, new ReceivedEvent.Key(request.agencyCode(), request.agencyEventId()),
                LockModeType.PESSIMISTIC_WRITE);
        boolean replay = true;
        if (!row.contentHash.equals(hash)) {
            if (row.status.equals("ACCEPTED")) {
                return answer(row, Answer.Outcome.CONFLICT, true);
            }
            // A rejected event does not hold its id: this is the agency's corrected version.
            row.contentHash = hash;
            row.status = accepted ? "ACCEPTED" : "REJECTED";
            row.recordId = recordId;
            row.qualityFlags = write(flags);
            row.rejectionReasons = write(violations);
            row.channel = channel;
            row.receivedAt = now;
            replay = false;
        }
        if (row.status.equals("ACCEPTED") && !row.published) {
            IntakeEvent event = IntakeEventMapper.toEvent(request, row.receivedAt, read(row.qualityFlags, FLAGS));
            publish.accept(row.recordId, event);
            row.published = true;
            // A retry that republishes a row left unpublished is not a replay: this call did publish.
            replay = false;
        }
        return answer(row, row.status.equals("ACCEPTED") ? Answer.Outcome.ACCEPTED : Answer.Outcome.REJECTED, replay);
    }

    /** The decision on record, for the status endpoint. */
    @Transactional
    public Optional<Answer> find(String agencyCode, String agencyEventId) {
        return Optional.ofNullable(em.find(ReceivedEvent.class, new ReceivedEvent.Key(agencyCode, agencyEventId)))
                .map(row -> answer(row, row.status.equals("ACCEPTED") ? Answer.Outcome.ACCEPTED : Answer.Outcome.REJECTED, true));
    }

    /** Without a known agency and an event id there is no key to remember the answer under. */
    private boolean storable(IntakeEventRequest request) {
        return request != null && catalogue.knowsAgency(request.agencyCode())
                && request.agencyEventId() != null && !request.agencyEventId().isBlank()
                && request.agencyEventId().length() <= 200;
    }

    private static Answer answer(ReceivedEvent row, Answer.Outcome outcome, boolean replay) {
        return new Answer(outcome, replay, row.agencyCode, row.agencyEventId, row.recordId, row.receivedAt,
                read(row.qualityFlags, FLAGS), read(row.rejectionReasons, REASONS));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
