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
}
