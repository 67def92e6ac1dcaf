package org.civiclink.platform.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The optional path for machines that run Docker: with {@code CIVICLINK_TEST_CONTAINERS=true} (or
 * {@code -Dciviclink.test.containers=true}) and a Docker engine found, Kafka and PostgreSQL run
 * in Testcontainers instead of in-process. Without Docker the default path is used and a line
 * says why, so asking for containers never breaks a build.
 */
final class ContainerInfrastructure {

    private static Boolean requested;
    private static KafkaContainer kafka;
    private static PostgreSQLContainer postgres;

    private ContainerInfrastructure() {
    }

    static synchronized boolean requested() {
        if (requested == null) {
            boolean asked = Boolean.parseBoolean(PostgresServer.setting("CIVICLINK_TEST_CONTAINERS", "civiclink.test.containers"));
            requested = asked && dockerAvailable();
            if (asked && !requested) {
                System.err.println("CIVICLINK_TEST_CONTAINERS is set but no Docker engine answers: using the in-process broker and embedded PostgreSQL.");
            }
        }
        return requested;
    }

    static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.2");
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    static synchronized PostgresServer.Database postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:16-alpine");
            postgres.start();
        }
        return new PostgresServer.Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
