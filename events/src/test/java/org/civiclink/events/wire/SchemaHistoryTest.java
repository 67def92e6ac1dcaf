package org.civiclink.events.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.civiclink.events.topic.Topic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Enforces the evolution rule: the current schema of every message type is released in the
 * history, and every released version can read and be read by the current one.
 */
class SchemaHistoryTest {

    @ParameterizedTest
    @EnumSource(Topic.class)
    void currentSchemaIsTheLatestReleasedVersion(Topic topic) {
        topic.valueType().ifPresent(type -> {
            Schema current = SpecificData.get().getSchema(type);
            List<Schema> released = SchemaHistory.releasedVersions(type.getSimpleName());
            assertFalse(released.isEmpty(), type.getSimpleName() + " has no released schema in the history");
            Schema latest = released.get(released.size() - 1);
            assertEquals(SchemaNormalization.parsingFingerprint64(latest), SchemaNormalization.parsingFingerprint64(current),
                    type.getSimpleName() + " changed: release it as history/" + type.getSimpleName()
                            + "/v" + (released.size() + 1) + ".avsc");
        });
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyReleasedVersionIsCompatibleBothWays(Topic topic) {
        topic.valueType().ifPresent(type -> {
            Schema current = SpecificData.get().getSchema(type);
            for (Schema old : SchemaHistory.releasedVersions(type.getSimpleName())) {
                assertEquals(SchemaCompatibilityType.COMPATIBLE,
                        SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType(),
                        "current " + type.getSimpleName() + " cannot read a released version");
                assertEquals(SchemaCompatibilityType.COMPATIBLE,
                        SchemaCompatibility.checkReaderWriterCompatibility(old, current).getType(),
                        "a released " + type.getSimpleName() + " reader cannot read the current version");
            }
        });
    }
}
