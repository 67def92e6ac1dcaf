package org.civiclink.simulator.quality;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a two-column mapping out of a CSV file with a header: the {@code record_id,client_id} output
 * of a linker, or the {@code record_id,person_id} ground truth of a canonical simulator file (other
 * columns are ignored, so the canonical file itself can be read).
 */
public final class ClusterCsv {

    public static final String RECORD_ID = "record_id";
    public static final String CLIENT_ID = "client_id";
    public static final String PERSON_ID = "person_id";

    private ClusterCsv() {
    }

    /** recordId -> clientId from a linker's {@code record_id,client_id} output. */
    public static Map<String, String> readClusters(Path file) {
        return read(file, CLIENT_ID);
    }

    /** recordId -> personId from a canonical simulator file. */
    public static Map<String, String> readGroundTruth(Path file) {
        return read(file, PERSON_ID);
    }

    public static Map<String, String> read(Path file, String valueColumn) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, valueColumn);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Map<String, String> read(Reader in, String valueColumn) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = format.parse(in)) {
            for (String column : new String[] {RECORD_ID, valueColumn}) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException("CSV has no column " + column + "; header is " + parser.getHeaderNames());
                }
            }
            Map<String, String> mapping = new HashMap<>();
            for (CSVRecord row : parser) {
                String recordId = row.get(RECORD_ID);
                String value = row.get(valueColumn);
                if (recordId.isEmpty() || value.isEmpty()) {
                    throw new IllegalArgumentException("line " + parser.getCurrentLineNumber() + ": empty "
                            + (recordId.isEmpty() ? RECORD_ID : valueColumn));
                }
                if (mapping.put(recordId, value) != null) {
                    throw new IllegalArgumentException("line " + parser.getCurrentLineNumber() + ": record "
                            + recordId + " appears twice");
                }
            }
            return mapping;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
