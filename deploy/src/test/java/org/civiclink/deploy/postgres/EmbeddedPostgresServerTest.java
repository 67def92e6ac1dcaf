package org.civiclink.deploy.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.civiclink.deploy.TestPorts;
import org.civiclink.deploy.layout.PortGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void createsDatabasesIdempotentlyAndKeepsThemAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = TestPorts.free();
        Path data = dir.resolve("postgres");
        Path log = dir.resolve("logs/postgres.log");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, log)) {
            PostgresTarget target = server.target();
            assertFalse(target.databaseExists("civiclink_audit"));
            target.createDatabaseIfMissing("civiclink_audit");
            target.createDatabaseIfMissing("civiclink_audit");
            assertTrue(target.databaseExists("civiclink_audit"));
            assertTrue(server.pid().isPresent(), "the postmaster pid is known for the pid file");
            try (Connection connection = DriverManager.getConnection(target.jdbcUrl("civiclink_audit"), target.user(), target.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int)");
            }
        }
        assertTrue(PortGuard.isFree("127.0.0.1", port), "closing stops the server");

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, port, log)) {
            PostgresTarget target = again.target();
            assertTrue(target.databaseExists("civiclink_audit"));
            try (Connection connection = DriverManager.getConnection(target.jdbcUrl("civiclink_audit"), target.user(), target.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT count(*) FROM kept");
            }
        }
    }
}
