package org.civiclink.linkage.stream;

import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkDecision;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroSerde;
import org.civiclink.linkage.engine.LinkageState;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.state.LinkStores;

/**
 * Accepted intake events and operators' decisions are funnelled into one single-partition topic
 * so that one task sees every record in one order: a new record may link to any record known,
 * whichever agency or partition it came from. Work per event stays bounded by block sizes; a
 * second instance stands by with the state and answers queries by forwarding (see docs/linkage.md).
 */
@ApplicationScoped
public class TopologyProducer {

    /** The single-partition topic that feeds the linking task; whoever reads it holds the linkage state. */
    public static final String LINKING_TOPIC_SUFFIX = "linking-intake-repartition";

    @Inject
    LinkageModel model;

    @Produces
    public Topology linkTopology() {
        return topology(model);
    }

    /** The topology for a given model, also for benchmarks and topology tests that run it without CDI. */
    public static Topology topology(LinkageModel model) {
        return topology(model, UnaryOperator.identity());
    }

    /** Lets topology tests put a faulty table under the engine, to see a record fail halfway. */
    static Topology topology(LinkageModel model, UnaryOperator<LinkageState> engineState) {
        StreamsBuilder builder = new StreamsBuilder();
        LinkStores.builders().forEach(builder::addStateStore);

        KStream<String, SpecificRecord> intake = builder
                .stream(Topic.INTAKE_ACCEPTED.topicName(), Consumed.with(Serdes.String(), AvroSerde.of(IntakeEvent.class)))
                .repartition(Repartitioned.with(Serdes.String(), AvroSerde.of(IntakeEvent.class))
                        .withName("linking-intake").withNumberOfPartitions(1))
                .mapValues(event -> (SpecificRecord) event);
        KStream<String, SpecificRecord> decisions = builder
                .stream(Topic.LINK_DECISIONS.topicName(), Consumed.with(Serdes.String(), AvroSerde.of(LinkDecision.class)))
                .repartition(Repartitioned.with(Serdes.String(), AvroSerde.of(LinkDecision.class))
                        .withName("linking-decisions").withNumberOfPartitions(1))
                .mapValues(decision -> (SpecificRecord) decision);

        intake.merge(decisions)
                .process(() -> new LinkProcessor(model, engineState), LinkStores.NAMES)
                .to(new OutboundTopics(), Produced.with(Serdes.String(), OutboundSerde.create()));
        return builder.build();
    }
}
