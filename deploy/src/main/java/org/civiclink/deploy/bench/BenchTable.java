package org.civiclink.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.civiclink.simulator.quality.QualityReport;
import org.civiclink.simulator.quality.QualityTable;

/** The one table {@code ./civiclink bench} prints; docs/benchmarks.md explains each row. */
public final class BenchTable {

    private BenchTable() {
    }

    public static String format(BenchReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("records published", r.records() + " (" + r.people() + " people), " + rate(r.published().perSecond())
                + " events/s, failures " + r.published().failures()));
        rows.add(row("accepted events/s", rate(r.acceptedPerSecond()) + " (" + r.accepted() + " events)"));
        rows.add(row("linked events/s", rate(r.linkedPerSecond()) + " (" + r.linked() + " events)"));
        rows.add(row("pass-through events/s", rate(r.passThrough().perSecond()) + " (" + r.passThrough().processed() + " of "
                + r.passThrough().expected() + " events)"));
        rows.add(row("linked / pass-through", ratio(r.ratio()) + (r.linkerSaturated() ? "" : " (linker kept pace with intake: lower bound)")));
        rows.add(row("intake-to-accepted ms p50/p95/p99", percentiles(r.intakeToAccepted())));
        rows.add(row("intake-to-linked ms p50/p95/p99", percentiles(r.intakeToLinked())));
        rows.add(row("intake-to-inbox ms p50/p95/p99", percentiles(r.intakeToInbox().latency()) + " ("
                + r.intakeToInbox().matched() + " of " + r.intakeToInbox().referrals() + " referrals)"));
        QualityReport q = r.quality();
        rows.add(row("pairwise precision/recall/F1", QualityTable.decimal(q.pairwisePrecision()) + " / "
                + QualityTable.decimal(q.pairwiseRecall()) + " / " + QualityTable.decimal(q.pairwiseF1())));
        rows.add(row("B-cubed F1", QualityTable.decimal(q.bcubedF1()) + " (precision " + QualityTable.decimal(q.bcubedPrecision())
                + ", recall " + QualityTable.decimal(q.bcubedRecall()) + ")"));
        rows.add(row("clusters mixing people", Long.toString(q.mixedClusters())));
        rows.add(row("people split over clusters", q.splitPeople() + " of " + q.people()));
        rows.add(row("records not linked", Long.toString(q.unclustered())));
        return render(r.command(), rows);
    }

    static String render(String title, List<String[]> rows) {
        return render(title, "metric", "value", rows);
    }

    static String render(String title, String left, String right, List<String[]> rows) {
        int width = left.length();
        for (String[] row : rows) {
            width = Math.max(width, row[0].length());
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        String format = "%-" + width + "s  %s%n";
        out.append(String.format(Locale.ROOT, format, left, right));
        out.append(String.format(Locale.ROOT, format, "-".repeat(width), "-".repeat(right.length())));
        for (String[] row : rows) {
            out.append(String.format(Locale.ROOT, format, row[0], row[1]));
        }
        return out.toString();
    }

    static String[] row(String metric, String value) {
        return new String[] {metric, value};
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    public static String percentiles(LatencyRecorder.Percentiles p) {
        if (p.count() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", p.p50(), p.p95(), p.p99());
    }
}
