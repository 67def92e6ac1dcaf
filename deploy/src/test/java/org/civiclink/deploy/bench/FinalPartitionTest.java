package org.civiclink.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.junit.jupiter.api.Test;

class FinalPartitionTest {

    private final FinalPartition partition = new FinalPartition(record -> record.startsWith("HRA:") || record.startsWith("ACS:"));

    @Test
    void linkedEventsAloneGiveEachRecordItsClient() {
        partition.linked("HRA:1", "c1", 10);
        partition.linked("ACS:1", "c1", 11);
        partition.linked("HRA:2", "c2", 12);

        assertEquals(Map.of("HRA:1", "c1", "ACS:1", "c1", "HRA:2", "c2"), partition.result());
    }

    @Test
    void aMergeMovesTheRetiredClientsRecordsToTheSurvivorEvenWhenItArrivesFirst() {
        // The merge is seen before the linked events it concerns: topics are not ordered with each other.
        partition.update(update(ClientUpdateType.CLIENTS_MERGED, "c1", List.of("c2", "c3"), List.of(), 50));
        partition.linked("HRA:1", "c1", 10);
        partition.linked("HRA:2", "c2", 20);
        partition.linked("ACS:3", "c3", 30);
        // After the merge the linker names the survivor.
        partition.linked("ACS:4", "c1", 60);

        assertEquals(Map.of("HRA:1", "c1", "HRA:2", "c1", "ACS:3", "c1", "ACS:4", "c1"), partition.result());
    }

    @Test
    void chainedMergesEndInTheLastSurvivor() {
        partition.linked("HRA:1", "c1", 10);
        partition.linked("HRA:2", "c2", 10);
        partition.update(update(ClientUpdateType.CLIENTS_MERGED, "c2", List.of("c1"), List.of(), 20));
        partition.update(update(ClientUpdateType.CLIENTS_MERGED, "c3", List.of("c2"), List.of(), 30));

        assertEquals(Map.of("HRA:1", "c3", "HRA:2", "c3"), partition.result());
    }

    @Test
    void aSplitMovesOnlyTheNamedRecordsAndCanReviveARetiredId() {
        partition.linked("HRA:1", "c1", 10);
        partition.linked("HRA:2", "c2", 10);
        partition.linked("ACS:3", "c2", 10);
        partition.update(update(ClientUpdateType.CLIENTS_MERGED, "c1", List.of("c2"), List.of(), 20));
        // Undoing the merge gives c2 back its records; HRA:1 stays in c1.
        partition.update(update(ClientUpdateType.CLIENT_SPLIT, "c2", List.of("c1"), List.of("HRA:2", "ACS:3"), 30));

        assertEquals(Map.of("HRA:1", "c1", "HRA:2", "c2", "ACS:3", "c2"), partition.result());
    }

    @Test
    void withinOneMillisecondTheJoinComesBeforeTheMerge() {
        // The linker joined HRA:2 to c2 and merged c2 into c1 while handling one event.
        partition.update(update(ClientUpdateType.CLIENTS_MERGED, "c1", List.of("c2"), List.of(), 40));
        partition.update(update(ClientUpdateType.RECORD_JOINED, "c2", List.of(), List.of("HRA:2"), 40));
        partition.linked("HRA:1", "c1", 30);

        assertEquals(Map.of("HRA:1", "c1", "HRA:2", "c1"), partition.result());
    }

    @Test
    void recordsOfOtherRunsAreIgnored() {
        partition.linked("HHC:9", "c9", 10);
        partition.update(update(ClientUpdateType.CLIENT_CREATED, "c8", List.of(), List.of("HHC:8", "HRA:8"), 20));

        assertEquals(Map.of("HRA:8", "c8"), partition.result());
    }

    private static ClientUpdate update(ClientUpdateType type, String clientId, List<String> previous, List<String> records, long at) {
        return ClientUpdate.newBuilder().setUpdateId(type + "-" + clientId + "-" + at).setType(type).setClientId(clientId)
                .setPreviousClientIds(previous).setRecordIds(records).setReason("test")
                .setOccurredAt(Instant.ofEpochMilli(at)).build();
    }
}
