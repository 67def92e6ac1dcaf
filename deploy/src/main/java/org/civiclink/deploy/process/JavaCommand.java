package org.civiclink.deploy.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a child JVM. */
public final class JavaCommand {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private JavaCommand() {
    }

    /** The {@code java} of the JVM running the launcher, so children get the same Java version. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * {@code java <args>}, in a session of its own where {@code setsid} exists. Ctrl-C in the
     * terminal then reaches only the launcher, whose shutdown hook stops the children in order
     * (services before the broker they flush to); without it every child would get SIGINT at
     * once. The JVM is not a process group leader, so setsid execs in place and the pid stays that
     * of the child JVM.
     */
    public static List<String> java(List<String> args) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(javaExecutable().toString());
        command.addAll(args);
        return command;
    }
}
