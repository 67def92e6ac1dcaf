package org.civiclink.deploy.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.civiclink.deploy.StackException;
import org.civiclink.deploy.http.Http;
import org.civiclink.deploy.security.DevTokens;

/**
 * The demo feed: a few fictitious intake events about one person as several agencies recorded
 * her, plus one unrelated person. The shelter entry is what the first rule turns into a referral.
 * Dates move to the present when posted (see {@link DemoDates}).
 * Files are listed in {@code demo/index.txt} (a classpath folder inside a jar cannot be listed),
 * in the order they are posted.
 */
public final class DemoFeed {

    public enum Outcome { LOADED, ALREADY_LOADED }

    public record Posted(DemoEvent event, int status, Outcome outcome) {
    }

    private static final String FOLDER = "demo/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<DemoEvent> events;

    private DemoFeed(List<DemoEvent> events) {
        this.events = List.copyOf(events);
    }

    public static DemoFeed fromClasspath() {
        List<DemoEvent> events = new ArrayList<>();
        for (String line : read(FOLDER + "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            events.add(parse(FOLDER + name, read(FOLDER + name)));
        }
        return new DemoFeed(events);
    }

    public List<DemoEvent> events() {
        return events;
    }

    /**
     * Posts every event as its agency's system would. A 409 means intake already has the event
     * (a restart with kept state), which is fine.
     */
    public List<Posted> postTo(URI intakeBaseUrl) {
        Http http = new Http(Duration.ofSeconds(15));
        URI endpoint = URI.create(intakeBaseUrl + "/v1/events");
        long shiftDays = DemoDates.daysToShift(Instant.now());
        List<Posted> posted = new ArrayList<>();
        for (DemoEvent event : events) {
            Map<String, String> headers = Map.of(
                    "Authorization", "Bearer " + DevTokens.agencySystem(event.agencyCode()),
                    "Purpose-Of-Use", "TREATMENT");
            Http.Response response;
            try {
                response = http.postJson(endpoint, DemoDates.shift(event.json(), shiftDays), headers);
            } catch (IOException e) {
                throw new StackException("Cannot post demo event " + event.resource() + " to " + endpoint + ": " + e.getMessage(), e);
            }
            if (response.status() == 200 || response.status() == 202) {
                posted.add(new Posted(event, response.status(), Outcome.LOADED));
            } else if (response.status() == 409) {
                posted.add(new Posted(event, response.status(), Outcome.ALREADY_LOADED));
            } else {
                throw new StackException("intake-service refused demo event " + event.resource() + " with HTTP "
                        + response.status() + ": " + abbreviate(response.body()));
            }
        }
        return posted;
    }

    static DemoEvent parse(String resource, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return new DemoEvent(resource, required(root, "agencyCode", resource), required(root, "agencyEventId", resource),
                    required(root, "eventType", resource), json);
        } catch (IOException e) {
            throw new IllegalStateException("Demo event " + resource + " is not valid JSON", e);
        }
    }

    private static String required(JsonNode root, String field, String resource) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("Demo event " + resource + " has no " + field);
        }
        return value.asText();
    }

    private static String read(String resource) {
        try (InputStream in = DemoFeed.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the launcher's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 500 ? flat : flat.substring(0, 500) + "...";
    }
}
