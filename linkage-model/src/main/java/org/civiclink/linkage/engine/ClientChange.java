package org.civiclink.linkage.engine;

import java.util.List;

/**
 * One change in which records form which client.
 *
 * @param clientId          the client after the change (the survivor of a merge)
 * @param previousClientIds retired ids on a merge; the client the records left on a split
 * @param recordIds         the records that changed client
 */
public record ClientChange(ClientChangeType type, String clientId, List<String> previousClientIds,
                           List<String> recordIds, String reason) {
}
