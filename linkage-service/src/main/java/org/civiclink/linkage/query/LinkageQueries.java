package org.civiclink.linkage.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.civiclink.linkage.engine.LinkageEngine;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.state.LinkStores;
import org.civiclink.linkage.stream.TopologyProducer;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PurposeOfUse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a query where the linkage state lives. The state belongs to one linking task; on the
 * instance that runs it, the query reads the stores; any other instance forwards the request, with
 * the caller's credentials and purpose, to the owner and passes its answer back.
 */
@ApplicationScoped
public class LinkageQueries {

    /** Marks a forwarded request, so that two instances that disagree about the owner never ping-pong. */
    static final String FORWARDED_BY = "CivicLink-Forwarded-By";

    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    KafkaStreams streams;

    @Inject
    LinkageModel model;

    @ConfigProperty(name = "kafka-streams.application.server")
    Optional<String> advertisedServer;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Response answer(UriInfo uri, HttpHeaders headers, Function<LinkageEngine, Response> query) {
        try {
            if (ownsLinkingTask()) {
                return query.apply(localEngine());
            }
            if (headers.getHeaderString(FORWARDED_BY) != null) {
                throw unavailable("The linkage state is moving between instances; retry shortly.");
            }
            return forward(owner(), uri, headers);
        } catch (StreamsException e) {
            throw unavailable("Linkage state is being restored or moved; retry shortly.");
        }
    }

    /** True when this instance runs the linking task, whose stores hold all linkage state. */
    private boolean ownsLinkingTask() {
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                for (TopicPartition partition : task.topicPartitions()) {
                    if (partition.topic().endsWith(TopologyProducer.LINKING_TOPIC_SUFFIX)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private HostInfo owner() {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(LinkStores.RECORDS, "any", Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || advertisedServer.isEmpty()) {
            throw unavailable("The linkage state is not assigned to any instance yet; retry shortly.");
        }
        return metadata.activeHost();
    }

    /** The stores may move while a query runs; the caller turns that into a 503. */
    private LinkageEngine localEngine() {
        return new LinkageEngine(model, LinkStores.queryable(model, streams));
    }

    private Response forward(HostInfo owner, UriInfo uri, HttpHeaders headers) {
        URI requested = uri.getRequestUri();
        URI target = URI.create("http://" + owner.host() + ":" + owner.port() + requested.getRawPath()
                + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(FORWARD_TIMEOUT).GET()
                .header(FORWARDED_BY, advertisedServer.get());
        for (String name : List.of(HttpHeaders.AUTHORIZATION, PurposeOfUse.HEADER, PurposeOfUse.REASON_HEADER,
                HttpHeaders.ACCEPT)) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
            answer.headers().firstValue("content-type").ifPresent(type -> response.header("Content-Type", type));
            answer.headers().firstValue("location").ifPresent(location -> response.header("Location", location));
            return response.build();
        } catch (IOException e) {
            throw unavailable("The instance holding the linkage state (" + owner + ") did not answer.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while asking " + owner + ".");
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "linkage-state-unavailable", "Service Unavailable", detail));
    }
}
