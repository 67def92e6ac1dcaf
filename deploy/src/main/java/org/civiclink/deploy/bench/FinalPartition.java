package org.civiclink.deploy.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;

/**
 * Which client each record ends up in, from what the linker published: the client a LinkedEvent
 * named for the record, then the client updates that came later (clients merged, records split
 * off). The two topics are not ordered with respect to each other, so changes are collected first
 * and replayed in timestamp order; within one millisecond a record's assignment comes before a merge
 * and a merge before a split, which is the order a linker causes them. A record still in a retired
 * client after the replay follows the merge chain to the survivor.
 */
public final class FinalPartition {

    private enum Kind { ASSIGN, MERGE, SPLIT }

    private record Change(long atMillis, Kind kind, long sequence, String clientId, List<String> others) {
    }

    private final Predicate<String> tracked;
    private final List<Change> changes = new ArrayList<>();
    private long sequence;

    /** @param tracked the records to report on (this run's); others are ignored */
    public FinalPartition(Predicate<String> tracked) {
        this.tracked = tracked;
    }

    /** A LinkedEvent said the record belongs to the client. */
    public synchronized void linked(String recordId, String clientId, long linkedAtMillis) {
        if (tracked.test(recordId)) {
            changes.add(new Change(linkedAtMillis, Kind.ASSIGN, sequence++, clientId, List.of(recordId)));
        }
    }

    public synchronized void update(ClientUpdate update) {
        long at = update.getOccurredAt().toEpochMilli();
        String clientId = update.getClientId();
        ClientUpdateType type = update.getType();
        if (type == ClientUpdateType.CLIENTS_MERGED) {
            changes.add(new Change(at, Kind.MERGE, sequence++, clientId, List.copyOf(update.getPreviousClientIds())));
        } else if (type == ClientUpdateType.CLIENT_SPLIT) {
            changes.add(new Change(at, Kind.SPLIT, sequence++, clientId, tracked(update.getRecordIds())));
        } else if (type == ClientUpdateType.CLIENT_CREATED || type == ClientUpdateType.RECORD_JOINED) {
            List<String> records = tracked(update.getRecordIds());
            if (!records.isEmpty()) {
                changes.add(new Change(at, Kind.ASSIGN, sequence++, clientId, records));
            }
        }
    }

    /** recordId -> final clientId for every tracked record the linker placed. */
    public synchronized Map<String, String> result() {
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingLong(Change::atMillis).thenComparing(Change::kind).thenComparingLong(Change::sequence));
        Map<String, String> clientOf = new HashMap<>();
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, String> retiredInto = new HashMap<>();
        for (Change change : ordered) {
            switch (change.kind()) {
                case ASSIGN, SPLIT -> {
                    // A client that receives records is live, even if an earlier merge retired its id.
                    retiredInto.remove(change.clientId());
                    for (String record : change.others()) {
                        move(record, change.clientId(), clientOf, members);
                    }
                }
                case MERGE -> {
                    for (String retired : change.others()) {
                        if (retired.equals(change.clientId())) {
                            continue;
                        }
                        retiredInto.put(retired, change.clientId());
                        for (String record : new ArrayList<>(members.getOrDefault(retired, Set.of()))) {
                            move(record, change.clientId(), clientOf, members);
                        }
                    }
                }
            }
        }
        Map<String, String> result = new HashMap<>();
        clientOf.forEach((record, client) -> result.put(record, survivor(client, retiredInto)));
        return result;
    }

    private static void move(String record, String client, Map<String, String> clientOf, Map<String, Set<String>> members) {
        String previous = clientOf.put(record, client);
        if (previous != null && !previous.equals(client)) {
            Set<String> old = members.get(previous);
            old.remove(record);
            if (old.isEmpty()) {
                members.remove(previous);
            }
        }
        members.computeIfAbsent(client, k -> new HashSet<>()).add(record);
    }

    private static String survivor(String client, Map<String, String> retiredInto) {
        String current = client;
        Set<String> seen = new HashSet<>();
        while (retiredInto.containsKey(current) && seen.add(current)) {
            current = retiredInto.get(current);
        }
        return current;
    }

    private List<String> tracked(List<String> recordIds) {
        List<String> kept = new ArrayList<>();
        for (String record : recordIds) {
            if (tracked.test(record)) {
                kept.add(record);
            }
        }
        return kept;
    }
}
