package org.civiclink.deploy.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.civiclink.deploy.StackException;
import org.junit.jupiter.api.Test;

class PostgresTargetTest {

    private static PostgresTarget target(String url) {
        return new PostgresTarget(url, "app", "secret", false);
    }

    @Test
    void derivesTheUrlOfAnotherDatabaseOnTheSameServer() {
        assertEquals("jdbc:postgresql://db.example:5432/civiclink_audit",
                target("jdbc:postgresql://db.example:5432/postgres").jdbcUrl("civiclink_audit"));
        assertEquals("jdbc:postgresql://h1:5432,h2:5433/civiclink_audit?sslmode=require&targetServerType=primary",
                target("jdbc:postgresql://h1:5432,h2:5433/postgres?sslmode=require&targetServerType=primary").jdbcUrl("civiclink_audit"));
        assertEquals("jdbc:postgresql://localhost/civiclink_audit", target("jdbc:postgresql://localhost").jdbcUrl("civiclink_audit"));
        assertEquals("jdbc:postgresql://localhost/civiclink_audit", target("jdbc:postgresql://localhost/").jdbcUrl("civiclink_audit"));
        assertEquals("jdbc:postgresql:civiclink_audit?ssl=false", target("jdbc:postgresql:postgres?ssl=false").jdbcUrl("civiclink_audit"));
    }

    @Test
    void refusesNamesThatCouldEscapeTheCreateDatabaseStatement() {
        assertThrows(IllegalArgumentException.class, () -> target("jdbc:postgresql://h/p").jdbcUrl("x\"; DROP DATABASE y; --"));
        assertThrows(IllegalArgumentException.class, () -> target("jdbc:postgresql://h/p").createDatabaseIfMissing("Upper"));
    }

    @Test
    void readsTheConfiguredServerFromTheEnvironment() {
        assertTrue(PostgresTarget.fromEnvironment(Map.of()).isEmpty());
        PostgresTarget target = PostgresTarget.fromEnvironment(Map.of(
                "CIVICLINK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "CIVICLINK_DB_USER", "civiclink", "CIVICLINK_DB_PASSWORD", "pw")).orElseThrow();
        assertEquals("civiclink", target.user());
        assertEquals("pw", target.password());
        assertFalse(target.embedded());
        assertThrows(StackException.class, () -> new PostgresTarget("jdbc:mysql://h/db", "u", "p", false));
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(target("jdbc:postgresql://h/p").toString().contains("secret"));
    }
}
