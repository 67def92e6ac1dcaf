package org.civiclink.linkage.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civiclink.linkage.model.Explanation;
import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.PairScore;
import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.StandardizedRecord;

/**
 * Incremental, order-independent record linkage. Each step changes the state so that it equals what
 * linking the whole current set of records at once would give:
 * <ol>
 *   <li>clients are groups of the link graph (pairs whose match weight reaches the link threshold,
 *       plus forced links), built strongest link first without ever joining records that conflict or
 *       that an operator unlinked ({@link ConstrainedClustering});</li>
 *   <li>a step re-clusters only the graph components it touched, so its cost depends on block
 *       sizes, not on how many records are known;</li>
 *   <li>whatever a step learns that changes earlier scores — a value turning generic, a block
 *       growing too large — makes it re-link the records concerned in the same step.</li>
 * </ol>
 * The same class serves the batch command (in-memory state) and the streaming service (Kafka
 * Streams stores). Not thread-safe: one engine per state.
 */
public final class LinkageEngine {

    private final LinkageModel model;
    private final LinkageState state;
    private final Genericity genericity;
    private final BlockIndex blocks;
    private final LinkGraph graph;
    private final ClientAssignment assignment;

    public LinkageEngine(LinkageModel model, LinkageState state) {
        this.model = model;
        this.state = state;
        this.genericity = new Genericity(model, state.evidenceUsage());
        this.blocks = new BlockIndex(model, state.blocks());
        this.graph = new LinkGraph(state.links());
        this.assignment = new ClientAssignment(state.recordClients(), state.clients());
    }

    public LinkageModel model() {
        return model;
    }

    /** Links a new record, or re-links a known one whose data changed (a correction). */
    public LinkResult link(SourceRecord source) {
        StandardizedRecord record = model.standardize(source);
        String id = record.recordId();
        StandardizedRecord earlier = state.records().get(id);
        if (!source.equals(state.sources().get(id))) {
            state.sources().put(id, source);
        }
        if (record.equals(earlier)) {
            return new LinkResult(state.recordClients().get(id), List.of(), List.of());
        }
        Set<String> seeds = new LinkedHashSet<>();
        seeds.add(id);
        if (earlier != null) {
            forget(earlier, seeds);
        }
        state.records().put(id, record);
        Set<String> relink = genericity.register(record);
        GenericValues generic = genericity.view();
        relink.addAll(blocks.register(record, generic));
        relink.remove(id);

        List<PossibleMatch> possible = new ArrayList<>();
        seeds.addAll(relink(record, generic, possible));
        for (String otherId : relink) {
            StandardizedRecord other = state.records().get(otherId);
            if (other != null) {
                seeds.add(otherId);
                seeds.addAll(relink(other, generic, possible));
            }
        }
        List<ClientChange> changes = recluster(seeds, generic, Set.of());
        return new LinkResult(state.recordClients().get(id), changes, possible);
    }

    /** Takes a record out of linkage; the rest of its client is re-evaluated without it. */
    public LinkResult withdraw(String recordId) {
        StandardizedRecord earlier = state.records().get(recordId);
        if (earlier == null) {
            return new LinkResult(null, List.of(), List.of());
        }
        Set<String> seeds = new LinkedHashSet<>();
        forget(earlier, seeds);
        String formerClient = state.recordClients().get(recordId);
        state.records().delete(recordId);
        state.sources().delete(recordId);
        state.recordClients().delete(recordId);
        Set<String> emptied = new HashSet<>();
        if (formerClient != null) {
            Client client = state.clients().get(formerClient);
            client.recordIds().stream().filter(member -> !member.equals(recordId)).forEach(seeds::add);
            emptied.add(formerClient);
        }
        return new LinkResult(null, recluster(seeds, genericity.view(), emptied), List.of());
    }

    /** Records an operator's decision on a pair; it outlives every later re-evaluation. */
    public LinkResult decide(String leftRecordId, String rightRecordId, DecisionType type) {
        if (leftRecordId.equals(rightRecordId)) {
            throw new IllegalArgumentException("a decision needs two different records");
        }
        state.decisions().put(leftRecordId, decisionsOf(leftRecordId).with(rightRecordId, type));
        state.decisions().put(rightRecordId, decisionsOf(rightRecordId).with(leftRecordId, type));
        state.possibleMatches().delete(PossibleMatch.key(leftRecordId, rightRecordId));

        GenericValues generic = genericity.view();
        Set<String> seeds = new LinkedHashSet<>();
        List<PossibleMatch> ignored = new ArrayList<>();
        for (String id : List.of(leftRecordId, rightRecordId)) {
            StandardizedRecord record = state.records().get(id);
            if (record != null) {
                seeds.add(id);
                seeds.addAll(relink(record, generic, ignored));
            }
        }
        return new LinkResult(state.recordClients().get(leftRecordId), recluster(seeds, generic, Set.of()), List.of());
    }

