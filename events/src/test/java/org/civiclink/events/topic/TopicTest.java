package org.civiclink.events.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void topicNamesAreUniqueVersionedAndNamespaced() {
        Set<String> names = Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toSet());
        assertEquals(Topic.values().length, names.size());
        names.forEach(name -> assertTrue(name.matches("civiclink\\.[a-z]+\\.[a-z-]+\\.v\\d+"), name));
    }

    @Test
    void deadLetterTopicsKeepBytesAndEveryOtherTopicHasAType() {
        for (Topic topic : Topic.values()) {
            boolean deadLetter = topic.topicName().contains("dead-letter");
            boolean untyped = topic.valueType().isEmpty();
            assertTrue(!deadLetter || untyped, topic + " is a dead-letter topic with a type");
        }
    }
}
