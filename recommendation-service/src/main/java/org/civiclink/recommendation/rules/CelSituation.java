package org.civiclink.recommendation.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civiclink.recommendation.situation.ClientSituation;
import org.civiclink.recommendation.situation.Episode;
import org.civiclink.recommendation.situation.SituationFact;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/**
 * The variables a rule condition sees (documented in docs/recommendation.md, "CEL variables"). Every
 * map carries every key, with "" or -1 for unknown, so a condition never fails on a missing key.
 * Only usable facts reach here: ClientSituation holds nothing else.
 */
final class CelSituation {

    static final CelType RECORD = MapType.create(SimpleType.STRING, SimpleType.DYN);
    static final CelType RECORDS = ListType.create(RECORD);

    /** Name and type of each condition variable. */
    static final Map<String, CelType> VARIABLES = Map.ofEntries(
            Map.entry("age", SimpleType.INT),
            Map.entry("in_shelter", SimpleType.BOOL),
            Map.entry("days_in_shelter", SimpleType.INT),
            Map.entry("open_child_welfare_case", SimpleType.BOOL),
            Map.entry("household_size", SimpleType.INT),
            Map.entry("episodes", RECORDS),
            Map.entry("benefits", RECORDS),
            Map.entry("health_encounters", RECORDS),
            Map.entry("household", RECORDS),
            Map.entry("facts", RECORDS));

    /** The one variable of an evidence selector: a fact, with the keys of an element of {@code facts}. */
    static final String FACT = "fact";

    private CelSituation() {
    }

    static Map<String, Object> variables(ClientSituation s) {
        LocalDate asOf = s.asOf();
        Map<String, Object> vars = new HashMap<>();
        vars.put("age", (long) s.age().orElse(-1));
        vars.put("in_shelter", s.shelterSince().isPresent());
        vars.put("days_in_shelter", s.shelterSince().map(since -> daysBetween(since, asOf)).orElse(-1L));
        vars.put("open_child_welfare_case", s.openChildWelfareCase());
        vars.put("household_size", (long) s.householdSize().orElse(-1));
        vars.put("episodes", s.episodes().stream().map(e -> episode(e, asOf)).toList());
        vars.put("benefits", s.benefits().stream().map(b -> Map.<String, Object>of(
                "program", b.program(), "status", b.status(), "reason", b.reason(),
                "days_ago", daysBetween(b.since(), asOf), "source_agency", b.sourceAgency())).toList());
        vars.put("health_encounters", s.healthEncounters().stream().map(f -> Map.<String, Object>of(
                "code", f.code(), "emergency", f.code().startsWith("emergency"),
                "days_ago", daysBetween(f.date(), asOf), "source_agency", f.sourceAgency())).toList());
        vars.put("household", s.household().stream().map(h -> Map.<String, Object>of(
                "relation", h.relation(), "record_id", h.recordId(), "source_agency", h.sourceAgency())).toList());
        vars.put("facts", facts(s.facts(), asOf));
        return vars;
    }

    static List<Map<String, Object>> facts(List<SituationFact> facts, LocalDate asOf) {
        return facts.stream().map(f -> fact(f, asOf)).toList();
    }

    static Map<String, Object> fact(SituationFact f, LocalDate asOf) {
        return Map.of(
                "category", f.category(),
                "code", f.code(),
                "value", f.value() == null ? "" : f.value(),
                "data_category", f.dataCategory(),
                "source_agency", f.sourceAgency(),
                "verification", f.verification().name(),
                "days_ago", daysBetween(f.date(), asOf),
                "ended_days_ago", f.effectiveTo() == null ? -1L : daysBetween(f.effectiveTo(), asOf),
                "record_id", f.recordId() == null ? "" : f.recordId());
    }

    private static Map<String, Object> episode(Episode e, LocalDate asOf) {
        return Map.of(
                "category", e.category(),
                "kind", e.kind(),
                "open", e.open(),
                "days_since", e.since() == null ? -1L : daysBetween(e.since(), asOf),
                "ended_days_ago", e.open() ? -1L : daysBetween(e.endedOn(), asOf),
                "source_agency", e.sourceAgency());
    }

    private static long daysBetween(LocalDate from, LocalDate to) {
        return from == null ? -1L : ChronoUnit.DAYS.between(from, to);
    }
}
