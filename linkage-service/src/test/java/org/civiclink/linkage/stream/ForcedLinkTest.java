package org.civiclink.linkage.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.civiclink.events.IntakeEvent;
import org.civiclink.linkage.People;
import org.civiclink.linkage.TestDecisions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An operator's forced link holds through every later re-evaluation of either record. */
class ForcedLinkTest {

    private static final String LEFT = "ACS:F-1";
    private static final String RIGHT = "HRA:F-2";

    private final TopologyHarness topology = new TopologyHarness();

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void aForcedLinkSurvivesCorrectionsOfEitherRecordAndNewArrivals() {
        topology.send(People.person("ACS", "F-1", "John", "Smith", "1990-01-01", null, null, null, null));
        topology.send(People.person("HRA", "F-2", "Peter", "Brown", "1970-05-05", null, null, null, null));
        assertNotEquals(topology.clientOf(LEFT), topology.clientOf(RIGHT), "the model alone keeps them apart");

        topology.send(TestDecisions.forceLink(LEFT, RIGHT));
        String client = topology.clientOf(LEFT);
        assertEquals(client, topology.clientOf(RIGHT));

        // Each correction re-links its record from its new data, which the model alone would not link.
        topology.send(People.person("ACS", "F-1", "John", "Smith", "1990-01-01", "219-09-9998", "12 Oak St", "10001",
                "212-555-0143"));
        assertForcedPairIn(client);
        // Two different valid SSNs are a conflict that blocks any automatic merge; the operator overrides it.
        topology.send(People.person("HRA", "F-2", "Peter", "Brown", "1970-05-05", "387-12-4410", null, null, null));
        assertForcedPairIn(client);

        // A new record that links to the left one re-evaluates the whole client. It conflicts with the
        // right one (other SSN), which only the operator overrode, for that pair alone: it stays out.
        IntakeEvent sameAsLeft = People.person("HHC", "F-3", "John", "Smith", "1990-01-01", "219-09-9998", "12 Oak St",
                "10001", "212-555-0143");
        topology.send(sameAsLeft);
        assertForcedPairIn(client);
        assertNotNull(topology.clientOf(People.key(sameAsLeft)));
        assertNotEquals(client, topology.clientOf(People.key(sameAsLeft)));
    }

    private void assertForcedPairIn(String client) {
        assertEquals(client, topology.clientOf(LEFT));
        assertEquals(client, topology.clientOf(RIGHT));
    }
}
