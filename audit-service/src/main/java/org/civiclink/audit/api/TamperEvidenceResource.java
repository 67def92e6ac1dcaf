package org.civiclink.audit.api;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.civiclink.audit.chain.ChainVerifier;
import org.civiclink.audit.chain.VerificationReport;
import org.civiclink.audit.merkle.Checkpoint;
import org.civiclink.audit.merkle.LeafStore;
import org.civiclink.audit.merkle.MerkleTree;
import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.NoPersonalData;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Checkpoints, inclusion proofs and full verification of the trail (docs/audit.md). */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class TamperEvidenceResource {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final ChainVerifier verifier;
    private final LeafStore leaves;

    TamperEvidenceResource(ChainVerifier verifier, LeafStore leaves) {
        this.verifier = verifier;
        this.leaves = leaves;
    }

    /** A signed tree head; hashes, keys and signatures are base64. */
    public record CheckpointView(long treeSize, String rootHash, java.time.Instant createdAt, String algorithm,
                                 String publicKey, String signature, String signedMessage) {
        static CheckpointView of(Checkpoint c) {
            return new CheckpointView(c.treeSize, B64.encodeToString(c.rootHash), c.createdAt, c.algorithm,
                    B64.encodeToString(c.publicKey), B64.encodeToString(c.signature),
                    new String(org.civiclink.audit.merkle.CheckpointSigner.signedMessage(c.treeSize, c.rootHash, c.createdAt),
                            java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    /** RFC 9162 §2.1.3 audit path for leaf {@code leafIndex} (= sequence - 1) in a tree of {@code treeSize}. */
    public record InclusionProof(String eventId, long sequence, long leafIndex, long treeSize, String leafHash,
                                 List<String> auditPath, String rootHash, CheckpointView checkpoint) {
    }

    @GET
    @Path("/checkpoints/latest")
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    @NoPersonalData
    @Operation(summary = "The latest signed Merkle tree head")
    public CheckpointView latestCheckpoint() {
        return Checkpoint.latest().map(CheckpointView::of).orElseThrow(() -> new ProblemException(
                Problem.of(404, "no-checkpoint", "No checkpoint yet", "The trail has not been checkpointed yet.")));
    }

    @GET
    @Path("/entries/{eventId}/inclusion-proof")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Inclusion proof of one entry", description = "treeSize defaults to the latest checkpoint's.")
    public InclusionProof inclusionProof(@PathParam("eventId") String eventId, @QueryParam("treeSize") Long treeSize) {
        AccessRecord entry = AccessRecord.<AccessRecord>findByIdOptional(eventId).orElseThrow(() -> new ProblemException(
                Problem.of(404, "no-such-entry", "No such entry", "No entry with this event id is in the trail.")));
        Optional<Checkpoint> latest = Checkpoint.latest();
        long size = treeSize != null ? treeSize : latest.map(c -> c.treeSize).orElseGet(leaves::size);
        long current = leaves.size();
        if (size < entry.seq || size > current) {
            throw new ProblemException(Problem.of(400, "invalid-tree-size", "Invalid tree size",
                    "The tree must contain the entry and exist already.").withInvalidParams(List.of(new Problem.InvalidParam(
                    "treeSize", "must be between the entry's sequence " + entry.seq + " and the trail's size " + current))));
        }
        List<byte[]> leafHashes = leaves.leaves(size);
        int index = (int) (entry.seq - 1);
        List<String> path = MerkleTree.inclusionPath(leafHashes, index).stream().map(B64::encodeToString).toList();
        CheckpointView checkpoint = Checkpoint.<Checkpoint>findByIdOptional(size).map(CheckpointView::of).orElse(null);
        return new InclusionProof(eventId, entry.seq, index, size, B64.encodeToString(entry.leafHash), path,
                B64.encodeToString(MerkleTree.root(leafHashes)), checkpoint);
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Recompute the chain and the latest checkpoint", description = "Reports ok, or the first broken entry and what mismatched.")
    public VerificationReport verify() {
        return verifier.verify();
    }
}
