package org.civiclink.deploy.bench;

/** The linkers {@code bench --scale} can time. */
public final class LinkerFactory {

    private LinkerFactory() {
    }

    /** linkage-service's engine (module linkage-model), in process with in-memory state. */
    public static LinkerUnderTest engine() {
        return new EngineLinker();
    }
}
