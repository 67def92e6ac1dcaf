package org.civiclink.deploy.bench;

import org.civiclink.linkage.model.SourceRecord;

/** What {@code bench --scale} times: one call links one record against everything linked before. */
@FunctionalInterface
public interface LinkerUnderTest {

    void link(SourceRecord record);
}
