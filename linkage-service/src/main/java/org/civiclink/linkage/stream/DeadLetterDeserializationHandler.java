package org.civiclink.linkage.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.platform.kafka.ReliableProducers;
import org.jboss.logging.Logger;

/**
 * A record the linker cannot decode goes, bytes untouched, to the dead-letter topic named by
 * {@value #TOPIC_CONFIG} with the reason in its headers; then processing goes on. If even the
 * dead letter cannot be written the stream stops, because skipping would lose the record.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    public static final String TOPIC_CONFIG = "civiclink.dead-letter.topic";
    private static final Logger LOG = Logger.getLogger(DeadLetterDeserializationHandler.class);

    private Producer<byte[], byte[]> producer;
    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get(TOPIC_CONFIG));
        producer = ReliableProducers.createRaw(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)),
                "linkage-dead-letters", Duration.ofSeconds(60));
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        String reason = exception.getCause() != null ? exception.getCause().getMessage() : exception.getMessage();
        var deadLetter = new ProducerRecord<>(topic, null, record.key(), record.value(),
                DeadLetterHeaders.describe(reason, OutboundEvents.SERVICE, record.topic(), record.partition(), record.offset()));
        try {
            producer.send(deadLetter).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            LOG.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeserializationHandlerResponse.FAIL;
        } catch (ExecutionException | TimeoutException e) {
            LOG.errorf("Could not dead-letter %s-%d@%d; stopping rather than losing it", record.topic(), record.partition(), record.offset());
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
