package org.civiclink.recommendation.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One imported HSDS service: the document as published, and what the directory searches by. */
public record HsdsService(String id, String name, String organizationName, boolean active,
                          List<String> taxonomyCodes, String searchText, ObjectNode document) {

    static HsdsService of(ObjectNode document) {
        List<String> codes = new ArrayList<>();
        for (JsonNode attribute : document.path("attributes")) {
            codes.add(attribute.path("taxonomy_term").path("code").asText().toLowerCase(Locale.ROOT));
        }
        String organization = document.path("organization").path("name").asText();
        String text = String.join(" ", document.path("name").asText(), document.path("alternate_name").asText(""),
                document.path("description").asText(""), organization).toLowerCase(Locale.ROOT);
        return new HsdsService(document.get("id").asText(), document.get("name").asText(), organization,
                "active".equals(document.get("status").asText()), List.copyOf(codes), text, document);
    }

    boolean hasAnyTerm(List<String> codes) {
        return codes.stream().anyMatch(taxonomyCodes::contains);
    }
}
