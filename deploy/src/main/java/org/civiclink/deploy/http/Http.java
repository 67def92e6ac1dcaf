package org.civiclink.deploy.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The few HTTP calls the launcher makes: health probes, the demo feed, the inbox. */
public final class Http {

    public record Response(int status, String body) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    public Http(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(requestTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Response get(URI uri, Map<String, String> headers) throws IOException {
        return send(request(uri, headers).GET().build());
    }

    public Response postJson(URI uri, String json, Map<String, String> headers) throws IOException {
        return send(request(uri, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A GET that treats "nothing listens there" as an empty answer instead of an error. */
    public Optional<Response> tryGet(URI uri, Map<String, String> headers) {
        try {
            return Optional.of(get(uri, headers));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
