package org.civiclink.linkage.stream;

import java.util.Optional;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.LinkedEvent;

/** What linking one intake event produced: the linked event, maybe a client update, and its access record. */
record LinkOutcome(LinkedEvent linked, Optional<ClientUpdate> update, AccessEvent access) {
}
