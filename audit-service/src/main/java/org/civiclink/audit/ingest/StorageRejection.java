package org.civiclink.audit.ingest;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database refused an AccessEvent for what it contains: a data exception (SQLState class 22,
 * e.g. a value longer than its column) or an integrity constraint violation (class 23). Retrying
 * such an event can never succeed. Every other failure (connection, serialization, permission,
 * resources) may pass, so it is not a rejection and the event must be retried, not set aside.
 *
 * <p>The reason names the SQLState and, when the server gives them, the constraint and column,
 * never the server's message text: PostgreSQL's messages and details may quote the values.
 */
public record StorageRejection(String sqlState, String constraint, String column) {

    private static final int MAX_NEXT_EXCEPTIONS = 16;

    /** PostgreSQL condition names (Appendix A of its manual) of the rejections a decoded event can cause. */
    private static final Map<String, String> CONDITIONS = Map.of(
            "22001", "string_data_right_truncation",
            "22003", "numeric_value_out_of_range",
            "22021", "character_not_in_repertoire",
            "22P05", "untranslatable_character",
            "23502", "not_null_violation",
            "23503", "foreign_key_violation",
            "23505", "unique_violation",
            "23514", "check_violation");

    /** The rejection somewhere in {@code failure}'s causes, or empty when the failure may pass on a retry. */
    static Optional<StorageRejection> in(Throwable failure) {
        Set<Throwable> causes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && causes.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // A JDBC batch reports the server's own error as a next exception, the one with the details.
                int links = 0;
                for (SQLException e = sql; e != null && links++ < MAX_NEXT_EXCEPTIONS; e = e.getNextException()) {
                    Optional<StorageRejection> found = of(e);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<StorageRejection> of(SQLException e) {
        String state = e.getSQLState();
        if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
            return Optional.empty();
        }
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return Optional.of(new StorageRejection(state, server == null ? null : server.getConstraint(),
                server == null ? null : server.getColumn()));
    }

    /** For the dead letter's reason header, e.g. "Refused by the database: SQLState 22001 (string_data_right_truncation)". */
    public String reason() {
        String condition = CONDITIONS.getOrDefault(sqlState, sqlState.startsWith("22") ? "data_exception" : "integrity_constraint_violation");
        return "Refused by the database: SQLState " + sqlState + " (" + condition + ")"
                + (constraint == null ? "" : ", constraint " + constraint)
                + (column == null ? "" : ", column " + column);
    }
}