    /**
     * Pairs waiting for a person: between the thresholds, still in different clients, not decided.
     * Scans the whole table, so it serves review screens, never the per-event path.
     */
    public List<PossibleMatch> openPossibleMatches() {
        List<PossibleMatch> open = new ArrayList<>();
        state.possibleMatches().forEach((key, match) -> {
            String left = state.recordClients().get(match.leftRecordId());
            String right = state.recordClients().get(match.rightRecordId());
            if (left != null && right != null && !left.equals(right)
                    && decision(match.leftRecordId(), match.rightRecordId()).isEmpty()) {
                open.add(match);
            }
        });
        return open;
    }

    public Optional<DecisionType> decision(String leftRecordId, String rightRecordId) {
        return Optional.ofNullable(decisionsOf(leftRecordId).byOtherRecord().get(rightRecordId));
    }

    /** Why two known records are or are not linked, comparison by comparison. */
    public Optional<Explanation> explain(String leftRecordId, String rightRecordId) {
        StandardizedRecord left = state.records().get(leftRecordId);
        StandardizedRecord right = state.records().get(rightRecordId);
        if (left == null || right == null) {
            return Optional.empty();
        }
        return Optional.of(model.explain(left, right, genericity.view()));
    }

    public Optional<String> clientOf(String recordId) {
        return Optional.ofNullable(state.recordClients().get(recordId));
    }

    /** The client, following merge redirects; empty if the id was never issued. */
    public Optional<Client> client(String clientId) {
        Client client = state.clients().get(clientId);
        for (int hops = 0; client != null && client.isRetired() && hops < 1_000; hops++) {
            client = state.clients().get(client.mergedInto());
        }
        return Optional.ofNullable(client);
    }

    /** The record as its agency sent it. */
    public Optional<SourceRecord> source(String recordId) {
        return Optional.ofNullable(state.sources().get(recordId));
    }

    private void forget(StandardizedRecord earlier, Set<String> seeds) {
        GenericValues generic = genericity.view();
        blocks.unregister(earlier, generic);
        genericity.unregister(earlier);
        seeds.addAll(graph.detach(earlier.recordId()));
    }

    /** Recomputes a record's links from its current candidates and decisions; returns the records touched. */
    private Set<String> relink(StandardizedRecord record, GenericValues generic, List<PossibleMatch> possible) {
        Map<String, Link> links = new HashMap<>();
        for (String candidateId : blocks.candidates(record, generic)) {
            StandardizedRecord candidate = state.records().get(candidateId);
            if (candidate == null) {
                continue;
            }
            PairScore score = model.score(record, candidate, generic);
            if (score.matchWeight() >= model.linkThreshold()) {
                links.put(candidateId, new Link(candidateId, score.matchWeight(), false));
            } else if (score.matchWeight() >= model.reviewThreshold()) {
                PossibleMatch match = PossibleMatch.of(record.recordId(), candidateId, score.matchWeight(),
                        score.matchProbability());
                state.possibleMatches().put(PossibleMatch.key(record.recordId(), candidateId), match);
                possible.add(match);
            }
        }
        decisionsOf(record.recordId()).byOtherRecord().forEach((otherId, type) -> {
            if (type == DecisionType.FORCE_LINK && state.records().get(otherId) != null) {
                links.put(otherId, Link.forced(otherId));
            }
        });
        List<Link> sorted = new ArrayList<>(links.values());
        sorted.sort((a, b) -> a.otherRecordId().compareTo(b.otherRecordId()));
        return graph.replace(record.recordId(), sorted);
    }

    /**
     * Re-clusters the link-graph components around the seeds, together with every record of the
     * clients they belonged to (a client that loses its links must be able to split).
     */
    private List<ClientChange> recluster(Set<String> seeds, GenericValues generic, Set<String> emptied) {
        Set<String> affected = graph.componentsOf(seeds);
        Set<String> visitedClients = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(affected);
        while (!pending.isEmpty()) {
            String clientId = state.recordClients().get(pending.poll());
            if (clientId == null || !visitedClients.add(clientId)) {
                continue;
            }
            Client client = state.clients().get(clientId);
            List<String> outside = client.recordIds().stream().filter(member -> !affected.contains(member)).toList();
            for (String reached : graph.componentsOf(outside)) {
                if (affected.add(reached)) {
                    pending.add(reached);
                }
            }
        }
        affected.removeIf(id -> state.records().get(id) == null);
        Map<String, StandardizedRecord> records = new HashMap<>();
        MergeGuard guard = (a, b, forced) -> decisionsOf(a).unlinked(b)
                || (!forced && model.conflict(cached(records, a), cached(records, b), generic).isPresent());
        return assignment.apply(ConstrainedClustering.cluster(affected, graph, guard), emptied);
    }

    private StandardizedRecord cached(Map<String, StandardizedRecord> records, String id) {
        return records.computeIfAbsent(id, state.records()::get);
    }

    private Decisions decisionsOf(String recordId) {
        Decisions found = state.decisions().get(recordId);
        return found == null ? Decisions.NONE : found;
    }
}
