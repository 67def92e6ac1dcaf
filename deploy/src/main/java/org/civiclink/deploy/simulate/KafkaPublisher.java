package org.civiclink.deploy.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.simulator.records.SourceRecord;

/**
 * Writes simulated records to Kafka as Avro IntakeEvents. To the raw intake topic, the way an agency
 * that runs its own producer would (intake-service validates them and forwards them to the accepted
 * topic); or straight to the accepted topic, as if intake had accepted them, so that the linker gets
 * more than intake can deliver and its own capacity shows. Latency is from each event's due time to
 * the broker's acknowledgement.
 */
public final class KafkaPublisher implements IntakePublisher {

    public record Result(long sent, long failures, double seconds, double p50Millis, double p99Millis,
                         double maxMillis, String firstError) implements Summary {

        @Override
        public String outcomes() {
            return "acknowledged " + (sent - failures) + (firstError == null ? "" : "; first error: " + firstError);
        }
    }

    private static final AvroCodec<IntakeEvent> CODEC = AvroCodec.of(IntakeEvent.class);

    private final Producer<String, byte[]> producer;
    private final Topic topic;
    private final Pacer pacer;
    private final String eventIdPrefix;
    private final AtomicLong failures = new AtomicLong();
    private volatile String firstError;
    private final Recorder latencies = new Recorder(3);

    /**
     * @param topic {@link Topic#INTAKE_RAW} or {@link Topic#INTAKE_ACCEPTED}
     * @param rate  events per second; 0 means as fast as the producer's buffer allows
     */
    public KafkaPublisher(String bootstrapServers, Topic topic, double rate, String eventIdPrefix) {
        this(new KafkaProducer<>(producerConfig(bootstrapServers), new StringSerializer(), new ByteArraySerializer()),
                topic, rate, eventIdPrefix);
    }

    KafkaPublisher(Producer<String, byte[]> producer, Topic topic, double rate, String eventIdPrefix) {
        if (topic != Topic.INTAKE_RAW && topic != Topic.INTAKE_ACCEPTED) {
            throw new IllegalArgumentException("intake events go to the raw or the accepted topic, not " + topic.topicName());
        }
        this.producer = producer;
        this.topic = topic;
        this.pacer = new Pacer(rate);
        this.eventIdPrefix = eventIdPrefix;
    }

    /** Acknowledged by every replica and idempotent, as an agency producer should be; small batches keep latency low. */
    static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "civiclink-simulate",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    @Override
    public void publish(SourceRecord record) {
        long due = pacer.awaitNext();
        IntakeEvent event = SimulatedIntakeEvents.of(record, eventIdPrefix, Instant.now());
        String key = topic == Topic.INTAKE_RAW ? SimulatedIntakeEvents.rawKey(event) : SimulatedIntakeEvents.acceptedKey(event);
        producer.send(new ProducerRecord<>(topic.topicName(), key, CODEC.encode(event)),
                (metadata, error) -> {
                    latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    if (error != null) {
                        if (failures.getAndIncrement() == 0) {
                            firstError = error.toString();
                        }
                    }
                });
    }

    @Override
    public Result finish() {
        producer.flush();
        var histogram = latencies.getIntervalHistogram();
        return new Result(pacer.count(), failures.get(), pacer.elapsedSeconds(),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0, firstError);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
