package vn.childsafe.commons.problem;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import vn.childsafe.commons.failure.Failures;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem+json answer, so that no client
 * ever sees an HTML page, a stack trace or an empty body. Client mistakes are 4xx with a detail that says what
 * to fix; a dependency that is down (PostgreSQL refusing connections, a serialisation conflict) is a 503 with
 * {@code Retry-After}, so that senders and load balancers retry; anything else is a 500 that reveals nothing and
 * is logged (without request bodies). A client that went away mid-request is logged at debug level only.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    /** Long enough for a connection pool to notice PostgreSQL is back; short enough not to delay a report. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    ObjectMapper objectMapper;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        boolean onReturnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (onReturnValue) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(pointer(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::pointer).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(validation(errors.size() + " field(s) of the request are invalid.", errors, uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String pointer = jsonPointer(mapping.getPath());
            String message = e instanceof InvalidFormatException invalid
                    ? "has an invalid value '" + invalid.getValue() + "'" + allowedValues(invalid.getTargetType())
                    : e instanceof MismatchedInputException ? "has the wrong JSON type" : "cannot be read";
            return respond(validation(
                    "The request body does not match the expected structure.",
                    List.of(new Problem.FieldError(pointer, message)),
                    uri));
        }
        return respond(validation(
                "The request body is not valid JSON.",
                List.of(new Problem.FieldError("", "is not well-formed JSON")),
                uri));
    }

    /** Quarkus ships its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return invalidJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return invalidJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                new Problem(null, "Forbidden", 403, "Your role does not allow this operation.", path(uri), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        String title = info.getReasonPhrase() == null ? "Error" : info.getReasonPhrase();
        return respond(new Problem(null, title, status, detailFor(status, e), path(uri), null));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (clientGone(e)) {
            // Nobody reads this answer; the client's retry is not a server error.
            LOG.debugf("Client closed the connection during %s: %s", path(uri), Failures.rootCause(e));
            return respond(new Problem(
                    null, "Bad Request", 400, "The request was cut off before it was complete.", path(uri), null));
        }
        if (Failures.isTransient(e)) {
            LOG.warnf("%s could not be served, a dependency is unavailable: %s", path(uri), Failures.rootCause(e));
            return Response.fromResponse(respond(new Problem(
                            URI.create(Problem.TYPE_BASE + "unavailable"),
                            "Service Unavailable",
                            503,
                            "A service this request needs (its database) is unavailable at the "
                                    + "moment. Retry after the number of seconds in Retry-After.",
                            path(uri),
                            null)))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return respond(new Problem(
                null,
                "Internal Server Error",
                500,
                "The request could not be completed. It has been logged; please retry later.",
                path(uri),
                null));
    }

    /** Whether the client went away mid-request: its connection closed or reset while the body was read or written. */
    static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof ClosedChannelException
                    || t.getClass().getName().endsWith("ClosedChannelException")
                    || (t.getClass().getName().equals("io.vertx.core.VertxException")
                            && message.contains("Connection was closed"))
                    || (t instanceof IOException
                            && (message.contains("Connection reset") || message.contains("Broken pipe")))) {
                return true;
            }
            if (t instanceof SQLException) {
                return false;
            }
        }
        return false;
    }

    private Response unauthenticated(UriInfo uri) {
        Problem problem =
                new Problem(null, "Unauthorized", 401, "A valid bearer token (JWT) is required.", path(uri), null);
        return Response.fromResponse(respond(problem))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Problem validation(String detail, List<Problem.FieldError> errors, UriInfo uri) {
        return new Problem(
                URI.create(Problem.TYPE_BASE + "validation"), "Invalid request", 400, detail, path(uri), errors);
    }

    private Response respond(Problem problem) {
        try {
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(objectMapper.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail could not be serialised", e);
        }
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request media type is not supported; send application/json.";
            default -> e.getMessage();
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return "; allowed: " + String.join(", ", names);
        }
        return "";
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(node -> kinds.add(node.getKind()));
        return kinds;
    }

    /** Bean Validation path (method.parameter.field[2].sub) to JSON Pointer (/field/2/sub). */
    public static String pointer(ConstraintViolation<?> violation) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(escape(String.valueOf(node.getKey())));
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    static String jsonPointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            pointer.append('/').append(ref.getFieldName() != null ? escape(ref.getFieldName()) : ref.getIndex());
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
