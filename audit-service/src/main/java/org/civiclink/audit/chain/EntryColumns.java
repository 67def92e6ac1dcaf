package org.civiclink.audit.chain;

import java.lang.reflect.RecordComponent;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.civiclink.events.AccessEvent;

/** The searchable columns of an entry, to compare what is stored with what was hashed. */
record EntryColumns(String eventId, Instant occurredAt, String actorSubject, List<String> actorRoles, String actorAgency,
                    String purposeOfUse, String purposeReason, String action, List<String> clientIds, List<String> recordIds,
                    List<String> dataCategories, String service, String endpoint, String outcome, Integer httpStatus,
                    String denialReason) {

    static final String SELECT_LIST = "event_id, occurred_at, actor_subject, actor_roles, actor_agency, purpose_of_use, "
            + "purpose_reason, action, client_ids, record_ids, data_categories, service, endpoint, outcome, http_status, denial_reason";

    static EntryColumns of(AccessEvent e) {
        return new EntryColumns(e.getEventId(), e.getOccurredAt(), e.getActor().getSubject(), List.copyOf(e.getActor().getRoles()),
                e.getActor().getAgencyCode(), e.getPurposeOfUse(), e.getPurposeReason(), e.getAction(), List.copyOf(e.getClientIds()),
                List.copyOf(e.getRecordIds()), List.copyOf(e.getDataCategories()), e.getService(), e.getEndpoint(),
                e.getOutcome().name(), e.getHttpStatus(), e.getDenialReason());
    }

    static EntryColumns of(ResultSet row) throws SQLException {
        // Read as an object: wasNull() would describe whichever column was read last.
        Integer status = row.getObject("http_status", Integer.class);
        return new EntryColumns(row.getString("event_id"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor_subject"),
                strings(row.getArray("actor_roles")), row.getString("actor_agency"), row.getString("purpose_of_use"),
                row.getString("purpose_reason"), row.getString("action"), strings(row.getArray("client_ids")),
                strings(row.getArray("record_ids")), strings(row.getArray("data_categories")), row.getString("service"),
                row.getString("endpoint"), row.getString("outcome"), status, row.getString("denial_reason"));
    }

    /** Names of the columns whose values differ, e.g. ["purposeOfUse"]. */
    List<String> differencesFrom(EntryColumns other) {
        List<String> names = new ArrayList<>();
        try {
            for (RecordComponent component : EntryColumns.class.getRecordComponents()) {
                if (!Objects.equals(component.getAccessor().invoke(this), component.getAccessor().invoke(other))) {
                    names.add(component.getName());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
