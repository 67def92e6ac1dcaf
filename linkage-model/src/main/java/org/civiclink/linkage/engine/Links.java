package org.civiclink.linkage.engine;

import java.util.ArrayList;
import java.util.List;

/** A record's edges in the link graph, each stored on both of its records. */
public record Links(List<Link> links) {

    static final Links NONE = new Links(List.of());

    Links without(String otherRecordId) {
        List<Link> kept = new ArrayList<>(links.size());
        for (Link link : links) {
            if (!link.otherRecordId().equals(otherRecordId)) {
                kept.add(link);
            }
        }
        return new Links(kept);
    }

    Links with(Link link) {
        List<Link> all = new ArrayList<>(without(link.otherRecordId()).links());
        all.add(link);
        return new Links(all);
    }
}
