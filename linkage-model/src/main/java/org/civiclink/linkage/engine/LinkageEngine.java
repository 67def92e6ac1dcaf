package org.civiclink.linkage.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
 *       sizes and on how many records are linked together, not on how many are known: candidates
 *       come from blocks of at most {@code maxBlockSize} records; a value's genericity tracks at most
 *       {@code maxBlockSize} holders (then it is saturated: generic for good); re-clustering makes at
 *       most c(c-1)/2 conflict checks for the c records of the touched components and their clients;</li>
 *   <li>whatever a step learns that changes earlier scores — a value turning generic or back, a
 *       block growing too large — makes it re-link the records concerned in the same step.</li>
 * </ol>
 * Two things are remembered beyond the current records, as the price of bounded state: a blocking
 * key that ever had more than {@code maxBlockSize} records stays oversized, and a value that ever had
 * more than {@code maxBlockSize} holders stays generic. Until then, corrections and withdrawals give
 * exactly the partition of linking the final records at once.
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

    /** Links a new record, or re-links a known one whose data changed (a correction: the latest version wins). */
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
        Set<String> relink = new LinkedHashSet<>();
        if (earlier != null) {
            relink.addAll(forget(earlier, seeds));
        }
        state.records().put(id, record);
        relink.addAll(genericity.register(record));
        relink.addAll(blocks.register(record));
        relink.remove(id);
        GenericValues generic = genericity.view();

        List<PossibleMatch> possible = new ArrayList<>();
        seeds.addAll(relink(record, generic, possible));
        relinkAll(relink, generic, seeds, possible);
        List<ClientChange> changes = recluster(seeds, generic, Set.of(), possible);
        return new LinkResult(state.recordClients().get(id), changes, possible);
    }

    /** Takes a record out of linkage; the rest of its client is re-evaluated without it. */
    public LinkResult withdraw(String recordId) {
        StandardizedRecord earlier = state.records().get(recordId);
        if (earlier == null) {
            return new LinkResult(null, List.of(), List.of());
        }
        Set<String> seeds = new LinkedHashSet<>();
        Set<String> relink = forget(earlier, seeds);
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
        GenericValues generic = genericity.view();
        List<PossibleMatch> possible = new ArrayList<>();
        relinkAll(relink, generic, seeds, possible);
        return new LinkResult(null, recluster(seeds, generic, emptied, possible), possible);
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
        relinkAll(List.of(leftRecordId, rightRecordId), generic, seeds, ignored);
        return new LinkResult(state.recordClients().get(leftRecordId), recluster(seeds, generic, Set.of(), ignored),
                List.of());
    }

    /**
     * Pairs waiting for a person, still in different clients and not decided: pairs between the
     * thresholds, and pairs at or above the link threshold that a hard conflict kept apart (only a
     * person can force those). Each pair is scored again, so a pair that a correction made unlikely
     * drops out and the weights shown are current. Scans the whole table, so it serves review
     * screens, never the per-event path.
     */
    public List<PossibleMatch> openPossibleMatches() {
        GenericValues generic = genericity.view();
        List<PossibleMatch> open = new ArrayList<>();
        state.possibleMatches().forEach((key, match) -> {
            String left = state.recordClients().get(match.leftRecordId());
            String right = state.recordClients().get(match.rightRecordId());
            if (left == null || right == null || left.equals(right)
                    || decision(match.leftRecordId(), match.rightRecordId()).isPresent()) {
                return;
            }
            PairScore score = model.score(state.records().get(match.leftRecordId()),
                    state.records().get(match.rightRecordId()), generic);
            if (score.matchWeight() >= model.reviewThreshold()) {
                open.add(new PossibleMatch(match.leftRecordId(), match.rightRecordId(), score.matchWeight(),
                        score.matchProbability()));
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

    /** Takes an earlier version out of blocks, genericity and the graph; returns records to re-link. */
    private Set<String> forget(StandardizedRecord earlier, Set<String> seeds) {
        blocks.unregister(earlier);
        Set<String> relink = genericity.unregister(earlier);
        seeds.addAll(graph.detach(earlier.recordId()));
        relink.remove(earlier.recordId());
        return relink;
    }

    private void relinkAll(Collection<String> recordIds, GenericValues generic, Set<String> seeds,
                           List<PossibleMatch> possible) {
        for (String otherId : recordIds) {
            StandardizedRecord other = state.records().get(otherId);
            if (other != null) {
                seeds.add(otherId);
                seeds.addAll(relink(other, generic, possible));
            }
        }
    }

    /**
     * Recomputes a record's links from its current candidates and decisions; returns the records
     * touched. A pair at or above the link threshold that a hard conflict forbids is no link (it
     * could never join) but a possible match, so that a person can see it and force it.
     */
    private Set<String> relink(StandardizedRecord record, GenericValues generic, List<PossibleMatch> possible) {
        Map<String, Link> links = new HashMap<>();
        for (String candidateId : blocks.candidates(record, generic)) {
            StandardizedRecord candidate = state.records().get(candidateId);
            if (candidate == null) {
                continue;
            }
            PairScore score = model.score(record, candidate, generic);
            boolean linkWeight = score.matchWeight() >= model.linkThreshold();
            if (linkWeight && model.conflict(record, candidate, generic).isEmpty()) {
                links.put(candidateId, new Link(candidateId, score.matchWeight(), false));
            } else if (score.matchWeight() >= model.reviewThreshold()) {
                possible.add(recordPossibleMatch(record.recordId(), candidateId, score));
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

    private PossibleMatch recordPossibleMatch(String a, String b, PairScore score) {
        PossibleMatch match = PossibleMatch.of(a, b, score.matchWeight(), score.matchProbability());
        state.possibleMatches().put(PossibleMatch.key(a, b), match);
        return match;
    }

    /**
     * Re-clusters the link-graph components around the seeds, together with every record of the
     * clients they belonged to (a client that loses its links must be able to split).
     */
    private List<ClientChange> recluster(Set<String> seeds, GenericValues generic, Set<String> emptied,
                                         List<PossibleMatch> possible) {
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
        List<List<String>> clusters = ConstrainedClustering.cluster(affected, graph, guard);
        recordLinksKeptApart(clusters, possible);
        return assignment.apply(clusters, emptied);
    }

    /**
     * Model links the clustering could not honour — each record is fine with the other, but a
     * conflict with a third record keeps their groups apart — are for a person to review too.
     */
    private void recordLinksKeptApart(List<List<String>> clusters, List<PossibleMatch> possible) {
        Map<String, Integer> clusterOf = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (String id : clusters.get(i)) {
                clusterOf.put(id, i);
            }
        }
        for (int cluster = 0; cluster < clusters.size(); cluster++) {
            for (String id : clusters.get(cluster)) {
                for (Link link : graph.of(id).links()) {
                    Integer other = clusterOf.get(link.otherRecordId());
                    if (!link.forced() && other != null && other != cluster && id.compareTo(link.otherRecordId()) < 0
                            && decision(id, link.otherRecordId()).isEmpty()) {
                        possible.add(recordPossibleMatch(id, link.otherRecordId(),
                                new PairScore(link.matchWeight(), LinkageModel.probability(link.matchWeight()))));
                    }
                }
            }
        }
    }

    private StandardizedRecord cached(Map<String, StandardizedRecord> records, String id) {
        return records.computeIfAbsent(id, state.records()::get);
    }

    private Decisions decisionsOf(String recordId) {
        Decisions found = state.decisions().get(recordId);
        return found == null ? Decisions.NONE : found;
    }
}
