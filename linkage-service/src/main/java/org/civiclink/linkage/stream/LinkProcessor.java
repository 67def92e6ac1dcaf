package org.civiclink.linkage.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.security.PurposeOfUse;

/** Attaches a client id to each accepted intake event and keeps the record-to-client state. */
class LinkProcessor implements Processor<String, IntakeEvent, String, LinkOutcome> {

    static final String SERVICE = "linkage-service";

    private ProcessorContext<String, LinkOutcome> context;
    private KeyValueStore<String, String> recordClient;
    private KeyValueStore<String, String> clientMembers;

    @Override
    public void init(ProcessorContext<String, LinkOutcome> context) {
        this.context = context;
        this.recordClient = context.getStateStore(LinkStores.RECORD_CLIENT);
        this.clientMembers = context.getStateStore(LinkStores.CLIENT_MEMBERS);
    }

    @Override
    public void process(Record<String, IntakeEvent> record) {
        IntakeEvent event = record.value();
        String recordId = event.getAgencyCode() + ":" + event.getPerson().getAgencyRecordId();
        String clientId = PlaceholderIdentity.clientIdFor(recordId, event.getPerson());
        Optional<ClientUpdate> update = remember(recordId, clientId);

        Instant now = Instant.now();
        LinkedEvent linked = LinkedEvent.newBuilder()
                .setClientId(clientId).setRecordId(recordId).setLinkedAt(now).setEvent(event).build();
        List<String> categories = new ArrayList<>(List.of("identity"));
        event.getFacts().stream().map(Fact::getDataCategory).distinct().forEach(categories::add);
        var access = AccessEvents.systemProcessing(SERVICE, PurposeOfUse.TREATMENT,
                "topic:" + Topic.INTAKE_ACCEPTED.topicName(), List.of(clientId), List.of(recordId), categories);
        context.forward(record.withKey(clientId).withValue(new LinkOutcome(linked, update, access)));
    }

    private Optional<ClientUpdate> remember(String recordId, String clientId) {
        if (clientId.equals(recordClient.get(recordId))) {
            return Optional.empty();
        }
        recordClient.put(recordId, clientId);
        String members = clientMembers.get(clientId);
        List<String> memberIds = members == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(members.split(",")));
        memberIds.add(recordId);
        clientMembers.put(clientId, String.join(",", memberIds));
        ClientUpdateType type = members == null ? ClientUpdateType.CLIENT_CREATED : ClientUpdateType.RECORD_JOINED;
        return Optional.of(ClientUpdate.newBuilder()
                .setUpdateId(UUID.randomUUID().toString())
                .setType(type)
                .setClientId(clientId)
                .setRecordIds(List.of(recordId))
                .setReason(type == ClientUpdateType.CLIENT_CREATED
                        ? "first record of this person"
                        : "same family name and date of birth as " + members)
                .setOccurredAt(Instant.now())
                .build());
    }
}
