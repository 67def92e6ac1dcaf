package org.civiclink.linkage.query;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.civiclink.linkage.stream.LinkStores;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/records/{agency}/{recordId}/client")
@Produces(MediaType.APPLICATION_JSON)
public class RecordClientResource {

    public record RecordClient(String recordId, String clientId) {
    }

    @Inject
    KafkaStreams streams;

    @Inject
    AuditContext audit;

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.ADMIN})
    @PersonalData(categories = {"identity"})
    @Operation(summary = "The client a record belongs to")
    public RecordClient clientOf(@PathParam("agency") String agency, @PathParam("recordId") String recordId) {
        String id = agency + ":" + recordId;
        String clientId = lookup(id);
        if (clientId == null) {
            throw new ProblemException(Problem.of(404, "unknown-record", "Not Found", "No record " + agency + " / this id is known."));
        }
        audit.client(clientId);
        return new RecordClient(id, clientId);
    }

    private String lookup(String recordId) {
        try {
            ReadOnlyKeyValueStore<String, String> store = streams.store(
                    StoreQueryParameters.fromNameAndType(LinkStores.RECORD_CLIENT, QueryableStoreTypes.keyValueStore()));
            return store.get(recordId);
        } catch (InvalidStateStoreException e) {
            throw new ProblemException(Problem.of(503, "rebalancing", "Service Unavailable",
                    "Client state is being restored; retry shortly."));
        }
    }
}
