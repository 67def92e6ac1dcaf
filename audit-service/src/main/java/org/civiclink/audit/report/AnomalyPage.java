package org.civiclink.audit.report;

import java.util.List;

/** One page of an anomaly report's findings, with how many there are in all. */
public record AnomalyPage(List<Anomaly> findings, long total) {
}
