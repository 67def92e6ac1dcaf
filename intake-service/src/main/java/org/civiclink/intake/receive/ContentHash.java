package org.civiclink.intake.receive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.civiclink.intake.api.IntakeEventRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * SHA-256 over a canonical JSON form of the event as parsed: properties sorted, empty values left
 * out, instants in one ISO form. Two posts that mean the same thing (key order, whitespace,
 * "…:00Z" vs "…:00.000Z", an absent list vs an empty one) hash the same; any change of a value does
 * not. Events from the raw Kafka topic are hashed in the same form (see RawEventRequests), so a
 * retry may switch channel.
 */
public final class ContentHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private ContentHash() {
    }

    public static String of(IntakeEventRequest event) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(event);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash an intake event", e);
        }
    }
}
