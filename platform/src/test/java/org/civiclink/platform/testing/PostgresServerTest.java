package org.civiclink.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void swapsTheDatabaseKeepingParameters() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/fresh",
                PostgresServer.withDatabase("jdbc:postgresql://127.0.0.1:5432/test", "fresh"));
        assertEquals("jdbc:postgresql://db:5432/fresh?sslmode=require",
                PostgresServer.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=require", "fresh"));
    }
}
