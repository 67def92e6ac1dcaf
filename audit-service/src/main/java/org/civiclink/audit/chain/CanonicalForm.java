package org.civiclink.audit.chain;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.wire.AvroCodec;

/**
 * The bytes that are hashed for an entry: the AccessEvent in Avro single-object encoding (schema
 * fingerprint, then Avro binary), written with the schema current at ingestion. Avro binary is
 * deterministic for a given schema, and the bytes are stored as they were hashed, so verifying
 * never depends on how the database rounds timestamps or orders arrays. The fingerprint makes old
 * entries readable after the schema evolves (the codec reads every released version).
 */
public final class CanonicalForm {

    private static final AvroCodec<AccessEvent> CODEC = AvroCodec.of(AccessEvent.class);

    private CanonicalForm() {
    }

    public static byte[] of(AccessEvent event) {
        return CODEC.encode(event);
    }

    public static AccessEvent read(byte[] canonical) {
        return CODEC.decode(canonical);
    }
}
