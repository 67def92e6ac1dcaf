package org.civiclink.linkage.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.LinkDecision;
import org.civiclink.events.LinkDecisionType;
import org.civiclink.linkage.People;
import org.civiclink.platform.testing.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkTopologyTest {

    private TopologyHarness topology;
    private TestInputTopic<String, IntakeEvent> accepted;
    private TestInputTopic<String, LinkDecision> decisions;
    private TestOutputTopic<String, LinkedEvent> linked;
    private TestOutputTopic<String, ClientUpdate> updates;
    private TestOutputTopic<String, AccessEvent> access;

    @BeforeEach
    void start() {
        topology = new TopologyHarness();
        accepted = topology.accepted;
        decisions = topology.decisions;
        linked = topology.linked;
        updates = topology.updates;
        access = topology.access;
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void sameNameAndBirthDateAtTwoAgenciesBecomeOneClient() {
        // Name and birth date alone stay below the link threshold (a possible match): sex tips it over.
        IntakeEvent shelter = TestEvents.intake("DHS-SHELTER", "e1", "shelter.entry", "S-1", "Maria", "López", "1984-03-12");
        IntakeEvent benefits = TestEvents.intake("HRA", "e2", "benefit.applied", "H-9", "María", "Lopez", "1984-03-12");
        shelter.getPerson().setSex("F");
        benefits.getPerson().setSex("F");
        accepted.pipeInput("DHS-SHELTER:S-1", shelter);
        accepted.pipeInput("HRA:H-9", benefits);

        List<LinkedEvent> events = linked.readValuesToList();
        assertEquals(2, events.size());
        assertEquals(events.get(0).getClientId(), events.get(1).getClientId());
        assertEquals("HRA:H-9", events.get(1).getRecordId());

        List<ClientUpdate> changes = updates.readValuesToList();
        assertEquals(List.of(ClientUpdateType.CLIENT_CREATED, ClientUpdateType.RECORD_JOINED),
                changes.stream().map(ClientUpdate::getType).toList());
        assertEquals(List.of("HRA:H-9"), changes.get(1).getRecordIds());
    }

    @Test
    void differentBirthDatesStaySeparateAndRepeatsChangeNothing() {
        IntakeEvent first = TestEvents.intake("ACS", "e1", "case.opened", "A-1", "John", "Smith", "1990-01-01");
        accepted.pipeInput("ACS:A-1", first);
        accepted.pipeInput("ACS:A-2", TestEvents.intake("ACS", "e2", "case.opened", "A-2", "John", "Smith", "1991-05-05"));
        accepted.pipeInput("ACS:A-1", first);

        List<LinkedEvent> events = linked.readValuesToList();
        assertEquals(3, events.size());
        assertNotEquals(events.get(0).getClientId(), events.get(1).getClientId());
        assertEquals(2, updates.readValuesToList().size());
    }

    @Test
    void everyLinkedEventIsRecordedAsSystemProcessing() {
        accepted.pipeInput("HHC:P-1", TestEvents.intake("HHC", "e1", "health.encounter", "P-1", "Ana", "Diaz", "1970-02-02",
                TestEvents.fact("HHC", "health", "encounter", "health")));

        AccessEvent event = access.readValue();
        assertEquals("linkage-service", event.getActor().getSubject());
        assertEquals(List.of("system"), event.getActor().getRoles());
        assertEquals("PROCESS", event.getAction());
        assertEquals(List.of("HHC:P-1"), event.getRecordIds());
        assertTrue(event.getDataCategories().containsAll(List.of("identity", "health")));
        assertEquals(linked.readValue().getClientId(), event.getClientIds().get(0));
    }

    @Test
    void aBridgingRecordMergesClientsAndAnUnlinkSplitsThemAgain() {
        IntakeEvent byAddress = People.byAddress(People.MARIA, "A-1");
        IntakeEvent bySsn = People.bySsn(People.MARIA, "S-1");
        IntakeEvent bridge = People.bridge(People.MARIA, "B-1");
        accepted.pipeInput(People.key(byAddress), byAddress);
        accepted.pipeInput(People.key(bySsn), bySsn);
        accepted.pipeInput(People.key(bridge), bridge);

        List<LinkedEvent> events = linked.readValuesToList();
        assertNotEquals(events.get(0).getClientId(), events.get(1).getClientId());
        String survivor = events.get(2).getClientId();
        List<ClientUpdate> changes = updates.readValuesToList();
        ClientUpdate merge = changes.stream().filter(u -> u.getType() == ClientUpdateType.CLIENTS_MERGED).findFirst().orElseThrow();
        assertEquals(survivor, merge.getClientId());
        assertEquals(1, merge.getPreviousClientIds().size());

        decisions.pipeInput(People.key(bridge), LinkDecision.newBuilder().setDecisionId("d-1")
                .setType(LinkDecisionType.WITHDRAW_RECORD).setLeftRecordId(People.key(bridge)).setRightRecordId(null)
                .setReason("entered on the wrong person").setDecidedBy("sup-1").setDecidedAt(Instant.now()).build());

        ClientUpdate split = updates.readValuesToList().stream()
                .filter(u -> u.getType() == ClientUpdateType.CLIENT_SPLIT).findFirst().orElseThrow();
        assertEquals(List.of(survivor), split.getPreviousClientIds());
    }
}
