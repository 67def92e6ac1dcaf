package org.civiclink.deploy.bench;

import org.civiclink.deploy.simulate.IntakePublisher;
import org.civiclink.simulator.quality.QualityReport;

/**
 * Everything one {@code ./civiclink bench} run measured.
 *
 * @param linkerSaturated false when the linker kept pace with intake: its events/s then only shows
 *                        the offered load, and the ratio is a lower bound of its capacity
 */
public record BenchReport(
        String command,
        long people,
        long records,
        IntakePublisher.Summary published,
        long accepted,
        double acceptedPerSecond,
        long linked,
        double linkedPerSecond,
        LatencyRecorder.Percentiles intakeToAccepted,
        LatencyRecorder.Percentiles intakeToLinked,
        InboxLatency.Result intakeToInbox,
        QualityReport quality,
        PassThroughTopology.Result passThrough,
        boolean linkerSaturated) {

    /** linked events/s divided by pass-through events/s; NaN when either is unknown. */
    public double ratio() {
        return linkedPerSecond / passThrough.perSecond();
    }
}
