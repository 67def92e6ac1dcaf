package org.civiclink.deploy.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One {@code <name>.pid} file per process of a running stack, so {@code down} and {@code status}
 * in another terminal can find them. Format: the pid on the first line, its start instant on the
 * second.
 */
public final class PidFiles {

    private static final String SUFFIX = ".pid";

    private final Path runDir;

    public PidFiles(Path runDir) {
        this.runDir = runDir;
    }

    public void write(String name, ProcessHandle process) {
        String started = process.info().startInstant().map(Instant::toString).orElse("");
        try {
            Files.createDirectories(runDir);
            Files.writeString(file(name), process.pid() + "\n" + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pid file " + file(name), e);
        }
    }

    public Optional<PidRecord> read(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<Instant> started = lines.size() > 1 ? parseInstant(lines.get(1).trim()) : Optional.empty();
            return Optional.of(new PidRecord(name, pid, started));
        } catch (IOException | NumberFormatException e) {
            // A half-written or foreign file must not stop "down" from cleaning up the rest.
            return Optional.empty();
        }
    }

    public List<PidRecord> all() {
        if (!Files.isDirectory(runDir)) {
            return List.of();
        }
        List<PidRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(runDir)) {
            files.map(path -> path.getFileName().toString())
                    .filter(fileName -> fileName.endsWith(SUFFIX))
                    .sorted()
                    .forEach(fileName -> read(fileName.substring(0, fileName.length() - SUFFIX.length()))
                            .ifPresent(records::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String name) {
        return runDir.resolve(name + SUFFIX);
    }

    private static Optional<Instant> parseInstant(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
