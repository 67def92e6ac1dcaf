package org.civiclink.deploy.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Intake-to-inbox latency. A Referral does not name the event that caused it, so each referral is
 * matched to the latest event of its client that intake received at or before the referral's
 * createdAt; the latency runs from that event's receivedAt to the moment bench saw the referral on
 * the referrals topic. Referrals of clients without an event of this run are not this run's and are
 * left out.
 */
public final class InboxLatency {

    /** @param referrals referrals of this run's clients; matched ones have a latency */
    public record Result(LatencyRecorder.Percentiles latency, long referrals, long matched) {
    }

    private record Referral(String clientId, long createdAtMillis, long observedAtMillis) {
    }

    private final Map<String, TreeSet<Long>> receivedByClient = new HashMap<>();
    private final List<Referral> referrals = new ArrayList<>();

    public synchronized void linkedEvent(String clientId, long receivedAtMillis) {
        receivedByClient.computeIfAbsent(clientId, k -> new TreeSet<>()).add(receivedAtMillis);
    }

    public synchronized void referral(String clientId, long createdAtMillis, long observedAtMillis) {
        referrals.add(new Referral(clientId, createdAtMillis, observedAtMillis));
    }

    /** Matches at the end, because a referral can be seen before the linked event that caused it. */
    public synchronized Result result() {
        LatencyRecorder latencies = new LatencyRecorder();
        long ours = 0;
        long matched = 0;
        for (Referral referral : referrals) {
            TreeSet<Long> received = receivedByClient.get(referral.clientId());
            if (received == null) {
                continue;
            }
            ours++;
            Long cause = received.floor(referral.createdAtMillis());
            if (cause != null) {
                matched++;
                latencies.record(referral.observedAtMillis() - cause);
            }
        }
        return new Result(latencies.percentiles(), ours, matched);
    }
}
