package org.civiclink.linkage.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkDecision;
import org.civiclink.events.topic.DeadLetterHeaders;
import org.civiclink.linkage.engine.ClientChange;
import org.civiclink.linkage.engine.DecisionType;
import org.civiclink.linkage.engine.LinkResult;
import org.civiclink.linkage.engine.LinkageEngine;
import org.civiclink.linkage.engine.LinkageState;
import org.civiclink.linkage.engine.PossibleMatch;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.state.BufferedState;
import org.civiclink.linkage.state.LinkStores;
import org.jboss.logging.Logger;

/**
 * Feeds every accepted intake event and every operator decision, in one total order, to the
 * linkage engine over the persistent stores, and forwards what changed. A record's store writes
 * and its outputs go out only once the engine has handled it in full.
 */
class LinkProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger LOG = Logger.getLogger(LinkProcessor.class);

    private final LinkageModel model;
    private final UnaryOperator<LinkageState> engineState;
    private ProcessorContext<String, SpecificRecord> context;
    private BufferedState state;
    private LinkageEngine engine;

    LinkProcessor(LinkageModel model, UnaryOperator<LinkageState> engineState) {
        this.model = model;
        this.engineState = engineState;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.state = LinkStores.buffered(model, name -> context.getStateStore(name));
        this.engine = new LinkageEngine(model, engineState.apply(state.current()));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        List<Record<String, SpecificRecord>> outputs = new ArrayList<>();
        try {
            if (record.value() instanceof IntakeEvent event) {
                link(event, record.timestamp(), outputs);
            } else if (record.value() instanceof LinkDecision decision) {
                decide(decision, record.timestamp(), outputs);
            }
        } catch (RuntimeException e) {
            // A record the engine cannot handle must not stop linkage for everyone after it, nor leave
            // behind the part of its changes the engine made before it failed.
            state.discard();
            LOG.errorf(e, "Linkage failed for record %s; sent to the dead-letter topic", record.key());
            deadLetter(record, e);
            return;
        }
        state.commit();
        outputs.forEach(context::forward);
    }

    private void link(IntakeEvent event, long timestamp, List<Record<String, SpecificRecord>> outputs) {
        LinkResult result = engine.link(IntakeRecords.toSourceRecord(event));
        Instant now = Instant.now();
        changes(result, now, timestamp, outputs);
        String recordId = IntakeRecords.recordId(event);
        outputs.add(new Record<>(result.clientId(), OutboundEvents.linked(result.clientId(), recordId, event, now), timestamp));
        var access = OutboundEvents.processing(result.clientId(), recordId, event);
        outputs.add(new Record<>(access.getEventId(), access, timestamp));
    }

    private void decide(LinkDecision decision, long timestamp, List<Record<String, SpecificRecord>> outputs) {
        LinkResult result = switch (decision.getType()) {
            case FORCE_LINK -> engine.decide(decision.getLeftRecordId(), decision.getRightRecordId(), DecisionType.FORCE_LINK);
            case UNLINK -> engine.decide(decision.getLeftRecordId(), decision.getRightRecordId(), DecisionType.UNLINK);
            case WITHDRAW_RECORD -> engine.withdraw(decision.getLeftRecordId());
            default -> throw new IllegalArgumentException("unknown decision type " + decision.getType());
        };
        LOG.infof("Applied %s decision %s by %s on %s/%s", decision.getType(), decision.getDecisionId(),
                decision.getDecidedBy(), decision.getLeftRecordId(), decision.getRightRecordId());
        changes(result, Instant.now(), timestamp, outputs);
    }

    private void changes(LinkResult result, Instant now, long timestamp, List<Record<String, SpecificRecord>> outputs) {
        for (ClientChange change : result.changes()) {
            outputs.add(new Record<>(change.clientId(), OutboundEvents.clientUpdate(change, now), timestamp));
        }
        for (PossibleMatch match : ReviewCandidates.toPublish(result.possibleMatches(), state.committed().possibleMatches(), engine)) {
            outputs.add(new Record<>(match.key(), OutboundEvents.possibleMatch(match,
                    engine.clientOf(match.leftRecordId()).orElse(null), engine.clientOf(match.rightRecordId()).orElse(null),
                    model.version(), now), timestamp));
        }
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
