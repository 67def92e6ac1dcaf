package org.civiclink.linkage.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Gives re-clustered groups their client ids so that ids stay stable: a group keeps the id of the
 * client most of whose records it holds; on a merge the larger client survives and the other ids
 * become redirects; records that leave a client form a split with a new id.
 */
final class ClientAssignment {

    private final Table<String> recordClients;
    private final Table<Client> clients;

    ClientAssignment(Table<String> recordClients, Table<Client> clients) {
        this.recordClients = recordClients;
        this.clients = clients;
    }

    /**
     * @param clusters     the new grouping of every affected record, sorted by first record id
     * @param emptiedIds   clients whose last record was withdrawn
     */
    List<ClientChange> apply(List<List<String>> clusters, Collection<String> emptiedIds) {
        Map<String, String> previous = new HashMap<>();
        Map<String, Map<Integer, Integer>> heldBy = new TreeMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (String recordId : clusters.get(i)) {
                String old = recordClients.get(recordId);
                if (old != null) {
                    previous.put(recordId, old);
                    heldBy.computeIfAbsent(old, k -> new HashMap<>()).merge(i, 1, Integer::sum);
                }
            }
        }
        Map<Integer, List<String>> keptBy = new HashMap<>();
        heldBy.forEach((oldId, counts) -> keptBy.computeIfAbsent(keeper(counts), k -> new ArrayList<>()).add(oldId));

        List<ClientChange> changes = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            changes.addAll(settle(clusters.get(i), keptBy.getOrDefault(i, List.of()), previous));
        }
        for (String emptied : emptiedIds) {
            if (!heldBy.containsKey(emptied)) {
                clients.put(emptied, Client.active(emptied, List.of()));
            }
        }
        return changes;
    }

    private List<ClientChange> settle(List<String> members, List<String> kept, Map<String, String> previous) {
        List<String> byStanding = new ArrayList<>(kept);
        byStanding.sort(Comparator.comparing((String id) -> -sizeOf(id)).thenComparing(id -> id));
        String clientId = byStanding.isEmpty() ? newClientId(members.get(0)) : byStanding.get(0);
        List<String> retired = byStanding.isEmpty() ? List.of() : byStanding.subList(1, byStanding.size());

        List<String> joined = new ArrayList<>();
        List<String> mergedIn = new ArrayList<>();
        Map<String, List<String>> splitFrom = new LinkedHashMap<>();
        for (String recordId : members) {
            String old = previous.get(recordId);
            if (old == null) {
                joined.add(recordId);
            } else if (retired.contains(old)) {
                mergedIn.add(recordId);
            } else if (!old.equals(clientId)) {
                splitFrom.computeIfAbsent(old, k -> new ArrayList<>()).add(recordId);
            }
        }

        List<ClientChange> changes = new ArrayList<>();
        if (byStanding.isEmpty() && splitFrom.isEmpty()) {
            changes.add(new ClientChange(ClientChangeType.CLIENT_CREATED, clientId, List.of(), List.copyOf(members),
                    "no earlier record of this person was found"));
            joined.clear();
        }
        splitFrom.forEach((old, moved) -> changes.add(new ClientChange(ClientChangeType.CLIENT_SPLIT, clientId,
                List.of(old), List.copyOf(moved), "the links that held these records to " + old + " no longer hold")));
        if (!retired.isEmpty()) {
            changes.add(new ClientChange(ClientChangeType.CLIENTS_MERGED, clientId, List.copyOf(retired),
                    List.copyOf(mergedIn), "a record links these clients; " + clientId + " holds the most records"));
        }
        if (!joined.isEmpty()) {
            changes.add(new ClientChange(ClientChangeType.RECORD_JOINED, clientId, List.of(), List.copyOf(joined),
                    "the record links to this client"));
        }

        Client current = clients.get(clientId);
        if (current == null || !current.recordIds().equals(members)) {
            clients.put(clientId, Client.active(clientId, members));
        }
        for (String retiredId : retired) {
            clients.put(retiredId, Client.retired(retiredId, clientId));
        }
        for (String recordId : members) {
            if (!clientId.equals(previous.get(recordId))) {
                recordClients.put(recordId, clientId);
            }
        }
        return changes;
    }

    /** The cluster holding most of an old client's records keeps its id; ties go to the first cluster. */
    private static int keeper(Map<Integer, Integer> countsByCluster) {
        return countsByCluster.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<Integer, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .orElseThrow()
                .getKey();
    }

    private int sizeOf(String clientId) {
        Client client = clients.get(clientId);
        return client == null ? 0 : client.recordIds().size();
    }

    /** Derived from the founding record so that replays after a crash produce the same id. */
    private String newClientId(String foundingRecordId) {
        for (int attempt = 0; ; attempt++) {
            String seed = "civiclink-client|" + foundingRecordId + "|" + attempt;
            String id = "C-" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
            if (clients.get(id) == null) {
                return id;
            }
        }
    }
}
