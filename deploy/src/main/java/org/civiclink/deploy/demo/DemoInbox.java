package org.civiclink.deploy.demo;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.civiclink.deploy.StackException;
import org.civiclink.deploy.http.Http;

/**
 * Waits for the demo feed to come out the other end: a referral in a caseworker's inbox proves
 * intake, linkage and recommendation are wired together.
 */
public final class DemoInbox {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoInbox() {
    }

    /** @return the referral id of the first inbox item */
    public static String awaitFirstReferralId(URI recommendationBaseUrl, String caseworkerToken, Duration timeout) {
        Http http = new Http(Duration.ofSeconds(5));
        URI inbox = URI.create(recommendationBaseUrl + "/v1/inbox");
        Map<String, String> headers = Map.of("Authorization", "Bearer " + caseworkerToken, "Purpose-Of-Use", "REFERRAL");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Http.Response response = http.get(inbox, headers);
                last = "HTTP " + response.status() + ": " + DemoFeed.abbreviate(response.body());
                if (response.status() == 200) {
                    Optional<String> id = firstReferralId(response.body());
                    if (id.isPresent()) {
                        return id.get();
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            sleep();
        }
        throw new StackException("No referral reached the caseworker inbox " + inbox + " within " + timeout.toSeconds()
                + " s (last answer: " + last + "). See the service logs for where the demo events stopped.");
    }

    /** The first item's {@code referralId} (or {@code id}); empty while {@code items} is empty. */
    static Optional<String> firstReferralId(String body) {
        try {
            JsonNode items = JSON.readTree(body).path("items");
            if (!items.isArray() || items.isEmpty()) {
                return Optional.empty();
            }
            JsonNode first = items.get(0);
            JsonNode id = first.hasNonNull("referralId") ? first.get("referralId") : first.path("id");
            return id.isMissingNode() || id.isNull() ? Optional.empty() : Optional.of(id.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the demo referral");
        }
    }
}
