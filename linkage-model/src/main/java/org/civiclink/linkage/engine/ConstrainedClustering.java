package org.civiclink.linkage.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a set of whole link-graph components into clients. Edges are taken strongest first (forced
 * links, then by match weight, ties by record ids) and two groups join only if no pair across them is
 * forbidden, so a chain A–B–C never puts two people with different SSNs together.
 *
 * <p>The result is a function of the records, their links and the decisions alone — not of the
 * order records arrived in — which is what makes streaming and batch linkage agree.
 *
 * <p>Cost: the guard is asked about each pair of records at most once per call (answers are
 * remembered, as a refused join is often retried through another edge), so a call makes at most
 * c(c-1)/2 guard checks for c records — the re-clustered components, whose size depends on how many
 * records are linked together, not on how many are known.
 */
final class ConstrainedClustering {

    private record Edge(String left, String right, double weight, boolean forced) {
    }

    private record Question(String left, String right, boolean forced) {

        static Question of(String a, String b, boolean forced) {
            return a.compareTo(b) <= 0 ? new Question(a, b, forced) : new Question(b, a, forced);
        }
    }

    private static final Comparator<Edge> STRONGEST_FIRST = Comparator
            .comparing((Edge e) -> !e.forced())
            .thenComparing(Edge::weight, Comparator.reverseOrder())
            .thenComparing(Edge::left)
            .thenComparing(Edge::right);

    private ConstrainedClustering() {
    }

    static List<List<String>> cluster(Set<String> recordIds, LinkGraph graph, MergeGuard guard) {
        MergeGuard remembered = remembering(guard);
        Map<String, List<String>> groupOf = new HashMap<>();
        for (String id : recordIds) {
            List<String> alone = new ArrayList<>();
            alone.add(id);
            groupOf.put(id, alone);
        }
        for (Edge edge : edgesWithin(recordIds, graph)) {
            List<String> left = groupOf.get(edge.left());
            List<String> right = groupOf.get(edge.right());
            if (left == right || forbidden(left, right, edge.forced(), remembered)) {
                continue;
            }
            List<String> larger = left.size() >= right.size() ? left : right;
            List<String> smaller = larger == left ? right : left;
            larger.addAll(smaller);
            smaller.forEach(id -> groupOf.put(id, larger));
        }
        Set<List<String>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(groupOf.values());
        List<List<String>> sorted = new ArrayList<>();
        for (List<String> group : distinct) {
            sorted.add(group.stream().sorted().toList());
        }
        sorted.sort(Comparator.comparing(group -> group.get(0)));
        return sorted;
    }

    private static List<Edge> edgesWithin(Set<String> recordIds, LinkGraph graph) {
        List<Edge> edges = new ArrayList<>();
        for (String id : recordIds) {
            for (Link link : graph.of(id).links()) {
                if (id.compareTo(link.otherRecordId()) < 0 && recordIds.contains(link.otherRecordId())) {
                    edges.add(new Edge(id, link.otherRecordId(), link.matchWeight(), link.forced()));
                }
            }
        }
        edges.sort(STRONGEST_FIRST);
        return edges;
    }

    /** The guard is symmetric, so one answer per unordered pair (and kind of edge) serves both orders. */
    private static MergeGuard remembering(MergeGuard guard) {
        Map<Question, Boolean> answers = new HashMap<>();
        return (a, b, forced) -> answers.computeIfAbsent(Question.of(a, b, forced),
                q -> guard.forbids(q.left(), q.right(), q.forced()));
    }

    private static boolean forbidden(List<String> left, List<String> right, boolean forced, MergeGuard guard) {
        for (String a : left) {
            for (String b : right) {
                if (guard.forbids(a, b, forced)) {
                    return true;
                }
            }
        }
        return false;
    }
}
