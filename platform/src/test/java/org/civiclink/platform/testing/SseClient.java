package org.civiclink.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A minimal server-sent-events client for tests: collects "data:" lines with the time they arrived. */
public final class SseClient implements AutoCloseable {

    public record Received(String data, long nanoTime) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(() -> response.body().forEach(line -> {
            if (line.startsWith("data:")) {
                received.add(new Received(line.substring(5).strip(), System.nanoTime()));
            }
        }), "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Returns once the server has answered with its headers, i.e. the stream is subscribed. */
    public static SseClient open(URI uri, String token, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (purpose != null) {
            request.header("Purpose-Of-Use", purpose);
        }
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            return new SseClient(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    /** The first data line matching, waiting up to the timeout; fails otherwise. */
    public Received await(Predicate<String> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Received next = received.poll(100, TimeUnit.MILLISECONDS);
                if (next != null && matching.test(next.data())) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No matching server-sent event within " + timeout);
    }

    public BlockingQueue<Received> received() {
        return received;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
