package org.civiclink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    private final LinkageModel model = LinkageModel.defaultModel();

    @Test
    void defaultModelDocumentsItsTraining() {
        assertTrue(model.version().startsWith("default-"), model.version());
        assertTrue(model.file().trainedOn().contains("Simulation.of("), model.file().trainedOn());
        assertTrue(model.reviewThreshold() <= model.linkThreshold());
        assertTrue(model.maxBlockSize() > 0);
        assertEquals(3, List.of("ssn", "phone", "address").stream().mapToInt(model::genericLimit).filter(l -> l > 0).count());
    }

    @Test
    void writeThenReadGivesTheSameScores(@TempDir Path dir) {
        Path file = dir.resolve("model.json");
        model.write(file);
        LinkageModel copy = LinkageModel.read(file);
        assertEquals(model.file(), copy.file());
        Simulated data = Simulated.of(3, 200);
        List<StandardizedRecord> records = data.records().stream().map(model::standardize).toList();
        for (int i = 0; i + 1 < records.size(); i++) {
            StandardizedRecord a = records.get(i);
            StandardizedRecord b = records.get(i + 1);
            assertEquals(model.score(a, b, GenericValues.none()), copy.score(a, b, GenericValues.none()));
            assertEquals(a, copy.decode(model.encode(a)), "binary form round trip");
        }
    }

    @Test
    void explanationSerializesAsJson() throws Exception {
        StandardizedRecord a = model.standardize(new SourceRecord("A1", "HRA", "Bill", "", "Smith", "1970-02-03", "M",
                "412-55-0198", "1 Main St", "New York", "10001", "2125550142"));
        StandardizedRecord b = model.standardize(new SourceRecord("B1", "HHC", "William", "", "Smith", "1970-02-03", "M",
                "", "1 Main Street", "New York", "10001", ""));
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(model.explain(a, b, GenericValues.none()));
        JsonNode tree = mapper.readTree(json);
        assertEquals(model.comparisons().size(), tree.get("steps").size());
        assertEquals("nickname", tree.get("steps").get(0).get("level").asText());
        assertEquals(Explanation.LINK, tree.get("decision").asText());
        assertEquals(mapper.readValue(json, Explanation.class), model.explain(a, b, GenericValues.none()));
    }

    @Test
    void unknownLevelTypeIsRejectedWithItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        model.write(file);
        Files.writeString(file, Files.readString(file).replace("\"double_metaphone\"", "\"soundalike\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkageModel.read(file));
        assertTrue(e.getMessage().contains("soundalike"), e.getMessage());
    }
}
