package org.civiclink.linkage.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.test.TestRecord;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.linkage.People;
import org.civiclink.linkage.engine.LinkageState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A record the engine fails on halfway leaves no trace in the stores; the next record links as if it never came. */
class LinkAtomicityTest {

    private static final String POISON = "DHS-SHELTER:A-POISON";

    /**
     * Client assignment is the engine's last write for a record, after sources, standardized record,
     * evidence, blocks and links: failing it leaves the most half-done work behind.
     */
    private final TopologyHarness topology = new TopologyHarness(state -> new LinkageState(state.sources(),
            state.records(), state.blocks(), state.evidenceUsage(), state.links(), state.decisions(),
            state.recordClients(), new FailingTable<>(state.clients(), client -> client.recordIds().contains(POISON)),
            state.possibleMatches()));

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void aRecordFailingHalfwayIsDeadLetteredAndChangesNoStore() {
        IntakeEvent first = People.byAddress(People.MARIA, "A-1");
        topology.send(first);
        String client = topology.linked.readValue().getClientId();
        topology.updates.readValuesToList();
        topology.access.readValuesToList();
        Map<String, Map<String, String>> before = topology.snapshot();

        IntakeEvent poison = People.byAddress(People.MARIA, "A-POISON");
        topology.send(poison);

        TestRecord<String, IntakeEvent> deadLetter = topology.deadLetters.readRecord();
        assertEquals(POISON, deadLetter.key());
        assertEquals(poison, deadLetter.value());
        String reason = new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("injected store failure"), reason);
        String sourceTopic = new String(deadLetter.headers().lastHeader(DeadLetterHeaders.SOURCE_TOPIC).value(),
                StandardCharsets.UTF_8);
        assertTrue(sourceTopic.endsWith(TopologyProducer.LINKING_TOPIC_SUFFIX), sourceTopic);
        assertEquals(before, topology.snapshot());
        assertTrue(topology.linked.isEmpty());
        assertTrue(topology.updates.isEmpty());
        assertTrue(topology.access.isEmpty());

        IntakeEvent next = People.byAddress(People.MARIA, "A-2");
        topology.send(next);

        LinkedEvent linked = topology.linked.readValue();
        assertEquals(client, linked.getClientId());
        List<ClientUpdate> updates = topology.updates.readValuesToList();
        assertEquals(List.of(ClientUpdateType.RECORD_JOINED), updates.stream().map(ClientUpdate::getType).toList());
        assertEquals(List.of(People.key(next)), updates.get(0).getRecordIds());
        assertNotNull(topology.clientOf(People.key(next)));
        assertNull(topology.clientOf(POISON));
        assertTrue(topology.deadLetters.isEmpty());
    }
}
