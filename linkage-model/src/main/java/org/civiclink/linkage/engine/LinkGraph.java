package org.civiclink.linkage.engine;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The graph of links, each edge kept on both records so either end finds it. */
final class LinkGraph {

    private final Table<Links> links;

    LinkGraph(Table<Links> links) {
        this.links = links;
    }

    Links of(String recordId) {
        Links found = links.get(recordId);
        return found == null ? Links.NONE : found;
    }

    /** Replaces all of a record's edges; returns the records that were or are now at the other end. */
    Set<String> replace(String recordId, List<Link> newLinks) {
        Set<String> touched = detach(recordId);
        for (Link link : newLinks) {
            links.put(recordId, of(recordId).with(link));
            links.put(link.otherRecordId(),
                    of(link.otherRecordId()).with(new Link(recordId, link.matchWeight(), link.forced())));
            touched.add(link.otherRecordId());
        }
        return touched;
    }

    /** Removes all of a record's edges; returns its former neighbours. */
    Set<String> detach(String recordId) {
        Set<String> former = new LinkedHashSet<>();
        for (Link link : of(recordId).links()) {
            former.add(link.otherRecordId());
            Links other = of(link.otherRecordId()).without(recordId);
            if (other.links().isEmpty()) {
                links.delete(link.otherRecordId());
            } else {
                links.put(link.otherRecordId(), other);
            }
        }
        links.delete(recordId);
        return former;
    }

    /** Every record reachable from the seeds over edges: whole connected components. */
    Set<String> componentsOf(Collection<String> seeds) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String seed : seeds) {
            if (reached.add(seed)) {
                queue.add(seed);
            }
        }
        while (!queue.isEmpty()) {
            for (Link link : of(queue.poll()).links()) {
                if (reached.add(link.otherRecordId())) {
                    queue.add(link.otherRecordId());
                }
            }
        }
        return reached;
    }
}
