package org.civiclink.audit.report;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.civiclink.audit.trail.AccessRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Access records as FHIR R4 AuditEvent resources in a Bundle, following the IHE Basic Audit Log
 * Patterns (BALP) RESTful-activity profiles. Mapping documented in docs/audit.md.
 */
public final class FhirAuditEvents {

    static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String CIVICLINK = "urn:civiclink:";

    /** Our purposes of use as HL7 v3 PurposeOfUse (ActReason) codes. */
    static final Map<String, String[]> PURPOSES = Map.of(
            "TREATMENT", new String[] {"TREAT", "treatment"},
            "REFERRAL", new String[] {"COC", "coordination of care"},
            "ELIGIBILITY", new String[] {"COVERAGE", "coverage under policy or program"},
            "COMPLIANCE_REVIEW", new String[] {"HOPERAT", "healthcare operations"},
            "BREAK_THE_GLASS", new String[] {"ETREAT", "Emergency Treatment"});

    private static final Map<String, String[]> ACTIONS = Map.of(
            // action code, restful-interaction subtype, BALP profile suffix
            "READ", new String[] {"R", "read", "Read"},
            "CREATE", new String[] {"C", "create", "Create"},
            "UPDATE", new String[] {"U", "update", "Update"},
            "DELETE", new String[] {"D", "delete", "Delete"},
            "PROCESS", new String[] {"E", "operation", "Execute"});

    private final ObjectMapper json;

    public FhirAuditEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The Bundle's own page, and its neighbours when there are any (null otherwise). */
    public record PageLinks(URI self, URI previous, URI next) {
    }

    /**
     * One page of the export as a searchset Bundle: {@code total} counts the whole range (FHIR allows
     * it only on searchsets and histories), the links lead to the neighbouring pages.
     */
    public ObjectNode bundle(List<AccessRecord> records, long total, PageLinks links, Instant generatedAt) {
        ObjectNode bundle = json.createObjectNode().put("resourceType", "Bundle").put("type", "searchset")
                .put("timestamp", generatedAt.toString());
        bundle.put("total", total);
        ArrayNode linkArray = bundle.putArray("link");
        link(linkArray, "self", links.self());
        link(linkArray, "previous", links.previous());
        link(linkArray, "next", links.next());
        ArrayNode entries = bundle.putArray("entry");
        for (AccessRecord r : records) {
            ObjectNode entry = entries.addObject().put("fullUrl", "urn:uuid:" + r.eventId);
            entry.set("resource", auditEvent(r));
            entry.putObject("search").put("mode", "match");
        }
        return bundle;
    }

    private static void link(ArrayNode links, String relation, URI url) {
        if (url != null) {
            links.addObject().put("relation", relation).put("url", url.toString());
        }
    }

    ObjectNode auditEvent(AccessRecord r) {
        String[] action = ACTIONS.getOrDefault(r.action, new String[] {"E", "operation", "Execute"});
        boolean aboutPatient = r.clientIds.length > 0;
        ObjectNode event = json.createObjectNode().put("resourceType", "AuditEvent").put("id", r.eventId);
        event.putObject("meta").putArray("profile").add(BALP + "IHE.BasicAudit." + (aboutPatient ? "Patient" : "") + action[2]);
        coding(event.putObject("type"), "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation");
        coding(event.putArray("subtype").addObject(), "http://hl7.org/fhir/restful-interaction", action[1], action[1]);
        event.put("action", action[0]);
        event.put("recorded", r.occurredAt.toString());
        boolean denied = "DENIED".equals(r.outcome);
        event.put("outcome", denied ? "4" : "0");
        if (denied && r.denialReason != null) {
            event.put("outcomeDesc", r.denialReason);
        }
        String[] purpose = r.purposeOfUse == null ? null : PURPOSES.get(r.purposeOfUse);
        if (purpose != null) {
            coding(event.putArray("purposeOfEvent").addObject().putArray("coding").addObject(), ACT_REASON, purpose[0], purpose[1]);
        }
        agents(event.putArray("agent"), r, purpose);
        ObjectNode source = event.putObject("source");
        source.put("site", "civiclink");
        source.putObject("observer").put("display", r.service);
        coding(source.putArray("type").addObject(), "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server");
        entities(event.putArray("entity"), r);
        return event;
    }

    private void agents(ArrayNode agents, AccessRecord r, String[] purpose) {
        ObjectNode user = agents.addObject();
        coding(user.putObject("type").putArray("coding").addObject(), "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                "IRCP", "information recipient");
        ObjectNode who = user.putObject("who");
        who.putObject("identifier").put("system", CIVICLINK + "subject").put("value", r.actorSubject);
        if (r.actorAgency != null) {
            who.with("identifier").putObject("assigner").put("display", r.actorAgency);
        }
        user.put("requestor", true);
        ArrayNode roles = user.putArray("role");
        for (String role : r.actorRoles) {
            coding(roles.addObject().putArray("coding").addObject(), CIVICLINK + "role", role, role);
        }
        if (purpose != null) {
            coding(user.putArray("purposeOfUse").addObject().putArray("coding").addObject(), ACT_REASON, purpose[0], purpose[1]);
        }
        if (r.purposeReason != null) {
            user.putArray("policy").add(CIVICLINK + "reason:" + r.purposeReason);
        }
        ObjectNode server = agents.addObject();
        coding(server.putObject("type").putArray("coding").addObject(), "http://dicom.nema.org/resources/ontology/DCM", "110153",
                "Source Role ID");
        server.putObject("who").put("display", r.service);
        server.put("requestor", false);
        server.putObject("network").put("address", r.endpoint).put("type", "5");
    }

    private void entities(ArrayNode entities, AccessRecord r) {
        for (String clientId : r.clientIds) {
            ObjectNode patient = entities.addObject();
            patient.putObject("what").put("reference", "Patient/" + clientId);
            coding(patient.putObject("type"), "http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person");
            coding(patient.putObject("role"), "http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient");
            ArrayNode labels = patient.putArray("securityLabel");
            for (String category : r.dataCategories) {
                coding(labels.addObject(), CIVICLINK + "data-category", category, category);
            }
        }
        for (String recordId : r.recordIds) {
            ObjectNode record = entities.addObject();
            record.putObject("what").putObject("identifier").put("system", CIVICLINK + "record").put("value", recordId);
            coding(record.putObject("type"), "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object");
            coding(record.putObject("role"), "http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource");
        }
    }

    private static void coding(ObjectNode node, String system, String code, String display) {
        node.put("system", system).put("code", code).put("display", display);
    }
}
