package org.civiclink.recommendation.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.KafkaBroker;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.SseClient;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.recommendation.referral.ReferralProposer;
import org.civiclink.recommendation.referral.Referrals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Linked-event-to-inbox latency at a steady rate: LinkedEvents (a shelter entry of a new client, which
 * the shelter-entry rule turns into a referral) are written to the linked-events topic at a fixed
 * rate, and each is timed until its referral arrives as a server-sent event on a caseworker's inbox
 * stream. Prints figures; asserts nothing about speed. Excluded from the normal build (tag
 * "benchmark"); run it with
 * {@code mvn -B -o verify -pl recommendation-service -Dtest=InboxLatencyBenchmark -Drecommendation.excludedGroups=none}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class InboxLatencyBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int WARMUP_S = Integer.getInteger("bench.warmup.s", 10);
    private static final int RUN_S = Integer.getInteger("bench.run.s", 60);
    private static final Duration DRAIN = Duration.ofSeconds(Integer.getInteger("bench.drain.s", 120));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AvroCodec<LinkedEvent> CODEC = AvroCodec.of(LinkedEvent.class);

    @TestHTTPResource("/v1/inbox/stream")
    URI stream;

    @Inject
    ReferralProposer proposer;

    @Test
    void steadyRateToServerSentEvent() throws Exception {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (SseClient sse = SseClient.open(stream, DevTokenIssuer.issue("cw-bench", "DHS-SHELTER", "caseworker"), "REFERRAL");
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                     ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
            phase(run + "-warm", WARMUP_S, producer, sse, false);
            phase(run, RUN_S, producer, sse, true);
        }
    }

    /** The proposer's share of the linked-event consumer's cost: one transaction per call, as the consumer makes it. */
    @Test
    void proposerAlone() {
        int calls = Integer.getInteger("bench.propose.calls", 2000);
        String run = "bench-p-" + UUID.randomUUID().toString().substring(0, 8);
        long[] took = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            proposer.propose(run + "-C" + i, "BENCH-TEAM", List.of(Referrals.match("benefits-screening")), false);
            took[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(took);
        System.out.printf("BENCH recommendation ReferralProposer.propose (new referral + outbox row, one transaction): %d calls in %.1f s, "
                        + "%.0f /s, p50 %.1f ms, p99 %.1f ms%n",
                calls, seconds, calls / seconds, took[calls / 2] / 1e6, took[(int) Math.ceil(calls * 0.99) - 1] / 1e6);
    }

    private void phase(String run, int seconds, KafkaProducer<String, byte[]> producer, SseClient sse, boolean print) throws Exception {
        int total = RATE * seconds;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> sentWall = new ConcurrentHashMap<>();
        long[] toProposed = new long[total];
        long[] proposedToInbox = new long[total];
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            String clientId = run + "-C" + i;
            sentAt.put(clientId, System.nanoTime());
            sentWall.put(clientId, System.currentTimeMillis());
            producer.send(new ProducerRecord<>(Topic.LINKED_EVENTS.topicName(), clientId, CODEC.encode(linked(clientId))));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        long[] latencies = new long[total];
        int received = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) + DRAIN.toNanos();
        while (received < total && System.nanoTime() < deadline) {
            SseClient.Received item = sse.received().poll(200, TimeUnit.MILLISECONDS);
            if (item == null || !item.data().contains(run + "-C")) {
                continue;
            }
            JsonNode json = JSON.readTree(item.data());
            String clientId = json.at("/referral/clientId").asText();
            Long sent = sentAt.remove(clientId);
            if ("REFERRAL".equals(json.get("kind").asText()) && sent != null) {
                // Split at the referral's creation (the proposer's clock, same machine): consumer side vs inbox side.
                long created = Instant.parse(json.at("/referral/createdAt").asText()).toEpochMilli();
                long receivedWall = System.currentTimeMillis() - (System.nanoTime() - item.nanoTime()) / 1_000_000;
                toProposed[received] = Math.max(0, created - sentWall.get(clientId)) * 1_000_000;
                proposedToInbox[received] = Math.max(0, receivedWall - created) * 1_000_000;
                latencies[received++] = item.nanoTime() - sent;
            }
        }
        pacer.shutdownNow();
        double offeredSeconds = Math.min(System.nanoTime() - start, TimeUnit.SECONDS.toNanos(seconds)) / 1e9;
        if (!print) {
            return;
        }
        long[] measured = Arrays.copyOf(latencies, received);
        Arrays.sort(measured);
        System.out.printf("BENCH recommendation linked event -> inbox SSE: offered %d events/s for %d s (%d events, %.1f s), "
                        + "received %d; p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                RATE, seconds, total, offeredSeconds, received,
                percentile(measured, 50), percentile(measured, 90), percentile(measured, 99),
                measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1e6);
        long[] first = Arrays.copyOf(toProposed, received);
        long[] second = Arrays.copyOf(proposedToInbox, received);
        Arrays.sort(first);
        Arrays.sort(second);
        System.out.printf("BENCH recommendation stages: linked event -> referral stored p50 %.0f ms, p99 %.0f ms; "
                        + "referral stored -> SSE received p50 %.0f ms, p99 %.0f ms%n",
                percentile(first, 50), percentile(first, 99), percentile(second, 50), percentile(second, 99));
        System.out.printf("BENCH recommendation: %d of %d referrals not received within the drain time%n", total - received, total);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static LinkedEvent linked(String clientId) {
        String agencyRecordId = "rec-" + clientId;
        return LinkedEvent.newBuilder()
                .setClientId(clientId)
                .setRecordId("DHS-SHELTER:" + agencyRecordId)
                .setLinkedAt(Instant.now())
                .setEvent(TestEvents.intake("DHS-SHELTER", "e-" + clientId, "shelter.entry", agencyRecordId,
                        "Ana", "Diaz", "1980-02-02", TestEvents.fact("DHS-SHELTER", "housing", "shelter-entry", "housing")))
                .build();
    }
}
