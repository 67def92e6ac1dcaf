package org.civiclink.linkage.engine;

import java.util.List;

/**
 * Who holds one SSN, phone or address. {@code identityKeys} counts distinct people roughly (see
 * LinkageModel.identityKey); when there are more than the model's limit, the value is generic —
 * a shelter's address, an agency's phone, a placeholder SSN — and is never used as evidence again.
 */
public record EvidenceUsage(boolean generic, List<String> identityKeys, List<String> recordIds) {

    static final EvidenceUsage GENERIC = new EvidenceUsage(true, List.of(), List.of());
}
