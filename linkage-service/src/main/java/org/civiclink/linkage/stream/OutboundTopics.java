package org.civiclink.linkage.stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.PossibleMatch;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.events.topic.Topic;

/** Routes each emitted event to its topic; a record carrying a dead-letter reason goes to the dead-letter topic. */
final class OutboundTopics implements TopicNameExtractor<String, SpecificRecord> {

    @Override
    public String extract(String key, SpecificRecord value, RecordContext context) {
        if (context.headers().lastHeader(DeadLetterHeaders.REASON) != null) {
            return Topic.LINKAGE_DEAD_LETTER.topicName();
        }
        if (value instanceof LinkedEvent) {
            return Topic.LINKED_EVENTS.topicName();
        }
        if (value instanceof ClientUpdate) {
            return Topic.CLIENT_UPDATES.topicName();
        }
        if (value instanceof PossibleMatch) {
            return Topic.LINK_REVIEW.topicName();
        }
        if (value instanceof AccessEvent) {
            return Topic.ACCESS_EVENTS.topicName();
        }
        throw new IllegalArgumentException("no topic for " + value.getClass().getSimpleName());
    }
}
