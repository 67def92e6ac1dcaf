package org.civiclink.intake.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

/**
 * Refuses request bodies that are not well-formed UTF-8 before JSON parsing. Jackson's own decoder
 * lets overlong sequences through (0xC0 0xAF reads as "/"), which would let a value differ by its
 * bytes from what a filter or a reader downstream sees. The body is already bounded by the HTTP
 * body size limit, so reading it whole is safe.
 */
@Provider
public class Utf8BodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of(400, "invalid-encoding", "Bad Request", "The body is not valid UTF-8.")
                    .withInvalidParams(List.of(new Problem.InvalidParam("body", "must be UTF-8 encoded JSON"))));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
