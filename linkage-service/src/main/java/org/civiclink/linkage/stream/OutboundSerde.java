package org.civiclink.linkage.stream;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkDecision;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.PossibleMatch;
import org.civiclink.events.wire.AvroCodec;

/** Writes whichever contract type the linker emits; each goes to its own topic. */
final class OutboundSerde {

    private static final Map<Class<?>, AvroCodec<?>> CODECS = Map.of(
            LinkedEvent.class, AvroCodec.of(LinkedEvent.class),
            ClientUpdate.class, AvroCodec.of(ClientUpdate.class),
            PossibleMatch.class, AvroCodec.of(PossibleMatch.class),
            AccessEvent.class, AvroCodec.of(AccessEvent.class),
            IntakeEvent.class, AvroCodec.of(IntakeEvent.class),
            LinkDecision.class, AvroCodec.of(LinkDecision.class));

    private OutboundSerde() {
    }

    static Serde<SpecificRecord> create() {
        Serializer<SpecificRecord> serializer = (topic, value) -> value == null ? null : encode(value);
        Deserializer<SpecificRecord> writeOnly = (topic, bytes) -> {
            throw new UnsupportedOperationException("the linker only writes these topics");
        };
        return Serdes.serdeFrom(serializer, writeOnly);
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> byte[] encode(T value) {
        AvroCodec<T> codec = (AvroCodec<T>) CODECS.get(value.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("the linker does not emit " + value.getClass().getSimpleName());
        }
        return codec.encode(value);
    }
}
