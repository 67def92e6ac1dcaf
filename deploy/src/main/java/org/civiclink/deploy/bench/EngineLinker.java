package org.civiclink.deploy.bench;

import org.civiclink.linkage.engine.LinkageEngine;
import org.civiclink.linkage.engine.LinkageState;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.SourceRecord;

/** linkage-service's engine in process, with its default model and in-memory state. */
final class EngineLinker implements LinkerUnderTest {

    private final LinkageEngine engine = new LinkageEngine(LinkageModel.defaultModel(), LinkageState.inMemory());

    @Override
    public void link(SourceRecord record) {
        engine.link(record);
    }
}
