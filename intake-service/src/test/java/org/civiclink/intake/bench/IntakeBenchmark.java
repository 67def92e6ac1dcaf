package org.civiclink.intake.bench;

import static org.civiclink.intake.IntakeTestSupport.SHELTER_TOKEN;
import static org.civiclink.intake.IntakeTestSupport.asShelter;
import static org.civiclink.intake.IntakeTestSupport.event;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.events.wire.AvroSerde;
import org.civiclink.platform.testing.KafkaBroker;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TestEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sustained accepted events per second, with latency percentiles, through REST and through the raw
 * Kafka topic. Prints figures; asserts nothing about speed. Excluded from the normal build
 * (tag "benchmark"); run it with
 * {@code mvn -B -o verify -pl intake-service -Dtest=IntakeBenchmark -Dintake.excludedGroups=none}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class IntakeBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final Duration REST_WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup.s", 10));
    private static final Duration REST_RUN = Duration.ofSeconds(Integer.getInteger("bench.run.s", 30));
    private static final int KAFKA_EVENTS = Integer.getInteger("bench.kafka.events", 10_000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean JDK_CLIENT = !"restassured".equals(System.getProperty("bench.client", "jdk"));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/v1/events")
    URL eventsUrl;

    @Test
    void restSingleEvents() throws Exception {
        runRest(REST_WARMUP);
        long[] accepted = new long[2];
        long cpu0 = processCpuNanos();
        Histogram latency = runRest(REST_RUN, accepted);
        long cpu = processCpuNanos() - cpu0;
        System.out.printf("BENCH intake REST POST /v1/events (%s client): %d clients, %d s: %.0f accepted events/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                JDK_CLIENT ? "JDK HttpClient" : "RestAssured", CLIENTS, REST_RUN.toSeconds(), accepted[0] / (double) REST_RUN.toSeconds(),
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
        printCpu("REST", cpu, accepted[1], accepted[0]);
    }

    @Test
    void rawKafkaTopic() throws Exception {
        String run = "bench-raw-" + UUID.randomUUID();
        AvroCodec<IntakeEvent> codec = AvroCodec.of(IntakeEvent.class);
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5);
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, run, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        try (KafkaConsumer<String, IntakeEvent> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                AvroSerde.of(IntakeEvent.class));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(Topic.INTAKE_ACCEPTED.topicName()));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);

            long start = System.nanoTime();
            long cpu0 = processCpuNanos();
            for (int i = 0; i < KAFKA_EVENTS; i++) {
                String id = run + "-" + i;
                IntakeEvent event = TestEvents.intake("HRA", id, "benefit.applied", "H-B" + (i % 500), "Ana", "Reyes", "1980-01-01",
                        TestEvents.fact("HRA", "benefits", "snap-applied", "benefits"));
                producer.send(new ProducerRecord<>(Topic.INTAKE_RAW.topicName(), "HRA:" + id, codec.encode(event)));
            }
            producer.flush();
            int seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (seen < KAFKA_EVENTS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, IntakeEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value().getAgencyEventId().startsWith(run)) {
                        seen++;
                        // receivedAt is intake's clock on the same machine: raw write to accepted write.
                        latency.recordValue(Math.max(0, (record.timestamp() - record.value().getReceivedAt().toEpochMilli()) * 1000));
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = processCpuNanos() - cpu0;
            System.out.printf("BENCH intake Kafka raw -> accepted: %d events in %.1f s: %.0f accepted events/s "
                            + "(intake receive -> accepted write p50 %.1f ms, p99 %.1f ms)%n",
                    seen, seconds, seen / seconds, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0);
            printCpu("Kafka", cpu, 0, seen);
        }
    }

    /**
     * CPU time per accepted event of this JVM (intake, the in-process broker and the load generator;
     * PostgreSQL runs in its own processes), a figure that other processes' load disturbs far less
     * than events per second.
     */
    private static void printCpu(String path, long jvmCpuNanos, long loadGeneratorCpuNanos, long events) {
        if (events == 0) {
            return;
        }
        System.out.printf("BENCH intake %s CPU per accepted event: test JVM %.2f ms, of which load generator %.2f ms "
                        + "(machine load average %.1f)%n", path, jvmCpuNanos / 1e6 / events, loadGeneratorCpuNanos / 1e6 / events,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * One request, by default through a shared JDK client that keeps its connections open as an agency
     * system would. RestAssured ({@code -Dbench.client=restassured}, the generator of the first figures)
     * opens a connection per request and costs several milliseconds of CPU per request in Groovy on the
     * machine it is measuring.
     */
    private int post(String body) throws Exception {
        if (!JDK_CLIENT) {
            return asShelter().body(body).post("/v1/events").statusCode();
        }
        HttpRequest request = HttpRequest.newBuilder(eventsUrl.toURI())
                .header("Authorization", "Bearer " + SHELTER_TOKEN)
                .header("Content-Type", "application/json")
                .header("Purpose-Of-Use", "TREATMENT")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Histogram runRest(Duration duration) throws Exception {
        return runRest(duration, new long[1]);
    }

    private Histogram runRest(Duration duration, long[] acceptedOut) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        String run = "bench-rest-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; System.nanoTime() < end; i++) {
                        String body = event("DHS-SHELTER", run + "-" + client + "-" + i, "S-B" + (i % 500));
                        long t0 = System.nanoTime();
                        int status = post(body);
                        recorder.recordValue((System.nanoTime() - t0) / 1000);
                        if (status == 202) {
                            accepted.incrementAndGet();
                        }
                    }
                    clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        acceptedOut[0] = accepted.get();
        if (acceptedOut.length > 1) {
            acceptedOut[1] = clientCpu.get();
        }
        return recorder.getIntervalHistogram();
    }
}
