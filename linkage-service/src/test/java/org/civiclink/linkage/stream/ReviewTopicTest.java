package org.civiclink.linkage.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkDecisionType;
import org.civiclink.events.PossibleMatch;
import org.civiclink.linkage.People;
import org.civiclink.linkage.TestDecisions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The review topic carries a possible match when it appears and when its weight moves, not on
 * every re-link that finds it again, and not once an operator has decided the pair.
 */
class ReviewTopicTest {

    private static final String PAIR = "ACS:P-1|HRA:P-2";

    private final TopologyHarness topology = new TopologyHarness();

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void aPairIsPublishedWhenNewAndWhenItsWeightChangesOnly() {
        IntakeEvent maria = person("ACS", "P-1", "Maria", null, null);
        topology.send(maria);
        topology.send(person("HRA", "P-2", "Mary", null, null));
        PossibleMatch first = onlyMatch();
        topology.linked.readValuesToList();

        // Each correction re-links its record, which finds the pair again; neither touches its weight:
        // a phone or a middle name on one side only compares at the null level.
        relink(person("HRA", "P-2", "Mary", null, "917-555-0101"));
        relink(person("ACS", "P-1", "Maria", "Ann", null));
        assertTrue(topology.review.isEmpty());

        // Middle names with the same initial move the weight, still below the link threshold.
        relink(person("HRA", "P-2", "Mary", "Anna", "917-555-0101"));
        PossibleMatch moved = onlyMatch();
        assertNotEquals(first.getMatchWeight(), moved.getMatchWeight());
        assertNotEquals(moved.getLeftClientId(), moved.getRightClientId());

        topology.send(TestDecisions.decision(LinkDecisionType.UNLINK, "ACS:P-1", "HRA:P-2"));
        relink(person("HRA", "P-2", "Mary", "Anna", null));
        assertTrue(topology.review.isEmpty(), "a decided pair needs no review");
    }

    /** Sends a correction and checks it was linked, so an empty review topic means something. */
    private void relink(IntakeEvent correction) {
        topology.send(correction);
        List<String> linked = topology.linked.readValuesToList().stream().map(e -> e.getRecordId()).toList();
        assertEquals(List.of(People.key(correction)), linked);
    }

    private PossibleMatch onlyMatch() {
        List<KeyValue<String, PossibleMatch>> published = topology.review.readKeyValuesToList();
        assertEquals(1, published.size(), published::toString);
        assertEquals(PAIR, published.get(0).key);
        return published.get(0).value;
    }

    private static IntakeEvent person(String agency, String recordId, String given, String middle, String phone) {
        IntakeEvent event = People.person(agency, recordId, given, "Santos", "1983-08-19", null, null, null, phone);
        event.getPerson().getNames().get(0).setMiddle(middle);
        return event;
    }
}
