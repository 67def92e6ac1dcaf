package org.civiclink.deploy.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.civiclink.deploy.simulate.IntakePublisher;
import org.civiclink.deploy.simulate.SimulatedIntakeEvents;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.Referral;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.simulator.quality.LinkageQuality;
import org.civiclink.simulator.records.SourceRecord;

/**
 * One bench run against a running stack: watch the output topics from their current end, publish a
 * simulated population, wait until it is linked and the stack is quiet, score the final partition
 * against the ground truth, then replay the run's accepted events through the pass-through topology.
 *
 * <p>Record ids carry a run tag, so every run links fresh records even on a stack that has seen the
 * same seed before (the linker may still join them to the earlier copies of the same people; only
 * this run's records are scored).
 */
public final class BenchRun {

    private static final AvroCodec<IntakeEvent> ACCEPTED = AvroCodec.of(IntakeEvent.class);
    private static final AvroCodec<LinkedEvent> LINKED = AvroCodec.of(LinkedEvent.class);
    private static final AvroCodec<ClientUpdate> UPDATES = AvroCodec.of(ClientUpdate.class);
    private static final AvroCodec<Referral> REFERRALS = AvroCodec.of(Referral.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration ACCEPTED_FETCH_WAIT = Duration.ofMillis(200);

    private final BenchSettings settings;
    private final String command;
    private final PrintWriter progress;
    private final String runTag = "b" + Long.toString(System.currentTimeMillis(), 36);

    public BenchRun(BenchSettings settings, String command, PrintWriter progress) {
        this.settings = settings;
        this.command = command;
        this.progress = progress;
    }

    /** Marks a simulated record as this run's: {@code <tag>-<recordId>}. */
    static SourceRecord tagged(SourceRecord r, String runTag) {
        return new SourceRecord(runTag + "-" + r.recordId(), r.agency(), r.firstName(), r.middleName(), r.lastName(),
                r.dateOfBirth(), r.sex(), r.ssn(), r.street(), r.city(), r.zip(), r.phone(), r.personId());
    }

    /** True for this run's linkage record ids ({@code agency:<tag>-...}) and accepted-topic keys (the same form). */
    static boolean ofRun(String recordId, String runTag) {
        int colon = recordId.indexOf(':');
        return colon >= 0 && recordId.startsWith(runTag + "-", colon + 1);
    }

    public BenchReport run() {
        String bootstrap = settings.target().bootstrapServers();
        Map<TopicPartition, Long> acceptedFrom = TopicWatcher.endOffsets(bootstrap, Topic.INTAKE_ACCEPTED);
        String eventPrefix = runTag + "-";

        ThroughputMeter accepted = new ThroughputMeter();
        ThroughputMeter linked = new ThroughputMeter();
        LatencyRecorder intakeToAccepted = new LatencyRecorder();
        LatencyRecorder intakeToLinked = new LatencyRecorder();
        InboxLatency inbox = new InboxLatency();
        FinalPartition partition = new FinalPartition(recordId -> ofRun(recordId, runTag));
        Set<String> linkedEvents = new HashSet<>();
        Map<String, String> truth = new HashMap<>();
        IntakePublisher.Summary published;

        // Intake writes accepted events one per produce request, so this watcher lets the broker fill its fetches; its
        // latency row uses the record's timestamp (set by intake's producer when it sent the event), not when bench saw it.
        try (TopicWatcher acceptedWatcher = new TopicWatcher(bootstrap, Topic.INTAKE_ACCEPTED, acceptedFrom,
                     ACCEPTED_FETCH_WAIT, (record, seenAt) -> {
                 if (record.key() != null && ofRun(record.key(), runTag)) {
                     accepted.mark();
                     intakeToAccepted.record(record.timestamp() - ACCEPTED.decode(record.value()).getReceivedAt().toEpochMilli());
                 }
             });
             TopicWatcher linkedWatcher = new TopicWatcher(bootstrap, Topic.LINKED_EVENTS,
                     TopicWatcher.endOffsets(bootstrap, Topic.LINKED_EVENTS), (record, seenAt) -> {
                 LinkedEvent event = LINKED.decode(record.value());
                 if (!event.getEvent().getAgencyEventId().startsWith(eventPrefix)) {
                     return;
                 }
                 long receivedAt = event.getEvent().getReceivedAt().toEpochMilli();
                 // A linker may publish an event again (e.g. after a merge); time and count its first appearance.
                 if (linkedEvents.add(event.getEvent().getAgencyCode() + ":" + event.getEvent().getAgencyEventId())) {
                     linked.mark();
                     intakeToLinked.record(seenAt - receivedAt);
                 }
                 inbox.linkedEvent(event.getClientId(), receivedAt);
                 partition.linked(event.getRecordId(), event.getClientId(), event.getLinkedAt().toEpochMilli());
             });
             TopicWatcher updateWatcher = new TopicWatcher(bootstrap, Topic.CLIENT_UPDATES,
                     TopicWatcher.endOffsets(bootstrap, Topic.CLIENT_UPDATES),
                     (record, seenAt) -> partition.update(UPDATES.decode(record.value())));
             TopicWatcher referralWatcher = new TopicWatcher(bootstrap, Topic.REFERRALS,
                     TopicWatcher.endOffsets(bootstrap, Topic.REFERRALS), (record, seenAt) -> {
                 Referral referral = REFERRALS.decode(record.value());
                 inbox.referral(referral.getClientId(), referral.getCreatedAt().toEpochMilli(), seenAt);
             })) {

            progress.printf("bench run %s: publishing %d people via %s to %s%n", runTag, settings.people(), settings.channel(),
                    settings.channel().describe(settings.target()));
            progress.flush();
            try (IntakePublisher publisher = settings.channel().open(settings.target(), eventPrefix)) {
                settings.population().simulation(settings.people()).run(record -> {
                    SourceRecord mine = tagged(record, runTag);
                    truth.put(SimulatedIntakeEvents.linkageRecordId(mine), mine.personId());
                    publisher.publish(mine);
                });
                published = publisher.finish();
            }
            progress.printf("published %d events in %.1f s (%s, failures %d); waiting for the linker%n", published.sent(),
                    published.seconds(), published.outcomes(), published.failures());
            progress.flush();

            awaitLinked(published.sent() - published.failures(), linked, accepted, linkedWatcher, acceptedWatcher);
            awaitQuiet(updateWatcher, referralWatcher, linkedWatcher);
            for (TopicWatcher watcher : new TopicWatcher[] {acceptedWatcher, linkedWatcher, updateWatcher, referralWatcher}) {
                watcher.check();
            }
        }

        progress.printf("linked %d of %d accepted events; replaying them through the pass-through topology%n",
                linked.count(), accepted.count());
        progress.flush();
        PassThroughTopology.Result passThrough = new PassThroughTopology(bootstrap, runTag)
                .run(acceptedFrom, settings.passThroughTimeout());

        double acceptedRate = accepted.perSecond();
        double linkedRate = linked.perSecond();
        // Saturated when the linker fell behind intake: then its rate is its capacity, not the offered load.
        boolean saturated = linkedRate < 0.9 * acceptedRate;
        return new BenchReport(command, settings.people(), truth.size(), published, accepted.count(), acceptedRate,
                linked.count(), linkedRate, intakeToAccepted.percentiles(), intakeToLinked.percentiles(), inbox.result(),
                LinkageQuality.measure(truth, partition.result()), passThrough, saturated);
    }

    /**
     * Until every published event is linked; or every accepted one is, and intake has been quiet for
     * the settle time (the rest were refused or dead-lettered); or nothing was linked or accepted for
     * the idle timeout.
     */
    private void awaitLinked(long expected, ThroughputMeter linked, ThroughputMeter accepted,
                             TopicWatcher linkedWatcher, TopicWatcher acceptedWatcher) {
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (linked.count() < expected) {
            if (accepted.count() > 0 && linked.count() >= accepted.count()
                    && acceptedWatcher.idle().compareTo(settings.settle()) >= 0) {
                progress.printf("all %d accepted events linked; %d published events were not accepted%n",
                        accepted.count(), expected - accepted.count());
                progress.flush();
                return;
            }
            Duration idle = linkedWatcher.idle().compareTo(acceptedWatcher.idle()) < 0 ? linkedWatcher.idle() : acceptedWatcher.idle();
            if (idle.compareTo(settings.idleTimeout()) > 0) {
                progress.printf("nothing new for %d s: stopping with %d of %d events linked%n",
                        settings.idleTimeout().toSeconds(), linked.count(), expected);
                progress.flush();
                return;
            }
            if (System.nanoTime() > nextProgress) {
                progress.printf("  linked %d of %d%n", linked.count(), expected);
                progress.flush();
                nextProgress += PROGRESS_EVERY.toNanos();
            }
            sleep(100);
        }
    }

    /** Until the linker's late changes (merges, splits) and the referrals have stopped coming. */
    private void awaitQuiet(TopicWatcher... watchers) {
        long deadline = System.nanoTime() + settings.idleTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            boolean quiet = true;
            for (TopicWatcher watcher : watchers) {
                quiet &= watcher.idle().compareTo(settings.settle()) >= 0;
            }
            if (quiet) {
                return;
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
