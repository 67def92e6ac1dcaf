package org.civiclink.linkage.stream;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkDecision;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.linkage.engine.ClientChange;
import org.civiclink.linkage.engine.DecisionType;
import org.civiclink.linkage.engine.LinkResult;
import org.civiclink.linkage.engine.LinkageEngine;
import org.civiclink.linkage.engine.PossibleMatch;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.state.LinkStores;
import org.civiclink.linkage.state.StoreTable;
import org.jboss.logging.Logger;

/**
 * Feeds every accepted intake event and every operator decision, in one total order, to the
 * linkage engine over the persistent stores, and forwards what changed.
 */
class LinkProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger LOG = Logger.getLogger(LinkProcessor.class);

    private final LinkageModel model;
    private ProcessorContext<String, SpecificRecord> context;
    private LinkageEngine engine;

    LinkProcessor(LinkageModel model) {
        this.model = model;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.engine = new LinkageEngine(model, LinkStores.state(name -> {
            KeyValueStore<String, Object> store = context.getStateStore(name);
            return StoreTable.writable(store);
        }));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        try {
            if (record.value() instanceof IntakeEvent event) {
                link(event, record.timestamp());
            } else if (record.value() instanceof LinkDecision decision) {
                decide(decision, record.timestamp());
            }
        } catch (RuntimeException e) {
            // A record the engine cannot handle must not stop linkage for everyone after it.
            LOG.errorf(e, "Linkage failed for record %s; sent to the dead-letter topic", record.key());
            deadLetter(record, e);
        }
    }

    private void link(IntakeEvent event, long timestamp) {
        LinkResult result = engine.link(IntakeRecords.toSourceRecord(event));
        Instant now = Instant.now();
        forwardChanges(result, now, timestamp);
        String recordId = IntakeRecords.recordId(event);
        forward(result.clientId(), OutboundEvents.linked(result.clientId(), recordId, event, now), timestamp);
        var access = OutboundEvents.processing(result.clientId(), recordId, event);
        forward(access.getEventId(), access, timestamp);
    }

    private void decide(LinkDecision decision, long timestamp) {
        LinkResult result = switch (decision.getType()) {
            case FORCE_LINK -> engine.decide(decision.getLeftRecordId(), decision.getRightRecordId(), DecisionType.FORCE_LINK);
            case UNLINK -> engine.decide(decision.getLeftRecordId(), decision.getRightRecordId(), DecisionType.UNLINK);
            case WITHDRAW_RECORD -> engine.withdraw(decision.getLeftRecordId());
            default -> throw new IllegalArgumentException("unknown decision type " + decision.getType());
        };
        LOG.infof("Applied %s decision %s by %s on %s/%s", decision.getType(), decision.getDecisionId(),
                decision.getDecidedBy(), decision.getLeftRecordId(), decision.getRightRecordId());
        forwardChanges(result, Instant.now(), timestamp);
    }

    private void forwardChanges(LinkResult result, Instant now, long timestamp) {
        for (ClientChange change : result.changes()) {
            forward(change.clientId(), OutboundEvents.clientUpdate(change, now), timestamp);
        }
        for (PossibleMatch match : result.possibleMatches()) {
            String key = match.leftRecordId() + "|" + match.rightRecordId();
            forward(key, OutboundEvents.possibleMatch(match, engine.clientOf(match.leftRecordId()).orElse(null),
                    engine.clientOf(match.rightRecordId()).orElse(null), model.version(), now), timestamp);
        }
    }

    private void forward(String key, SpecificRecord value, long timestamp) {
        context.forward(new Record<>(key, value, timestamp));
    }

    private void deadLetter(Record<String, SpecificRecord> record, RuntimeException failure) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        Headers headers = DeadLetterHeaders.describe(
                "Linkage failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                OutboundEvents.SERVICE,
                source == null ? "unknown" : source.topic(),
                source == null ? -1 : source.partition(),
                source == null ? -1 : source.offset());
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers));
    }
}
