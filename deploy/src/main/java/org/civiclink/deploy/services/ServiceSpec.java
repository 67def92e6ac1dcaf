package org.civiclink.deploy.services;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One CivicLink service as the launcher runs it: its Maven module (= name), HTTP port and, for the
 * services that keep state in PostgreSQL, the database it owns.
 */
public record ServiceSpec(String name, int httpPort, Optional<String> database) {

    public static final ServiceSpec INTAKE = new ServiceSpec("intake-service", 8081, Optional.of("civiclink_intake"));
    public static final ServiceSpec LINKAGE = new ServiceSpec("linkage-service", 8082, Optional.empty());
    public static final ServiceSpec RECOMMENDATION = new ServiceSpec("recommendation-service", 8083, Optional.of("civiclink_recommendation"));
    public static final ServiceSpec AUDIT = new ServiceSpec("audit-service", 8084, Optional.of("civiclink_audit"));

    /** In start order: a service's upstream comes first, although they do not depend on each other to start. */
    public static final List<ServiceSpec> ALL = List.of(INTAKE, LINKAGE, RECOMMENDATION, AUDIT);

    public static final String HOST = "127.0.0.1";

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(spec -> spec.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown service " + name + "; known: "
                        + ALL.stream().map(ServiceSpec::name).toList()));
    }

    /** The same service on another port, e.g. a free one in a test. */
    public ServiceSpec withHttpPort(int port) {
        return new ServiceSpec(name, port, database);
    }

    /** The same service on another database, e.g. a fresh one per test run. */
    public ServiceSpec withDatabase(Optional<String> otherDatabase) {
        return new ServiceSpec(name, httpPort, otherDatabase);
    }

    /** {@code <repoRoot>/<name>/target/quarkus-app/quarkus-run.jar}, as the Quarkus build lays it out. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public URI baseUrl() {
        return URI.create("http://" + HOST + ":" + httpPort);
    }

    /** @param path starting with "/" */
    public URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    public URI readinessUrl() {
        return url("/q/health/ready");
    }
}
