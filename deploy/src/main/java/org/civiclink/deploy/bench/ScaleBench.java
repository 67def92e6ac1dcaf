package org.civiclink.deploy.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.civiclink.deploy.simulate.PopulationSpec;
import org.civiclink.deploy.simulate.SimulatedIntakeEvents;
import org.civiclink.linkage.model.SourceRecord;

/**
 * The linker's per-event cost as what it already knows grows: for each size, a fresh linker is
 * loaded with that many simulated records (untimed), then each of the next records is timed on its
 * own. The timed records come from the same population, so some are new people and some join
 * people already known, as in production.
 */
public final class ScaleBench {

    /** One size's figures; latencies in microseconds. */
    public record Row(long known, double loadSeconds, long timed, double meanMicros, LatencyRecorder.Percentiles micros) {

        public double perSecond() {
            return meanMicros == 0 ? Double.NaN : 1e6 / meanMicros;
        }
    }

    private final Supplier<LinkerUnderTest> linkers;
    private final PopulationSpec population;
    private final int timed;
    private final PrintWriter progress;

    public ScaleBench(Supplier<LinkerUnderTest> linkers, PopulationSpec population, int timed, PrintWriter progress) {
        this.linkers = linkers;
        this.population = population;
        this.timed = timed;
        this.progress = progress;
    }

    public List<Row> run(List<Long> sizes) {
        List<Row> rows = new ArrayList<>();
        for (long known : sizes) {
            List<SourceRecord> records = records(known + timed);
            LinkerUnderTest linker = linkers.get();
            long started = System.nanoTime();
            for (int i = 0; i < known; i++) {
                linker.link(records.get(i));
            }
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            progress.printf("  %,d records known after %.1f s; timing %,d more%n", known, loadSeconds, timed);
            progress.flush();
            LatencyRecorder micros = new LatencyRecorder();
            long timedStart = System.nanoTime();
            for (int i = 0; i < timed; i++) {
                long before = System.nanoTime();
                linker.link(records.get((int) known + i));
                micros.record((System.nanoTime() - before) / 1000);
            }
            double mean = (System.nanoTime() - timedStart) / 1000.0 / timed;
            rows.add(new Row(known, loadSeconds, timed, mean, micros.percentiles()));
        }
        return rows;
    }

    /** The first {@code count} records of a population large enough to have them. */
    private List<SourceRecord> records(long count) {
        List<SourceRecord> records = new ArrayList<>((int) count);
        try {
            // Every person has at least one record, so count people are always enough.
            population.simulation(count).run(r -> {
                if (records.size() == count) {
                    throw new Enough();
                }
                records.add(toModel(r));
            });
        } catch (Enough done) {
            // stopped early on purpose
        }
        return records;
    }

    static SourceRecord toModel(org.civiclink.simulator.records.SourceRecord r) {
        return new SourceRecord(SimulatedIntakeEvents.linkageRecordId(r), r.agency(), r.firstName(), r.middleName(),
                r.lastName(), r.dateOfBirth(), r.sex(), r.ssn(), r.street(), r.city(), r.zip(), r.phone());
    }

    public static String format(String title, List<Row> rows) {
        List<String[]> table = new ArrayList<>();
        for (Row row : rows) {
            table.add(BenchTable.row(String.format(Locale.ROOT, "%,d known", row.known()), String.format(Locale.ROOT,
                    "mean %.0f us/event (%s events/s); p50 %.0f us, p95 %.0f us, p99 %.0f us over %,d records; load %.1f s",
                    row.meanMicros(), BenchTable.rate(row.perSecond()), row.micros().p50(), row.micros().p95(),
                    row.micros().p99(), row.timed(), row.loadSeconds())));
        }
        return BenchTable.render(title, "records known", "cost of linking one more record", table);
    }

    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
