package org.civiclink.deploy.layout;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local stack keeps its state and which ports its infrastructure uses. Everything lives
 * under one home folder so that a restart finds the previous data and {@code down --purge} can
 * remove it in one go.
 */
public record StackLayout(Path repoRoot, Path home, String host, int kafkaPort, int controllerPort, int postgresPort) {

    public static final String HOME_ENV = "CIVICLINK_HOME";
    public static final String DEFAULT_HOME = ".civiclink";
    /** Away from Kafka's and PostgreSQL's usual ports, so a developer's own servers do not clash. */
    public static final int KAFKA_PORT = 19092;
    public static final int CONTROLLER_PORT = 19093;
    public static final int POSTGRES_PORT = 15432;
    /** Loopback only: the stack trusts a development key whose private half is in the repository. */
    public static final String HOST = "127.0.0.1";

    public StackLayout {
        home = home.toAbsolutePath().normalize();
        repoRoot = repoRoot.toAbsolutePath().normalize();
    }

    public static StackLayout defaults(Path repoRoot, Path home) {
        return new StackLayout(repoRoot, home, HOST, KAFKA_PORT, CONTROLLER_PORT, POSTGRES_PORT);
    }

    /** The home folder: an explicit choice, else {@code $CIVICLINK_HOME}, else {@code <repo>/.civiclink}. */
    public static Path resolveHome(Optional<Path> explicit, Map<String, String> env, Path repoRoot) {
        return explicit
                .or(() -> Optional.ofNullable(env.get(HOME_ENV)).filter(v -> !v.isBlank()).map(Path::of))
                .orElse(repoRoot.resolve(DEFAULT_HOME))
                .toAbsolutePath().normalize();
    }

    public String kafkaBootstrap() {
        return host + ":" + kafkaPort;
    }

    public Path kafkaDataDir() {
        return home.resolve("kafka");
    }

    public Path postgresDataDir() {
        return home.resolve("postgres");
    }

    public Path configDir() {
        return home.resolve("config");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path streamsStateDir(String service) {
        return home.resolve("streams").resolve(service);
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }
}
