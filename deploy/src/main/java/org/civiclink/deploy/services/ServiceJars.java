package org.civiclink.deploy.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.civiclink.deploy.StackException;

/** Checks that the services were built before anything is started. */
public final class ServiceJars {

    private ServiceJars() {
    }

    public static List<Path> missing(Path repoRoot, List<ServiceSpec> services) {
        return services.stream().map(spec -> spec.jar(repoRoot)).filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    public static void requirePresent(Path repoRoot, List<ServiceSpec> services) {
        List<Path> missing = missing(repoRoot, services);
        if (!missing.isEmpty()) {
            throw notBuilt(missing);
        }
    }

    public static StackException notBuilt(List<Path> jars) {
        return new StackException("Service jar(s) not built yet:\n"
                + jars.stream().map(jar -> "  " + jar).collect(Collectors.joining("\n"))
                + "\nBuild them with ./civiclink up --build (runs mvn -DskipTests install).");
    }
}
