package org.civiclink.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives a Quarkus test its own empty database on the configured or embedded PostgreSQL. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer.Database database = PostgresServer.freshDatabase("civiclink_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void stop() {
        // Databases are named uniquely per run and vanish with the embedded server; a configured server keeps them for inspection.
    }
}
