package org.civiclink.linkage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.civiclink.linkage.batch.BatchLinker;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.SourceRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The property the streaming linker promises: the final partition of records into clients does not
 * depend on the order records, corrections and withdrawals arrive in, and equals what the batch
 * command computes from a file of the records as they stand at the end.
 */
class OrderIndependenceTest {

    private static final LinkageModel MODEL = LinkageModel.defaultModel();
    private static final int ORDERS = 10;

    @ParameterizedTest(name = "seed {0}, {1} people, error scale {2}")
    @CsvSource({"11, 1500, 1.0", "12, 1500, 3.0"})
    void everyArrivalOrderGivesTheBatchCommandsPartition(long seed, long people, double errorScale, @TempDir Path dir)
            throws IOException {
        List<SourceRecord> records = Populations.simulate(seed, people, errorScale).records();
        List<SourceRecord> last = List.copyOf(RecordStream.of(records, new Random(seed), new Random(0)).last().values());
        assertTrue(last.size() >= 2_000, "the property needs at least 2,000 records, got " + last.size());
        Set<Set<String>> batch = batchPartition(last, dir);

        Random random = new Random(seed);
        for (int order = 0; order < ORDERS; order++) {
            RecordStream stream = RecordStream.of(records, new Random(seed), random);
            assertEquals(last, List.copyOf(stream.last().values()), "every stream ends with the same records");
            assertTrue(stream.count(RecordStream.Withdraw.class) > 50
                    && stream.count(RecordStream.Send.class) > records.size() + 200, "corrections and withdrawals");

            LinkageEngine engine = new LinkageEngine(MODEL, LinkageState.inMemory());
            stream.events().forEach(event -> event.applyTo(engine));
            Map<String, String> clients = new HashMap<>();
            last.forEach(r -> clients.put(r.recordId(), engine.clientOf(r.recordId()).orElseThrow()));

            assertEquals(batch, partition(clients), "arrival order " + order + " (" + stream.events().size()
                    + " events) gave a different partition");
        }
        long multiRecordClients = batch.stream().filter(client -> client.size() > 1).count();
        assertTrue(multiRecordClients > people / 4, "the data must actually link: " + multiRecordClients + " clients");
    }

    private static Set<Set<String>> batchPartition(List<SourceRecord> records, Path dir) throws IOException {
        Path input = dir.resolve("records.csv");
        Path output = dir.resolve("clients.csv");
        writeCanonical(records, input);
        BatchLinker.linkFile(MODEL, input, output);
        return partition(readClients(output));
    }

    static Set<Set<String>> partition(Map<String, String> clientOfRecord) {
        Map<String, Set<String>> members = new HashMap<>();
        clientOfRecord.forEach((record, client) -> members.computeIfAbsent(client, c -> new HashSet<>()).add(record));
        return new HashSet<>(members.values());
    }

    private static void writeCanonical(List<SourceRecord> records, Path file) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file), CSVFormat.DEFAULT.builder()
                .setHeader("record_id", "agency", "first_name", "middle_name", "last_name", "date_of_birth", "sex",
                        "ssn", "street", "city", "zip", "phone").get())) {
            for (SourceRecord r : records) {
                csv.printRecord(r.recordId(), r.agency(), r.firstName(), r.middleName(), r.lastName(),
                        r.dateOfBirth(), r.sex(), r.ssn(), r.street(), r.city(), r.zip(), r.phone());
            }
        }
    }

    private static Map<String, String> readClients(Path file) throws IOException {
        Map<String, String> clients = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                clients.put(row.get("record_id"), row.get("client_id"));
            }
        }
        return clients;
    }
}
