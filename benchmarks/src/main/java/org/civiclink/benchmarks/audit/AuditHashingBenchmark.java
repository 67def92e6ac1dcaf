package org.civiclink.benchmarks.audit;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.civiclink.audit.chain.CanonicalForm;
import org.civiclink.audit.chain.Hashes;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.AccessOutcome;
import org.civiclink.events.Actor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-entry work audit-service does when it appends to the trail (ChainAppender): the
 * canonical bytes of an AccessEvent, its RFC 9162 leaf hash and the chain link to the previous
 * entry; and the three together, which bound how many entries one appender thread can chain.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditHashingBenchmark {

    private AccessEvent event;
    private byte[] canonical;
    private byte[] previousEntryHash;

    @Setup
    public void setUp() {
        // A caseworker's read of one client: the common entry, a few hundred bytes once encoded.
        event = AccessEvent.newBuilder()
                .setEventId("6f1c2a9e-3b7d-4c51-9a0e-2d8f4b6c1e73")
                .setOccurredAt(Instant.parse("2026-12-01T14:03:27.412Z"))
                .setActor(Actor.newBuilder().setSubject("caseworker-0042").setRoles(List.of("caseworker"))
                        .setAgencyCode("DHS-SHELTER").build())
                .setPurposeOfUse("TREATMENT")
                .setAction("READ")
                .setClientIds(List.of("cl-7d3f9a21"))
                .setRecordIds(List.of("DHS-SHELTER:DHS-SHELTER-1834", "HRA:HRA-99120", "HHC:HHC-5521"))
                .setDataCategories(List.of("housing", "benefits", "health"))
                .setService("linkage-service")
                .setEndpoint("GET /v1/clients/{clientId}")
                .setOutcome(AccessOutcome.PERMITTED)
                .setHttpStatus(200)
                .build();
        canonical = CanonicalForm.of(event);
        previousEntryHash = Hashes.leaf(canonical);
    }

    @Benchmark
    public byte[] canonicalForm() {
        return CanonicalForm.of(event);
    }

    @Benchmark
    public byte[] leafHash() {
        return Hashes.leaf(canonical);
    }

    @Benchmark
    public byte[] chainLink() {
        return Hashes.link(canonical, previousEntryHash);
    }

    /** Everything ChainAppender computes for one entry. */
    @Benchmark
    public void appendEntry(Blackhole blackhole) {
        byte[] bytes = CanonicalForm.of(event);
        blackhole.consume(Hashes.leaf(bytes));
        blackhole.consume(Hashes.link(bytes, previousEntryHash));
    }
}
