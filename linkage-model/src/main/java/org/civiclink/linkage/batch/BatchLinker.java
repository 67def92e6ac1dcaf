package org.civiclink.linkage.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civiclink.linkage.engine.LinkageEngine;
import org.civiclink.linkage.engine.LinkageState;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.io.CanonicalRecordReader;

/**
 * Links a whole file with the streaming service's engine, fed one record at a time into in-memory
 * state. Because the engine is order-independent, the result is the partition the service reaches
 * after seeing the same records in any order.
 */
public final class BatchLinker {

    /** What a run did; {@code rows} counts input lines, {@code records} distinct record ids. */
    public record Summary(long rows, long records, long clients, Duration elapsed) {

        public double recordsPerSecond() {
            return records / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }
    }

    private final LinkageEngine engine;
    private final List<String> rowRecordIds = new ArrayList<>();

    public BatchLinker(LinkageModel model) {
        this.engine = new LinkageEngine(model, LinkageState.inMemory());
    }

    /** Reads the canonical CSV {@code input} and writes {@code record_id,client_id} for every input row. */
    public static Summary linkFile(LinkageModel model, Path input, Path output) {
        long started = System.nanoTime();
        BatchLinker linker = new BatchLinker(model);
        try (CanonicalRecordReader reader = CanonicalRecordReader.open(input)) {
            reader.records().forEach(linker::add);
        }
        linker.write(output);
        return linker.summary(Duration.ofNanos(System.nanoTime() - started));
    }

    public void add(SourceRecord record) {
        engine.link(record);
        rowRecordIds.add(record.recordId());
    }

    /** The client of a record added earlier. */
    public String clientOf(String recordId) {
        return engine.clientOf(recordId).orElseThrow(() -> new IllegalArgumentException("unknown record " + recordId));
    }

    public void write(Path output) {
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("record_id", "client_id").get())) {
            for (String recordId : rowRecordIds) {
                csv.printRecord(recordId, clientOf(recordId));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }

    private Summary summary(Duration elapsed) {
        Set<String> records = new HashSet<>(rowRecordIds);
        Set<String> clients = new HashSet<>();
        records.forEach(id -> clients.add(clientOf(id)));
        return new Summary(rowRecordIds.size(), records.size(), clients.size(), elapsed);
    }
}
