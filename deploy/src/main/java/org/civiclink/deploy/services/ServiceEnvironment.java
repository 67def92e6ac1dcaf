package org.civiclink.deploy.services;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.civiclink.deploy.postgres.PostgresTarget;
import org.civiclink.deploy.security.DevTokens;

/**
 * The environment variables that point a packaged service at the stack's broker and database and
 * make it trust the development key. Quarkus maps {@code QUARKUS_HTTP_PORT} to
 * {@code quarkus.http.port} and so on, so no service needs a launcher-specific profile.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /**
     * @param streamsStateDir a folder owned by this service and this broker only: Kafka Streams state
     *                        that outlives its broker corrupts the next run
     * @param postgres        required for services with a database, ignored for the others
     * @return a fresh, modifiable map, so a test can add or override entries
     */
    public static Map<String, String> forService(ServiceSpec spec, String kafkaBootstrap, Path streamsStateDir,
                                                 Optional<PostgresTarget> postgres) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.httpPort()));
        // The services trust a key whose private half is in the repository: never listen beyond loopback.
        env.put("QUARKUS_HTTP_HOST", ServiceSpec.HOST);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("QUARKUS_KAFKA_STREAMS_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("KAFKA_STREAMS_STATE_DIR", streamsStateDir.toAbsolutePath().normalize().toString());
        if (spec.name().equals(ServiceSpec.LINKAGE.name())) {
            // Where other instances forward queries: the address it listens on, not "localhost", which may resolve to ::1.
            env.put("CIVICLINK_LINKAGE_ADVERTISED_SERVER", ServiceSpec.HOST + ":" + spec.httpPort());
        }
        spec.database().ifPresent(database -> {
            PostgresTarget target = postgres.orElseThrow(() -> new IllegalArgumentException(
                    spec.name() + " needs PostgreSQL (database " + database + ")"));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", target.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", target.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", target.password());
        });
        env.put("MP_JWT_VERIFY_PUBLICKEY", DevTokens.publicKeyPem());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.issuer());
        return env;
    }
}
