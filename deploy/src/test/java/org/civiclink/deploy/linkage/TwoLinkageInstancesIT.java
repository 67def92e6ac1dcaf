package org.civiclink.deploy.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.civiclink.deploy.TestPorts;
import org.civiclink.deploy.kafka.CivicLinkTopics;
import org.civiclink.deploy.kafka.KafkaBrokerProcess;
import org.civiclink.deploy.kafka.KafkaBrokerSpec;
import org.civiclink.deploy.kafka.KafkaLibs;
import org.civiclink.deploy.services.ServiceEnvironment;
import org.civiclink.deploy.services.ServiceProcess;
import org.civiclink.deploy.services.ServiceSpec;
import org.civiclink.deploy.simulate.KafkaPublisher;
import org.civiclink.deploy.simulate.SimulatedIntakeEvents;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.linkage.batch.BatchLinker;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two packaged linkage-service instances with one application id on a real broker: both answer
 * every record's query (one of them by forwarding to the holder of the linkage state), the partition
 * they give equals the batch linker's over the same records, and when the holder stops the other
 * takes over the state and goes on linking new records into the same clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoLinkageInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** LinkageQueries' loop guard: an instance that is not the holder refuses a request already forwarded once. */
    private static final String FORWARDED_BY = "CivicLink-Forwarded-By";

    @TempDir
    static Path home;

    private KafkaBrokerProcess broker;
    private final List<ServiceProcess> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = DevTokenIssuer.issue("it-two-instances", "DHS", "caseworker");

    @BeforeAll
    void start() throws IOException {
        broker = KafkaBrokerProcess.start(new KafkaBrokerSpec(KafkaLibs.locate(), home.resolve("kafka"), home.resolve("config"),
                home.resolve("kafka.log"), home.resolve("kafka-console.log"), "127.0.0.1", TestPorts.free(), TestPorts.free()), WAIT);
        CivicLinkTopics.provision(broker.bootstrapServers());
        for (String name : List.of("a", "b")) {
            ServiceSpec spec = ServiceSpec.LINKAGE.withHttpPort(TestPorts.free());
            var env = ServiceEnvironment.forService(spec, broker.bootstrapServers(),
                    Files.createDirectories(home.resolve("streams-" + name)), Optional.empty());
            instances.add(ServiceProcess.start(spec, env, home.resolve("linkage-" + name + ".log")));
        }
        instances.forEach(instance -> instance.awaitReady(WAIT));
    }

    @AfterAll
    void stop() {
        instances.forEach(ServiceProcess::stop);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void bothInstancesAnswerForEveryRecordAndTheSurvivorTakesOver() throws Exception {
        List<SourceRecord> population = new ArrayList<>();
        Simulation.of(2026, 250).run(population::add);
        int cut = population.size() * 3 / 4;
        List<SourceRecord> before = population.subList(0, cut);
        List<SourceRecord> after = population.subList(cut, population.size());

        publish(before, "two-a-");
        awaitLinked(before);
        Map<String, String> fromA = Eventually.valueWithin(WAIT, () -> clients(instances.get(0), before));
        Map<String, String> fromB = clients(instances.get(1), before);
        assertEquals(fromA, fromB, "both instances must give the same client for every record");
        assertEquals(batchPartition(before), partition(fromA), "streaming with two instances must equal the batch linker");

        // The holder of the state stops (a rolling restart); the other restores the state from its changelog.
        SourceRecord probe = before.get(0);
        ServiceProcess holder = Eventually.valueWithin(WAIT, () -> instances.stream()
                .filter(instance -> holdsTheState(instance, probe)).findFirst()
                .orElseThrow(() -> new AssertionError("neither instance holds the linkage state")));
        ServiceProcess survivor = instances.stream().filter(instance -> instance != holder).findFirst().orElseThrow();
        holder.stop();

        publish(after, "two-b-");
        awaitLinked(after);
        Map<String, String> all = Eventually.valueWithin(WAIT, () -> {
            Map<String, String> answered = clients(survivor, population);
            assertTrue(holdsTheState(survivor, probe), "the survivor must now hold the linkage state");
            return answered;
        });
        assertEquals(batchPartition(population), partition(all), "after the takeover the partition must still equal the batch linker's");
    }

    private void publish(List<SourceRecord> records, String eventIdPrefix) {
        try (KafkaPublisher publisher = new KafkaPublisher(broker.bootstrapServers(), Topic.INTAKE_ACCEPTED, 0, eventIdPrefix)) {
            records.forEach(publisher::publish);
            assertEquals(0, publisher.finish().failures());
        }
    }

    private void awaitLinked(List<SourceRecord> records) {
        Set<String> ids = records.stream().map(SimulatedIntakeEvents::linkageRecordId).collect(Collectors.toSet());
        TopicReader.await(broker.bootstrapServers(), Topic.LINKED_EVENTS, LinkedEvent.class,
                event -> ids.contains(event.getRecordId()), ids.size(), WAIT);
    }

    /** Each record's client as one instance answers it; fails on any answer but 200. */
    private Map<String, String> clients(ServiceProcess instance, Collection<SourceRecord> records) throws Exception {
        Map<String, String> clients = new HashMap<>();
        for (SourceRecord record : records) {
            HttpResponse<String> answer = http.send(clientQuery(instance, record).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), instance.spec().httpPort() + " " + record.recordId() + ": " + answer.body());
            JsonNode body = JSON.readTree(answer.body());
            clients.put(body.get("recordId").asText(), body.get("clientId").asText());
        }
        return clients;
    }

    /** Only the holder answers a request marked as already forwarded; any other instance refuses it with 503. */
    private boolean holdsTheState(ServiceProcess instance, SourceRecord probe) {
        try {
            HttpRequest request = clientQuery(instance, probe).header(FORWARDED_BY, "it").build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder clientQuery(ServiceProcess instance, SourceRecord record) {
        URI uri = instance.spec().url("/v1/records/" + encode(record.agency()) + "/" + encode(record.recordId()) + "/client");
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET()
                .header("Authorization", "Bearer " + token).header("Purpose-Of-Use", "TREATMENT");
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The clients the batch command forms over the same records, as the events carry them to the stream. */
    private static Set<Set<String>> batchPartition(List<SourceRecord> records) {
        BatchLinker batch = new BatchLinker(LinkageModel.defaultModel());
        Map<String, String> clients = new HashMap<>();
        for (SourceRecord r : records) {
            String id = SimulatedIntakeEvents.linkageRecordId(r);
            // SimulatedIntakeEvents sends an address only when there is a street, so city and zip go with it.
            boolean address = !r.street().isEmpty();
            batch.add(new org.civiclink.linkage.model.SourceRecord(id, r.agency(), blankToNull(r.firstName()),
                    blankToNull(r.middleName()), blankToNull(r.lastName()), blankToNull(r.dateOfBirth()), blankToNull(r.sex()),
                    blankToNull(r.ssn()), address ? r.street() : null, address ? blankToNull(r.city()) : null,
                    address ? blankToNull(r.zip()) : null, blankToNull(r.phone())));
        }
        records.forEach(r -> clients.put(SimulatedIntakeEvents.linkageRecordId(r), batch.clientOf(SimulatedIntakeEvents.linkageRecordId(r))));
        return partition(clients);
    }

    /** Client ids are arbitrary labels: compare the groups of records. */
    private static Set<Set<String>> partition(Map<String, String> clientOfRecord) {
        return new HashSet<>(clientOfRecord.entrySet().stream()
                .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toSet())))
                .values());
    }

    /** Intake events carry no empty strings (the publisher maps them to absent), and neither must the batch's records. */
    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
