package org.civiclink.linkage.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroSerde;

@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology linkTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LinkStores.RECORD_CLIENT), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LinkStores.CLIENT_MEMBERS), Serdes.String(), Serdes.String()));

        KStream<String, LinkOutcome> outcomes = builder
                .stream(Topic.INTAKE_ACCEPTED.topicName(), Consumed.with(Serdes.String(), AvroSerde.of(IntakeEvent.class)))
                .process(LinkProcessor::new, LinkStores.RECORD_CLIENT, LinkStores.CLIENT_MEMBERS);

        outcomes.mapValues(LinkOutcome::linked)
                .to(Topic.LINKED_EVENTS.topicName(), Produced.with(Serdes.String(), AvroSerde.of(LinkedEvent.class)));
        outcomes.flatMapValues(outcome -> outcome.update().stream().toList())
                .to(Topic.CLIENT_UPDATES.topicName(), Produced.with(Serdes.String(), AvroSerde.of(ClientUpdate.class)));
        outcomes.map((clientId, outcome) -> org.apache.kafka.streams.KeyValue.pair(outcome.access().getEventId(), outcome.access()))
                .to(Topic.ACCESS_EVENTS.topicName(), Produced.with(Serdes.String(), AvroSerde.of(AccessEvent.class)));
        return builder.build();
    }
}
