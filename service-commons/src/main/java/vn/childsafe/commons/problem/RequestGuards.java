package vn.childsafe.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size}
 * with a 413 problem before a byte of its body is read. (A chunked body without length that grows past the limit
 * is cut off by Vert.x itself, also with 413.)
 */
@ApplicationScoped
public class RequestSizeGuard {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper objectMapper;

    void register(@Observes Filters filters) {
        long limit = maxBodySize.asLongValue();
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length, limit)) {
                Problem problem = new Problem(null, "Content Too Large", 413,
                        "The request body is larger than " + limit + " bytes.", rc.request().path(), null);
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json(problem));
                return;
            }
            rc.next();
        }, 1000);
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
