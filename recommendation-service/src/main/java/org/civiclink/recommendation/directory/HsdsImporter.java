package org.civiclink.recommendation.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an Open Referral HSDS 3.0 JSON export: an object with a "services" array of HSDS service
 * objects, each with its organization, service_at_locations (with location and addresses),
 * attributes (taxonomy terms), eligibility, schedules and capacities nested as in the HSDS 3.0
 * compiled service schema. Checks what CivicLink relies on and names the service and field of
 * every problem, so a bad directory stops the service at startup instead of misleading referrals.
 */
public final class HsdsImporter {

    static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");

    private final ObjectMapper mapper;

    public HsdsImporter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<HsdsService> read(String source, InputStream json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DirectoryImportException(source, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DirectoryImportException(source, "cannot be read: " + e.getMessage());
        }
        JsonNode services = root == null ? null : root.get("services");
        if (services == null || !services.isArray()) {
            throw new DirectoryImportException(source, "has no \"services\" array");
        }
        List<HsdsService> imported = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            JsonNode service = services.get(i);
            String where = "services[" + i + "]";
            if (!(service instanceof ObjectNode object)) {
                throw new DirectoryImportException(source, where + " is not an object");
            }
            String id = text(source, object, where, "id");
            if (!ids.add(id)) {
                throw new DirectoryImportException(source, where + ".id " + id + " appears twice");
            }
            validate(source, object, where + " (" + id + ")");
            imported.add(HsdsService.of(object));
        }
        return imported;
    }

    private static void validate(String source, ObjectNode service, String where) {
        text(source, service, where, "name");
        String status = text(source, service, where, "status");
        if (!STATUSES.contains(status)) {
            throw new DirectoryImportException(source, where + ".status must be one of " + STATUSES);
        }
        JsonNode organization = service.get("organization");
        if (organization == null || !organization.isObject()) {
            throw new DirectoryImportException(source, where + ".organization is missing");
        }
        text(source, organization, where + ".organization", "id");
        text(source, organization, where + ".organization", "name");
        if (service.hasNonNull("organization_id")
                && !service.get("organization_id").asText().equals(organization.get("id").asText())) {
            throw new DirectoryImportException(source, where + ".organization_id does not match organization.id");
        }
        JsonNode attributes = service.path("attributes");
        for (int i = 0; i < attributes.size(); i++) {
            String at = where + ".attributes[" + i + "]";
            JsonNode term = attributes.get(i).get("taxonomy_term");
            if (term == null || !term.isObject()) {
                throw new DirectoryImportException(source, at + ".taxonomy_term is missing");
            }
            text(source, term, at + ".taxonomy_term", "code");
        }
        JsonNode sites = service.path("service_at_locations");
        for (int i = 0; i < sites.size(); i++) {
            String at = where + ".service_at_locations[" + i + "]";
            JsonNode location = sites.get(i).get("location");
            if (location == null || !location.isObject()) {
                throw new DirectoryImportException(source, at + ".location is missing");
            }
            text(source, location, at + ".location", "id");
        }
        JsonNode capacities = service.path("capacities");
        for (int i = 0; i < capacities.size(); i++) {
            String at = where + ".capacities[" + i + "]";
            JsonNode available = capacities.get(i).get("available");
            JsonNode maximum = capacities.get(i).get("maximum");
            if (available == null || !available.isNumber() || available.asDouble() < 0) {
                throw new DirectoryImportException(source, at + ".available must be a number of 0 or more");
            }
            if (maximum != null && maximum.isNumber() && maximum.asDouble() < available.asDouble()) {
                throw new DirectoryImportException(source, at + ".maximum is below available");
            }
        }
        for (String age : List.of("minimum_age", "maximum_age")) {
            if (service.hasNonNull(age) && !service.get(age).isNumber()) {
                throw new DirectoryImportException(source, where + "." + age + " must be a number");
            }
        }
    }

    private static String text(String source, JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DirectoryImportException(source, where + "." + field + " is missing or not text");
        }
        return value.asText();
    }
}
