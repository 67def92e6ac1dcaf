package org.civiclink.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.civiclink.deploy.StackException;

/**
 * The state folder. A marker file tells a folder the launcher made from any other, so that
 * {@code down --purge} with a mistyped {@code CIVICLINK_HOME} cannot delete someone's files.
 */
public final class StackHome {

    public static final String MARKER = ".civiclink-home";

    private StackHome() {
    }

    public static void prepare(Path home) {
        try {
            Files.createDirectories(home);
            Path marker = home.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "State of a local CivicLink stack; delete with ./civiclink down --purge\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the state folder " + home, e);
        }
    }

    /** @return true if something was deleted */
    public static boolean purge(Path home) {
        if (!Files.exists(home)) {
            return false;
        }
        if (!Files.isRegularFile(home.resolve(MARKER))) {
            throw new StackException("Refusing to delete " + home + ": it has no " + MARKER
                    + " file, so the launcher did not create it. Delete it yourself if you are sure.");
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + home, e);
        }
    }
}
