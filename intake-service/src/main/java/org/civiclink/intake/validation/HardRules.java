package org.civiclink.intake.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.civiclink.intake.api.IntakeEventRequest;
import org.civiclink.intake.catalogue.IntakeCatalogue;
import org.civiclink.platform.problem.Problem;

/**
 * The only reasons to refuse an event: what makes it unusable downstream. Everything else is kept
 * (and perhaps flagged by {@link QualityChecks}). Every bad field is reported at once, so an agency
 * fixes its feed in one round trip.
 */
@ApplicationScoped
public class HardRules {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Duration LATEST_AHEAD = Duration.ofDays(1);

    @Inject
    IntakeCatalogue catalogue;

    @Inject
    Clock clock;

    public List<Problem.InvalidParam> violations(IntakeEventRequest event) {
        if (event == null) {
            return List.of(new Problem.InvalidParam("body", "an intake event is required"));
        }
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        if (blank(event.agencyCode())) {
            invalid.add(new Problem.InvalidParam("agencyCode", "required"));
        } else if (!catalogue.knowsAgency(event.agencyCode())) {
            invalid.add(new Problem.InvalidParam("agencyCode", "unknown agency; see docs/intake.md for the registry"));
        }
        if (blank(event.agencyEventId())) {
            invalid.add(new Problem.InvalidParam("agencyEventId", "required"));
        } else if (event.agencyEventId().length() > 200) {
            invalid.add(new Problem.InvalidParam("agencyEventId", "at most 200 characters"));
        }
        if (blank(event.eventType())) {
            invalid.add(new Problem.InvalidParam("eventType", "required"));
        } else if (!catalogue.knowsEventType(event.eventType())) {
            invalid.add(new Problem.InvalidParam("eventType", "unknown event type; see docs/intake.md for the catalogue"));
        }
        if (event.occurredAt() == null) {
            invalid.add(new Problem.InvalidParam("occurredAt", "required, an ISO-8601 instant"));
        } else if (event.occurredAt().isBefore(EARLIEST) || event.occurredAt().isAfter(clock.instant().plus(LATEST_AHEAD))) {
            // An event dated centuries away cannot be placed in anyone's history: unusable, not doubtful.
            invalid.add(new Problem.InvalidParam("occurredAt", "must lie between 1900 and one day from now"));
        }
        if (event.person() == null) {
            invalid.add(new Problem.InvalidParam("person", "required, with at least person.agencyRecordId"));
        } else if (blank(event.person().agencyRecordId())) {
            invalid.add(new Problem.InvalidParam("person.agencyRecordId", "required: the agency's identifier for the person"));
        }
        structure(event, invalid);
        return invalid;
    }

    /**
     * Entries the Avro contract cannot carry without their key fields: a fact needs what it is about,
     * a consent its purpose and date, a phone its number. Refusing them is refusing nothing that
     * could be kept.
     */
    private static void structure(IntakeEventRequest event, List<Problem.InvalidParam> invalid) {
        if (event.person() != null) {
            noNullEntries(invalid, "person.names", event.person().names());
            noNullEntries(invalid, "person.addresses", event.person().addresses());
            List<IntakeEventRequest.Phone> phones = event.person().phones();
            for (int i = 0; phones != null && i < phones.size(); i++) {
                if (phones.get(i) == null || blank(phones.get(i).number())) {
                    invalid.add(new Problem.InvalidParam("person.phones[" + i + "].number", "required"));
                }
            }
        }
        List<IntakeEventRequest.Fact> facts = event.facts();
        for (int i = 0; facts != null && i < facts.size(); i++) {
            IntakeEventRequest.Fact fact = facts.get(i);
            String at = "facts[" + i + "]";
            if (fact == null) {
                invalid.add(new Problem.InvalidParam(at, "must not be null"));
                continue;
            }
            if (blank(fact.category())) {
                invalid.add(new Problem.InvalidParam(at + ".category", "required"));
            }
            if (blank(fact.code())) {
                invalid.add(new Problem.InvalidParam(at + ".code", "required"));
            }
            if (blank(fact.dataCategory())) {
                invalid.add(new Problem.InvalidParam(at + ".dataCategory", "required"));
            }
        }
        List<IntakeEventRequest.Consent> consents = event.consents();
        for (int i = 0; consents != null && i < consents.size(); i++) {
            IntakeEventRequest.Consent consent = consents.get(i);
            String at = "consents[" + i + "]";
            if (consent == null) {
                invalid.add(new Problem.InvalidParam(at, "must not be null"));
                continue;
            }
            if (blank(consent.purpose())) {
                invalid.add(new Problem.InvalidParam(at + ".purpose", "required"));
            }
            if (consent.declaredAt() == null) {
                invalid.add(new Problem.InvalidParam(at + ".declaredAt", "required, an ISO-8601 instant"));
            }
            noNullEntries(invalid, at + ".dataCategories", consent.dataCategories());
        }
    }

    private static void noNullEntries(List<Problem.InvalidParam> invalid, String field, List<?> values) {
        for (int i = 0; values != null && i < values.size(); i++) {
            if (values.get(i) == null) {
                invalid.add(new Problem.InvalidParam(field + "[" + i + "]", "must not be null"));
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
