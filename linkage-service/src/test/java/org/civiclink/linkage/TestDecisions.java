package org.civiclink.linkage;

import java.time.Instant;
import java.util.UUID;

import org.civiclink.events.LinkDecision;
import org.civiclink.events.LinkDecisionType;

/** Operators' decisions as they arrive on the decisions topic. */
public final class TestDecisions {

    private TestDecisions() {
    }

    public static LinkDecision forceLink(String leftRecordId, String rightRecordId) {
        return decision(LinkDecisionType.FORCE_LINK, leftRecordId, rightRecordId);
    }

    public static LinkDecision decision(LinkDecisionType type, String leftRecordId, String rightRecordId) {
        return LinkDecision.newBuilder().setDecisionId(UUID.randomUUID().toString()).setType(type)
                .setLeftRecordId(leftRecordId).setRightRecordId(rightRecordId)
                .setReason("test decision").setDecidedBy("sup-test").setDecidedAt(Instant.now()).build();
    }
}
