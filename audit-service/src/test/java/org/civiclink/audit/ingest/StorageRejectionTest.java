package org.civiclink.audit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import jakarta.persistence.PersistenceException;

/** Only what an event's content causes is a rejection; everything else must be retried. */
class StorageRejectionTest {

    @Test
    void aValueTooLongInsideAJdbcBatchFailureIsARejection() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("value too long for type character varying(64)", "22001"));

        StorageRejection rejection = StorageRejection.in(new PersistenceException("could not execute batch", batch)).orElseThrow();

        assertEquals("22001", rejection.sqlState());
        assertEquals("Refused by the database: SQLState 22001 (string_data_right_truncation)", rejection.reason());
    }

    @Test
    void aConstraintViolationNamesTheConstraintButNotTheServersMessage() {
        PSQLException server = new PSQLException(new ServerErrorMessage(
                "SERROR\u0000C23514\u0000Mnew row violates check constraint\u0000Dfailing row contains (secret)\u0000naccess_event_seq_check\u0000"));

        StorageRejection rejection = StorageRejection.in(new IllegalStateException(new PersistenceException(server))).orElseThrow();

        assertEquals("Refused by the database: SQLState 23514 (check_violation), constraint access_event_seq_check", rejection.reason());
        assertTrue(!rejection.reason().contains("secret"), rejection.reason());
    }

    @Test
    void connectionSerializationAndPermissionFailuresAreNotRejections() {
        assertTrue(StorageRejection.in(new PersistenceException(new SQLTransientConnectionException("connection reset", "08006"))).isEmpty());
        assertTrue(StorageRejection.in(new PersistenceException(new SQLException("could not serialize access", "40001"))).isEmpty());
        assertTrue(StorageRejection.in(new PersistenceException(new SQLException("permission denied", "42501"))).isEmpty());
        assertTrue(StorageRejection.in(new IllegalStateException("no SQL involved")).isEmpty());
    }
}
