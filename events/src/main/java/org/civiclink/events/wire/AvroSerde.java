package org.civiclink.events.wire;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for CivicLink Avro messages. Built in code with {@link #of(Class)}, or by class name
 * from configuration with {@value #TYPE_CONFIG} naming the record class.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    public static final String TYPE_CONFIG = "civiclink.avro.type";

    private AvroCodec<T> codec;

    /** For Kafka's configuration-driven instantiation; {@link #configure} must name the type. */
    public AvroSerde() {
    }

    private AvroSerde(AvroCodec<T> codec) {
        this.codec = codec;
    }

    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(AvroCodec.of(type));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (codec != null) {
            return;
        }
        Object typeName = configs.get(TYPE_CONFIG);
        if (typeName == null) {
            throw new IllegalArgumentException(TYPE_CONFIG + " must name the Avro record class");
        }
        try {
            Class<?> type = Class.forName(typeName.toString(), true, Thread.currentThread().getContextClassLoader());
            codec = AvroCodec.of((Class<T>) type.asSubclass(SpecificRecord.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException(TYPE_CONFIG + "=" + typeName + " is not an Avro record class", e);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : requireCodec().encode(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return requireCodec().decode(data);
        } catch (MessageDecodingException e) {
            throw new SerializationException("Topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void close() {
        // Stateless apart from the codec, which holds no resources.
    }

    private AvroCodec<T> requireCodec() {
        if (codec == null) {
            throw new IllegalStateException("AvroSerde used before configure(): set " + TYPE_CONFIG);
        }
        return codec;
    }
}
