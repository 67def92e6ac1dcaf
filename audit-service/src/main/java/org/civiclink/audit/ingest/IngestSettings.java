package org.civiclink.audit.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The AccessEvent consumer (civiclink.audit.ingest.*). */
@ConfigMapping(prefix = "civiclink.audit.ingest")
public interface IngestSettings {

    @WithDefault("true")
    boolean enabled();

    /** Consumer group; the same as the former SmallRye channel's, so committed offsets carry over. */
    @WithDefault("civiclink-audit")
    String groupId();

    /** Most AccessEvents one poll, and so one database transaction, carries. */
    @WithDefault("500")
    int maxBatch();

    /**
     * The broker answers a fetch of the audit's consumers once it holds this many bytes for them, or after
     * {@link #fetchMaxWaitMs()} milliseconds. Nobody waits on the audit's ingestion, so fuller fetches only save
     * work: fewer polls and transactions here, fewer fetch requests at the broker. The relationship channels use
     * the same two settings (application.properties).
     */
    @WithDefault("65536")
    int fetchMinBytes();

    @WithDefault("250")
    int fetchMaxWaitMs();
}
