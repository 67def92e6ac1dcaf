package org.civiclink.linkage.model.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.civiclink.linkage.model.SourceRecord;

/**
 * Streams records from a CSV file in the canonical layout
 * {@code record_id,agency,first_name,middle_name,last_name,date_of_birth,sex,ssn,street,city,zip,phone}, by
 * column name: extra columns are ignored, missing columns read as empty. The optional {@code person_id}
 * (ground truth of simulated files) is available per row for evaluation.
 */
public final class CanonicalRecordReader implements Closeable, Iterable<CanonicalRecordReader.Row> {

    /** A source record with the file's ground truth person id (null when the file has none). */
    public record Row(SourceRecord record, String personId, long line) {
    }

    private final CSVParser parser;
    private final Map<String, Integer> header;
    private final String source;
    private boolean iterated;

    public CanonicalRecordReader(Reader reader, String source) {
        this.source = source;
        try {
            this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": cannot read CSV header: " + e.getMessage(), e);
        }
        this.header = parser.getHeaderMap();
        if (!header.containsKey("record_id")) {
            throw new IllegalArgumentException(source + ": header has no record_id column");
        }
    }

    public static CanonicalRecordReader open(Path file) {
        try {
            BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            return new CanonicalRecordReader(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** The records, streamed; close the reader (or the stream) when done. */
    public Stream<SourceRecord> records() {
        return rows().map(Row::record);
    }

    /** The rows with their person_id, streamed. */
    public Stream<Row> rows() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new IllegalStateException(source + ": records can be read only once");
        }
        iterated = true;
        Iterator<CSVRecord> rows = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(parser.getCurrentLineNumber() + 1, e);
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord row;
                try {
                    row = rows.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(parser.getCurrentLineNumber() + 1, e);
                }
                return toRow(row);
            }
        };
    }

    private Row toRow(CSVRecord row) {
        long line = row.getParser() == null ? row.getRecordNumber() + 1 : parser.getCurrentLineNumber();
        if (row.size() > header.size()) {
            throw new IllegalArgumentException(source + ": line " + line + ": " + row.size() + " fields but the header has "
                    + header.size());
        }
        String recordId = get(row, "record_id");
        if (recordId.isEmpty()) {
            throw new IllegalArgumentException(source + ": line " + line + ": record_id is empty");
        }
        SourceRecord record = new SourceRecord(recordId, get(row, "agency"), get(row, "first_name"), get(row, "middle_name"),
                get(row, "last_name"), get(row, "date_of_birth"), get(row, "sex"), get(row, "ssn"), get(row, "street"),
                get(row, "city"), get(row, "zip"), get(row, "phone"));
        String personId = header.containsKey("person_id") ? get(row, "person_id") : null;
        return new Row(record, personId == null || personId.isEmpty() ? null : personId, line);
    }

    private String get(CSVRecord row, String column) {
        Integer index = header.get(column);
        if (index == null || index >= row.size()) {
            return "";
        }
        String value = row.get(index);
        return value == null ? "" : value;
    }

    private IllegalArgumentException malformed(long line, RuntimeException cause) {
        return new IllegalArgumentException(source + ": malformed CSV near line " + line + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
