package org.civiclink.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.civiclink.platform.testing.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh database on the test PostgreSQL, used as production uses it: Flyway migrates as the
 * server's (super)user, the owner, and the service runs as the limited role the migration creates
 * with the password handed to it as a Flyway placeholder. Creating the role needs CREATEROLE on
 * a configured server (CIVICLINK_TEST_DB_URL); the embedded server's user is a superuser.
 */
public class AuditDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    static final String APP_ROLE = "civiclink_audit_app";
    static final String APP_PASSWORD = "audit-app-test-only";

    @Override
    public Map<String, String> start() {
        PostgresServer.Database database = PostgresServer.freshDatabase("civiclink_audit_test");
        prepareAppRole(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", withoutUser(database.jdbcUrl()),
                "quarkus.datasource.username", APP_ROLE,
                "quarkus.datasource.password", APP_PASSWORD,
                "quarkus.flyway.username", database.username(),
                "quarkus.flyway.password", database.password(),
                "civiclink.audit.db.app-password", APP_PASSWORD);
    }

    /**
     * Roles are cluster-wide: on a configured, long-lived server the role may already exist from
     * an earlier run or a local stack (NOLOGIN, or another password). Give it the test password.
     */
    static void prepareAppRole(PostgresServer.Database database) {
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN "
                    + "IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
                    + "ALTER ROLE " + APP_ROLE + " LOGIN PASSWORD '" + APP_PASSWORD + "'; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the role " + APP_ROLE, e);
        }
    }

    /** The embedded server's URL names its superuser (?user=...), which would override the credentials given beside it. */
    static String withoutUser(String jdbcUrl) {
        return jdbcUrl.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @Override
    public void stop() {
        // The database vanishes with the embedded server; a configured server keeps it for inspection.
    }
}
