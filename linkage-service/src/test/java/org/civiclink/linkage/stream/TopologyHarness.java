package org.civiclink.linkage.stream;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkDecision;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.PossibleMatch;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroSerde;
import org.civiclink.linkage.People;
import org.civiclink.linkage.engine.LinkageState;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.state.LinkStores;

/** The linking topology in a TopologyTestDriver, with its input and output topics and its stores. */
final class TopologyHarness implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<String, IntakeEvent> accepted;
    final TestInputTopic<String, LinkDecision> decisions;
    final TestOutputTopic<String, LinkedEvent> linked;
    final TestOutputTopic<String, ClientUpdate> updates;
    final TestOutputTopic<String, AccessEvent> access;
    final TestOutputTopic<String, PossibleMatch> review;
    final TestOutputTopic<String, IntakeEvent> deadLetters;

    TopologyHarness() {
        this(UnaryOperator.identity());
    }

    /** @param engineState what the engine sees instead of the stores' state, to inject faults */
    TopologyHarness(UnaryOperator<LinkageState> engineState) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "link-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(TopologyProducer.topology(LinkageModel.defaultModel(), engineState), config);
        decisions = driver.createInputTopic(Topic.LINK_DECISIONS.topicName(), Serdes.String().serializer(),
                AvroSerde.of(LinkDecision.class));
        accepted = driver.createInputTopic(Topic.INTAKE_ACCEPTED.topicName(), Serdes.String().serializer(),
                AvroSerde.of(IntakeEvent.class));
        linked = output(Topic.LINKED_EVENTS, LinkedEvent.class);
        updates = output(Topic.CLIENT_UPDATES, ClientUpdate.class);
        access = output(Topic.ACCESS_EVENTS, AccessEvent.class);
        review = output(Topic.LINK_REVIEW, PossibleMatch.class);
        deadLetters = output(Topic.LINKAGE_DEAD_LETTER, IntakeEvent.class);
    }

    void send(IntakeEvent event) {
        accepted.pipeInput(People.key(event), event);
    }

    void send(LinkDecision decision) {
        decisions.pipeInput(decision.getLeftRecordId(), decision);
    }

    /** The client the stores hold for a record, or null. */
    String clientOf(String recordId) {
        byte[] clientId = store(LinkStores.RECORD_CLIENTS).get(recordId);
        return clientId == null ? null : new String(clientId, StandardCharsets.UTF_8);
    }

    /** Every store's every entry, values in hex, for comparing the whole state before and after. */
    Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> stores = new LinkedHashMap<>();
        for (String name : LinkStores.NAMES) {
            Map<String, String> entries = new TreeMap<>();
            try (KeyValueIterator<String, byte[]> all = store(name).all()) {
                while (all.hasNext()) {
                    KeyValue<String, byte[]> entry = all.next();
                    entries.put(entry.key, HexFormat.of().formatHex(entry.value));
                }
            }
            stores.put(name, entries);
        }
        return stores;
    }

    private KeyValueStore<String, byte[]> store(String name) {
        return driver.getKeyValueStore(name);
    }

    private <T extends SpecificRecord> TestOutputTopic<String, T> output(Topic topic, Class<T> type) {
        return driver.createOutputTopic(topic.topicName(), Serdes.String().deserializer(), AvroSerde.of(type));
    }

    @Override
    public void close() {
        driver.close();
    }
}
