package org.civiclink.recommendation.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class HsdsImporterTest {

    private final HsdsImporter importer = new HsdsImporter(new ObjectMapper());

    @Test
    void theSampleDirectoryImportsWithEveryPartOfHsds() throws Exception {
        List<HsdsService> services;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("directory/nyc-sample.hsds.json")) {
            services = importer.read("nyc-sample", in);
        }
        assertTrue(services.size() >= 20 && services.size() <= 40, "20-40 services, got " + services.size());
        HsdsService youth = services.stream().filter(s -> s.taxonomyCodes().contains("youth-housing-foster-care")).findFirst().orElseThrow();
        assertEquals("Next Chapter Youth Housing", youth.organizationName());
        assertEquals(18, youth.document().get("minimum_age").asInt());
        assertTrue(youth.document().at("/service_at_locations/0/location/addresses/0/city").isTextual());
        assertTrue(youth.document().at("/schedules/0/byday").isTextual());
        assertTrue(youth.document().at("/capacities/0/available").isNumber());
        Set<String> terms = services.stream().flatMap(s -> s.taxonomyCodes().stream()).collect(Collectors.toSet());
        assertTrue(terms.containsAll(List.of("family-homelessness-prevention", "benefits-screening", "document-assistance",
                "aging-services", "prenatal-care", "care-coordination", "health-home", "education-liaison", "veteran-services")));
    }

    @Test
    void problemsNameTheFileServiceAndField() {
        assertProblem("{\"services\":[{\"id\":\"s1\",\"name\":\"A\",\"status\":\"active\"}]}", "services[0] (s1).organization is missing");
        assertProblem("{\"services\":[{\"id\":\"s1\",\"name\":\"A\",\"status\":\"open\",\"organization\":{\"id\":\"o\",\"name\":\"O\"}}]}",
                "services[0] (s1).status must be one of");
        assertProblem("{\"services\":[{\"name\":\"A\"}]}", "services[0].id is missing");
        assertProblem("{\"services\":[" + service("s1", "") + "," + service("s1", "") + "]}", "services[1].id s1 appears twice");
        assertProblem("{\"services\":[" + service("s1", ",\"attributes\":[{\"taxonomy_term\":{\"name\":\"x\"}}]") + "]}",
                "services[0] (s1).attributes[0].taxonomy_term.code is missing");
        assertProblem("{\"services\":[" + service("s1", ",\"capacities\":[{\"available\":-1}]") + "]}",
                "services[0] (s1).capacities[0].available must be a number of 0 or more");
        assertProblem("{\"items\":[]}", "has no \"services\" array");
        assertProblem("{not json", "is not valid JSON");
    }

    private static String service(String id, String extra) {
        return "{\"id\":\"" + id + "\",\"name\":\"A\",\"status\":\"active\",\"organization\":{\"id\":\"o\",\"name\":\"O\"}" + extra + "}";
    }

    private void assertProblem(String json, String expected) {
        DirectoryImportException e = assertThrows(DirectoryImportException.class,
                () -> importer.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("Service directory test.json "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
