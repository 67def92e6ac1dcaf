package org.civiclink.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.audit.chain.CanonicalForm;
import org.civiclink.audit.chain.ChainAppender;
import org.civiclink.audit.chain.ChainVerifier;
import org.civiclink.audit.chain.VerificationReport;
import org.civiclink.audit.merkle.CheckpointService;
import org.civiclink.audit.merkle.LeafStore;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.KafkaBroker;
import org.civiclink.platform.testing.KafkaTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Figures for docs/benchmarks.md, printed, never asserted on: AccessEvents/s ingested from the
 * broker with the hash chain, chain appends/s without the broker, checkpoint and verify time.
 * Excluded from the default build; run with
 * {@code mvn -B -o verify -pl audit-service -Dtest=AuditBenchmark -Daudit.excludedGroups=none}
 * (sizes: -Dbenchmark.ingest=20000 -Dbenchmark.entries=200000, and -Dbenchmark.verify=1000000 to bulk-load the trail
 * to that size before timing checkpoint and verify).
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AuditDatabaseTestResource.class, restrictToAnnotatedClass = true)
class AuditBenchmark {

    private static final int BATCH = 1000;

    @Inject
    LeafStore leaves;
    @Inject
    ChainAppender chain;
    @Inject
    ChainVerifier verifier;
    @Inject
    CheckpointService checkpoints;

    @Test
    void ingestionCheckpointAndVerify() throws Exception {
        int ingest = Integer.getInteger("benchmark.ingest", 20_000);
        int entries = Integer.getInteger("benchmark.entries", 200_000);

        // 1. Through the broker: produce as fast as the producer goes, time until the last one is chained.
        long before = leaves.size();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ACKS_CONFIG, "all");
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ingest; i++) {
                AccessEvent event = event(i);
                producer.send(new ProducerRecord<>(Topic.ACCESS_EVENTS.topicName(), event.getEventId(), CanonicalForm.of(event)));
            }
        }
        while (leaves.size() < before + ingest) {
            Thread.sleep(50);
        }
        double ingestSeconds = seconds(start);
        print("ingest via Kafka", ingest, ingestSeconds);

        // 2. Straight into the chain (no broker), in transactions of BATCH appends, to build a large trail quickly.
        start = System.nanoTime();
        for (int done = 0; done < entries; done += BATCH) {
            int from = done;
            java.util.List<AccessEvent> batch = new java.util.ArrayList<>(BATCH);
            for (int i = from; i < from + BATCH; i++) {
                batch.add(event(ingest + i));
            }
            QuarkusTransaction.requiringNew().run(() -> chain.appendAll(batch));
        }
        print("appendAll without broker, " + BATCH + " per transaction", entries, seconds(start));

        // 3. Bulk-load up to the verify size with plain JDBC batches (same hashes, as the app role), to time verify on a big trail.
        int verifySize = Integer.getInteger("benchmark.verify", 0);
        if (verifySize > leaves.size()) {
            long missing = verifySize - leaves.size();
            start = System.nanoTime();
            bulkLoad(missing);
            print("bulk load (JDBC batches, hashes computed in Java)", missing, seconds(start));
        }

        long size = leaves.size();
        start = System.nanoTime();
        checkpoints.checkpoint();
        print("checkpoint (Merkle root + signature) over the trail", size, seconds(start));

        start = System.nanoTime();
        VerificationReport report = verifier.verify();
        double verifySeconds = seconds(start);
        print("verify (chain + latest checkpoint), ok=" + report.ok(), report.entriesChecked(), verifySeconds);
        System.out.printf("BENCHMARK verify extrapolated linearly to 1,000,000 entries: %.0f s%n",
                verifySeconds * 1_000_000 / report.entriesChecked());
    }

    private static void bulkLoad(long count) throws java.sql.SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class))) {
            c.setAutoCommit(false);
            long seq;
            byte[] previous;
            try (var head = c.createStatement().executeQuery("SELECT seq, entry_hash FROM access_event ORDER BY seq DESC LIMIT 1")) {
                head.next();
                seq = head.getLong(1);
                previous = head.getBytes(2);
            }
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO access_event (seq, event_id, occurred_at, actor_subject, "
                    + "actor_roles, actor_agency, purpose_of_use, purpose_reason, action, client_ids, record_ids, data_categories, service, "
                    + "endpoint, outcome, http_status, denial_reason, canonical, leaf_hash, entry_hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < count; i++) {
                    AccessEvent e = event((int) (1_000_000 + i));
                    byte[] canonical = CanonicalForm.of(e);
                    byte[] entry = org.civiclink.audit.chain.Hashes.link(canonical, previous);
                    int p = 1;
                    insert.setLong(p++, ++seq);
                    insert.setString(p++, e.getEventId());
                    insert.setObject(p++, java.time.OffsetDateTime.ofInstant(e.getOccurredAt(), java.time.ZoneOffset.UTC));
                    insert.setString(p++, e.getActor().getSubject());
                    insert.setArray(p++, c.createArrayOf("varchar", e.getActor().getRoles().toArray()));
                    insert.setString(p++, e.getActor().getAgencyCode());
                    insert.setString(p++, e.getPurposeOfUse());
                    insert.setString(p++, e.getPurposeReason());
                    insert.setString(p++, e.getAction());
                    insert.setArray(p++, c.createArrayOf("varchar", e.getClientIds().toArray()));
                    insert.setArray(p++, c.createArrayOf("varchar", e.getRecordIds().toArray()));
                    insert.setArray(p++, c.createArrayOf("varchar", e.getDataCategories().toArray()));
                    insert.setString(p++, e.getService());
                    insert.setString(p++, e.getEndpoint());
                    insert.setString(p++, e.getOutcome().name());
                    insert.setObject(p++, e.getHttpStatus(), java.sql.Types.INTEGER);
                    insert.setString(p++, e.getDenialReason());
                    insert.setBytes(p++, canonical);
                    insert.setBytes(p++, org.civiclink.audit.chain.Hashes.leaf(canonical));
                    insert.setBytes(p, entry);
                    insert.addBatch();
                    previous = entry;
                    if ((i + 1) % 5000 == 0 || i == count - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    private static AccessEvent event(int i) {
        return Accesses.read("bench-" + (i % 200), "C-" + (i % 5000), Instant.parse("2026-01-05T10:00:00Z").plusMillis(i))
                .setEventId(UUID.randomUUID().toString()).build();
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9;
    }

    private static void print(String what, long count, double seconds) {
        System.out.printf("BENCHMARK %s: %d entries in %.2f s = %.0f/s%n", what, count, seconds, count / seconds);
    }
}
