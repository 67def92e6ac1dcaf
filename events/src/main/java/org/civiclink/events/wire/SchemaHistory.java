package org.civiclink.events.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * The released versions of one record type's schema, kept as files
 * {@code org/civiclink/events/history/<Type>/v<N>.avsc} so that a reader can decode every
 * version that was ever written, without a registry server.
 */
public final class SchemaHistory {

    private static final String ROOT = "/org/civiclink/events/history/";

    private SchemaHistory() {
    }

    /** Released versions in order, v1 first; empty if the type was never released. */
    public static List<Schema> releasedVersions(String typeName) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String path = ROOT + typeName + "/v" + version + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema " + path, e);
            }
        }
    }
}
