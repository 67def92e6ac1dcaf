package org.civiclink.deploy.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;
import org.civiclink.deploy.security.DevTokens;
import org.civiclink.simulator.records.SourceRecord;

/**
 * Posts simulated records to intake-service at a steady rate. Latency is measured from when each
 * request was due, not when it left, so a slow server cannot hide its backlog (coordinated omission).
 */
public final class RestPublisher implements IntakePublisher {

    public record Result(long sent, Map<Integer, Long> statuses, long failures, double seconds, double p50Millis,
                         double p99Millis, double maxMillis) implements Summary {

        @Override
        public String outcomes() {
            return "HTTP statuses " + statuses;
        }
    }

    private final URI endpoint;
    private final Pacer pacer;
    private final String eventIdPrefix;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService workers;
    private final Semaphore inFlight;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final Recorder latencies = new Recorder(3);

    /** @param rate events per second; 0 means as fast as {@code concurrency} connections allow */
    public RestPublisher(URI intakeBaseUrl, double rate, int concurrency, String eventIdPrefix) {
        this.endpoint = intakeBaseUrl.resolve("/v1/events");
        this.pacer = new Pacer(rate);
        this.eventIdPrefix = eventIdPrefix;
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.inFlight = new Semaphore(concurrency);
    }

    @Override
    public void publish(SourceRecord record) {
        long due = pacer.awaitNext();
        inFlight.acquireUninterruptibly();
        String body = IntakeEventJson.of(SimulatedIntakeEvents.of(record, eventIdPrefix, Instant.now()));
        String token = tokens.computeIfAbsent(record.agency(), DevTokens::agencySystem);
        workers.execute(() -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Purpose-Of-Use", "TREATMENT")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                statuses.merge(status, 1L, Long::sum);
            } catch (Exception e) {
                failures.incrementAndGet();
            } finally {
                latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                inFlight.release();
            }
        });
    }

    @Override
    public Result finish() {
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var histogram = latencies.getIntervalHistogram();
        return new Result(pacer.count(), Map.copyOf(statuses), failures.get(), pacer.elapsedSeconds(),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
