package org.civiclink.linkage.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.civiclink.linkage.model.ModelFile;

/** Reads and writes the model file; term-frequency tables are written sorted so files diff well. */
public final class ModelJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelJson() {
    }

    public static ModelFile read(InputStream in) {
        try {
            return MAPPER.readValue(in, ModelFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read linkage model: " + e.getMessage(), e);
        }
    }

    public static ModelFile read(Path path) {
        try {
            return MAPPER.readValue(path.toFile(), ModelFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read linkage model " + path + ": " + e.getMessage(), e);
        }
    }

    public static void write(ModelFile file, Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            MAPPER.writeValue(path.toFile(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write linkage model " + path + ": " + e.getMessage(), e);
        }
    }
}
