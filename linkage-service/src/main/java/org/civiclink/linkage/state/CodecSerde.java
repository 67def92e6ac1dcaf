package org.civiclink.linkage.state;

import java.util.function.Function;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.civiclink.linkage.engine.StateCodecs;

/** Kafka serdes over the engine's own state codecs. */
final class CodecSerde {

    private CodecSerde() {
    }

    static <T> Serde<T> of(StateCodecs.Codec<T> codec) {
        return of(codec::encode, codec::decode);
    }

    static <T> Serde<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : encode.apply(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : decode.apply(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
