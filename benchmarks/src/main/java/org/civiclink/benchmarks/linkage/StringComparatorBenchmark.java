package org.civiclink.benchmarks.linkage;

import java.util.concurrent.TimeUnit;

import org.civiclink.linkage.model.compare.StringSimilarity;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The string comparators the comparison levels call, on typical name pairs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StringComparatorBenchmark {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    @Param({"THOMPSON|THOMSPON", "GARCIA LOPEZ|LOPEZ", "CHRISTOPHER|KRISTOFER"})
    public String pair;

    private String a;
    private String b;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        String[] parts = pair.split("\\|");
        a = parts[0];
        b = parts[1];
    }

    @Benchmark
    public double jaroWinkler() {
        return StringSimilarity.jaroWinkler(a, b);
    }

    @Benchmark
    public boolean damerauWithinOne() {
        return StringSimilarity.damerauWithin(a, b, 1);
    }

    @Benchmark
    public boolean sharesPart() {
        return StringSimilarity.sharesPart(a, b);
    }

    @Benchmark
    public String doubleMetaphone() {
        return METAPHONE.doubleMetaphone(a);
    }
}
