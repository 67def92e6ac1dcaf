package org.civiclink.deploy.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.civiclink.deploy.StackException;
import org.civiclink.deploy.layout.RepoRoot;

/**
 * The folder with the broker's jars ({@code deploy/target/kafka-libs}). They run in their own JVM
 * and are kept off the launcher's classpath: the broker brings Scala, its own Jackson modules and a
 * Log4j binding that the launcher must not see.
 */
public final class KafkaLibs {

    public static final String PROPERTY = "civiclink.kafka.libs";
    public static final String FOLDER = "kafka-libs";

    private KafkaLibs() {
    }

    public static Path locate() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty(PROPERTY)).filter(v -> !v.isBlank()).map(Path::of).ifPresent(candidates::add);
        // Beside the launcher jar (deploy/target/civiclink-launcher.jar) or the classes folder (deploy/target/classes).
        RepoRoot.codeLocation().map(Path::getParent).map(dir -> dir.resolve(FOLDER)).ifPresent(candidates::add);
        RepoRoot.find().map(root -> root.resolve("deploy").resolve("target").resolve(FOLDER)).ifPresent(candidates::add);
        return candidates.stream()
                .filter(KafkaLibs::containsBroker)
                .findFirst()
                .map(path -> path.toAbsolutePath().normalize())
                .orElseThrow(() -> new StackException("The Kafka broker jars are missing (looked in " + candidates
                        + "). Build the launcher: mvn -pl deploy -am -DskipTests package, or ./civiclink up --build"));
    }

    static boolean containsBroker(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A {@code -cp} value: the JVM expands {@code dir/*} to every jar in it. */
    public static String classpath(Path dir) {
        return dir.toAbsolutePath() + java.io.File.separator + "*";
    }
}
