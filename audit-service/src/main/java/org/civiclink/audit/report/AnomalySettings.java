package org.civiclink.audit.report;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the anomaly reports (civiclink.audit.anomaly.*). */
@ConfigMapping(prefix = "civiclink.audit.anomaly")
public interface AnomalySettings {

    /** A person reading more distinct clients than this within one clock hour is reported. */
    @WithDefault("50")
    int bulkClientsPerHour();

    /** A person denied at least this many times within one clock hour is reported. */
    @WithDefault("5")
    int deniedPerHour();

    WorkingHours workingHours();

    interface WorkingHours {
        @WithDefault("07:00")
        LocalTime start();

        @WithDefault("19:00")
        LocalTime end();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> days();

        @WithDefault("UTC")
        ZoneId zone();
    }
}
