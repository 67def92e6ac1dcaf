package org.civiclink.benchmarks.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.PairScore;
import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.StandardizedRecord;
import org.civiclink.simulator.Simulation;
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

/**
 * The linkage model's hot paths on simulated records: standardizing a record, scoring a candidate pair (half
 * of them neighbours in the stream, so often the same household or person, half random), the binary round trip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PairScoringBenchmark {

    private static final int PAIRS = 4096;

    private LinkageModel model;
    private List<SourceRecord> sources;
    private StandardizedRecord[] left;
    private StandardizedRecord[] right;
    private byte[][] encoded;
    private int next;

    @Setup
    public void setUp() {
        model = LinkageModel.defaultModel();
        sources = new ArrayList<>();
        Simulation.of(1, 5000).run(r -> sources.add(new SourceRecord(r.recordId(), r.agency(), r.firstName(), r.middleName(),
                r.lastName(), r.dateOfBirth(), r.sex(), r.ssn(), r.street(), r.city(), r.zip(), r.phone())));
        List<StandardizedRecord> records = sources.stream().map(model::standardize).toList();
        SplittableRandom random = new SplittableRandom(3);
        left = new StandardizedRecord[PAIRS];
        right = new StandardizedRecord[PAIRS];
        encoded = new byte[PAIRS][];
        for (int p = 0; p < PAIRS; p++) {
            int i = random.nextInt(records.size() - 3);
            left[p] = records.get(i);
            right[p] = records.get(random.nextBoolean() ? i + 1 + random.nextInt(2) : random.nextInt(records.size()));
            encoded[p] = model.encode(left[p]);
        }
    }

    private int nextIndex() {
        next = (next + 1) & (PAIRS - 1);
        return next;
    }

    @Benchmark
    public PairScore score() {
        int p = nextIndex();
        return model.score(left[p], right[p], GenericValues.none());
    }

    @Benchmark
    public StandardizedRecord standardize() {
        return model.standardize(sources.get(nextIndex() % sources.size()));
    }

    @Benchmark
    public StandardizedRecord decode() {
        return model.decode(encoded[nextIndex()]);
    }

    @Benchmark
    public List<String> blockingKeys() {
        return model.blockingKeys(left[nextIndex()], GenericValues.none());
    }
}
