package org.civiclink.deploy.layout;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.civiclink.deploy.StackException;

/**
 * Finds the CivicLink checkout: the folder holding the root {@code pom.xml} and the {@code civiclink}
 * script. The service jars and the default state folder are found relative to it.
 */
public final class RepoRoot {

    /** Set by the build for tests, and usable to point a copied launcher at a checkout. */
    public static final String PROPERTY = "civiclink.repo.root";

    private RepoRoot() {
    }

    public static Path locate() {
        return find().orElseThrow(() -> new StackException(
                "Cannot find the CivicLink checkout (a folder with pom.xml and the civiclink script) above "
                        + Path.of("").toAbsolutePath() + "; run from inside it or pass -D" + PROPERTY + "=<folder>"));
    }

    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        // The launcher jar lives in <repo>/deploy/target, so its own location is the most reliable
        // hint; the working directory covers classes run from an IDE.
        return codeLocation().flatMap(RepoRoot::searchUpwards)
                .or(() -> searchUpwards(Path.of("").toAbsolutePath()));
    }

    public static boolean isRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("civiclink"));
    }

    static Optional<Path> searchUpwards(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The jar or classes folder this class was loaded from. */
    public static Optional<Path> codeLocation() {
        try {
            var source = RepoRoot.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
