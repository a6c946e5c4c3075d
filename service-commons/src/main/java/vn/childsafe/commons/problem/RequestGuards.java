package vn.childsafe.commons.problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks every request before it reaches a resource, answering with a problem:
 * <ul>
 * <li>413 when the declared {@code Content-Length} exceeds the limit, before a byte of the body is read: for JSON
 * bodies {@code childsafe.http.max-json-body-size} (64 KiB: a report or a rule set is a few KiB), for others
 * (CSV imports) {@code quarkus.http.limits.max-body-size}. A chunked body without a length is held to the latter by
 * Vert.x itself, also with 413;</li>
 * <li>400 when the path or query holds a NUL character ({@code %00}) or a percent-encoding that is not UTF-8: no
 * ChildSafe value may hold one, and PostgreSQL refuses NUL in text, which would otherwise surface as a 500.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuards {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    @ConfigProperty(name = "childsafe.http.max-json-body-size", defaultValue = "64K")
    MemorySize maxJsonBodySize;

    @Inject
    ObjectMapper objectMapper;

    void register(@Observes Filters filters) {
        long anyLimit = maxBodySize.asLongValue();
        long jsonLimit = Math.min(anyLimit, maxJsonBodySize.asLongValue());
        filters.register(
                rc -> {
                    String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
                    long limit = type != null && type.toLowerCase(Locale.ROOT).contains("json") ? jsonLimit : anyLimit;
                    if (length != null && exceeds(length, limit)) {
                        refuse(
                                rc,
                                new Problem(
                                        null,
                                        "Content Too Large",
                                        413,
                                        "The request body is larger than " + limit + " bytes.",
                                        rc.request().path(),
                                        null),
                                true);
                        return;
                    }
                    String problem = uriProblem(rc.request().uri());
                    if (problem != null) {
                        refuse(rc, new Problem(null, "Bad Request", 400, problem, null, null), false);
                        return;
                    }
                    rc.next();
                },
                1000);
    }

    /** What is wrong with a raw request URI (path and query as sent), or {@code null}. */
    static String uriProblem(String rawUri) {
        if (rawUri == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(rawUri.length());
        for (int i = 0; i < rawUri.length(); i++) {
            char c = rawUri.charAt(i);
            if (c == '%') {
                int value = i + 2 < rawUri.length() ? hex(rawUri.charAt(i + 1), rawUri.charAt(i + 2)) : -1;
                if (value < 0) {
                    return "The request URI has a '%' that is not followed by two hex digits.";
                }
                if (value == 0) {
                    return "The request's path or query holds a NUL character (%00), which no value may hold.";
                }
                bytes.put((byte) value);
                i += 2;
            } else if (c == 0) {
                return "The request's path or query holds a NUL character, which no value may hold.";
            } else {
                bytes.put(c < 0x80 ? (byte) c : (byte) '?');
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return null;
        } catch (CharacterCodingException e) {
            return "The request's path or query is not percent-encoded UTF-8.";
        }
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    /** Answers with {@code problem}; a bad URI is not echoed back in {@code instance}. */
    private void refuse(RoutingContext rc, Problem problem, boolean closeConnection) {
        rc.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (closeConnection) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        rc.response().end(json(problem));
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String json(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
