package org.civiclink.deploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.errors.WakeupException;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.Referral;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;

/**
 * Stands in for intake, linkage and recommendation on a real broker, with the topic contracts only:
 * raw events are accepted, linked by family name and birth date (a crude linker whose partition the
 * test knows exactly), one referral is proposed per new client, and after the tenth event one
 * client is merged into another so that bench has a merge to fold in.
 */
final class FakeStack implements AutoCloseable {

    private static final AvroCodec<IntakeEvent> INTAKE = AvroCodec.of(IntakeEvent.class);
    private static final AvroCodec<LinkedEvent> LINKED = AvroCodec.of(LinkedEvent.class);
    private static final AvroCodec<ClientUpdate> UPDATES = AvroCodec.of(ClientUpdate.class);
    private static final AvroCodec<Referral> REFERRALS = AvroCodec.of(Referral.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread thread;
    private volatile boolean running = true;

    /** recordId -> client, as this fake linker sees it after every change; guarded by this. */
    private final Map<String, String> partition = new HashMap<>();
    private final Map<String, String> retiredInto = new HashMap<>();
    private final List<String> firstRecords = new java.util.ArrayList<>();
    private int referrals;
    private int events;

    FakeStack(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "fake-stack",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        consumer.subscribe(List.of(Topic.INTAKE_RAW.topicName()));
        thread = new Thread(this::loop, "fake-stack");
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handle(INTAKE.decode(record.value()));
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    private synchronized void handle(IntakeEvent raw) {
        Instant now = Instant.now();
        IntakeEvent accepted = IntakeEvent.newBuilder(raw).setReceivedAt(now).build();
        String recordId = raw.getAgencyCode() + ":" + raw.getPerson().getAgencyRecordId();
        producer.send(new ProducerRecord<>(Topic.INTAKE_ACCEPTED.topicName(), recordId, INTAKE.encode(accepted)));

        var name = raw.getPerson().getNames().get(0);
        String client = "c-" + String.valueOf(name.getFamily()).toLowerCase() + "-" + raw.getPerson().getDateOfBirth();
        while (retiredInto.containsKey(client)) {
            client = retiredInto.get(client);
        }
        boolean newClient = !partition.containsValue(client);
        partition.put(recordId, client);
        firstRecords.add(recordId);
        producer.send(new ProducerRecord<>(Topic.LINKED_EVENTS.topicName(), client, LINKED.encode(LinkedEvent.newBuilder()
                .setClientId(client).setRecordId(recordId).setLinkedAt(now).setEvent(accepted).build())));
        if (newClient) {
            referrals++;
            producer.send(new ProducerRecord<>(Topic.REFERRALS.topicName(), client, REFERRALS.encode(Referral.newBuilder()
                    .setReferralId(UUID.randomUUID().toString()).setClientId(client).setNeed("housing").setRuleId("r1")
                    .setRuleVersion("1").setTitle("t").setReason("r").setCreatedAt(now).build())));
        }
        if (++events == 10) {
            mergeFirstIntoSecondClient(now);
        }
    }

    /** Merges the client of the first record into the client of the first record in another client. */
    private void mergeFirstIntoSecondClient(Instant now) {
        String retired = partition.get(firstRecords.get(0));
        String survivor = firstRecords.stream().map(partition::get).filter(c -> !c.equals(retired)).findFirst().orElseThrow();
        retiredInto.put(retired, survivor);
        partition.replaceAll((record, client) -> client.equals(retired) ? survivor : client);
        producer.send(new ProducerRecord<>(Topic.CLIENT_UPDATES.topicName(), survivor, UPDATES.encode(ClientUpdate.newBuilder()
                .setUpdateId(UUID.randomUUID().toString()).setType(ClientUpdateType.CLIENTS_MERGED).setClientId(survivor)
                .setPreviousClientIds(List.of(retired)).setReason("test merge").setOccurredAt(now.plusMillis(1)).build())));
    }

    synchronized Map<String, String> partition() {
        return Map.copyOf(partition);
    }

    synchronized int referrals() {
        return referrals;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        producer.close();
    }
}
