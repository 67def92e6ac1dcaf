package org.civiclink.linkage.state;

import java.util.List;

import org.civiclink.linkage.engine.LinkageState;

/**
 * The linking task's state, with one record's writes held back until the record has been handled
 * in full. The engine writes several tables per record; if it fails halfway, {@link #discard()}
 * leaves the stores as they were, so exactly-once cannot commit half a link.
 */
public final class BufferedState {

    private final LinkageState committed;
    private final LinkageState current;
    private final List<BufferedTable<?>> tables;

    BufferedState(LinkageState committed, LinkageState current, List<BufferedTable<?>> tables) {
        this.committed = committed;
        this.current = current;
        this.tables = tables;
    }

    /** The state including this record's writes so far: what the engine works on. */
    public LinkageState current() {
        return current;
    }

    /** The state as it was before this record. */
    public LinkageState committed() {
        return committed;
    }

    /** Hands this record's writes to the stores. Failing here is a store failure, which stops the task. */
    public void commit() {
        tables.forEach(BufferedTable::commit);
    }

    /** Forgets this record's writes. */
    public void discard() {
        tables.forEach(BufferedTable::discard);
    }
}
