package org.civiclink.events.wire;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding: every message starts with the marker C3 01 and the 64-bit
 * fingerprint of its writer schema, so a reader resolves any released version it knows.
 * Thread-safe; build one per type and reuse it.
 */
public final class AvroCodec<T extends SpecificRecord> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroCodec(Class<T> type, SchemaStore.Cache knownSchemas) {
        Schema current = SpecificData.get().getSchema(type);
        // Resolve generated classes through the loader that defined the type: under Quarkus tests the
        // Avro library and the record classes can come from different class loaders.
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        this.type = type;
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current, knownSchemas);
    }

    /** A codec that reads every released version of the type's schema and writes the current one. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        return of(type, new Schema[0]);
    }

    /** As {@link #of(Class)}, also reading the given writer schemas (e.g. a newer version not yet released to this reader). */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type, Schema... extraWriterSchemas) {
        SchemaStore.Cache store = new SchemaStore.Cache();
        SchemaHistory.releasedVersions(type.getSimpleName()).forEach(store::addSchema);
        for (Schema schema : extraWriterSchemas) {
            store.addSchema(schema);
        }
        return new AvroCodec<>(type, store);
    }

    public byte[] encode(T value) {
        try {
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException | NullPointerException e) {
            throw new IllegalArgumentException("Cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new MessageDecodingException("Empty message: expected an Avro " + type.getSimpleName(), null);
        }
        try {
            return decoder.decode(bytes);
        } catch (BadHeaderException e) {
            throw new MessageDecodingException("Not an Avro single-object message (bad header): " + e.getMessage(), e);
        } catch (MissingSchemaException e) {
            throw new MessageDecodingException("Unknown writer schema for " + type.getSimpleName()
                    + ": " + e.getMessage() + "; add it to the events module's schema history", e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new MessageDecodingException("Corrupt " + type.getSimpleName() + " message: " + e.getMessage(), e);
        }
    }

    public Class<T> type() {
        return type;
    }

    /** The 64-bit fingerprint every message of the current schema carries. */
    public long currentFingerprint() {
        return SchemaNormalization.parsingFingerprint64(SpecificData.get().getSchema(type));
    }
}
