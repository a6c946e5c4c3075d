package vn.childsafe.commons.problem;

import java.net.URI;
import java.util.List;

/**
 * Thrown by use cases to answer with a specific problem (404 not found, 409 conflict, 422 ...); mapped to
 * problem+json by {@link ProblemExceptionMappers}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final URI type;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, null);
    }

    public ProblemException(int status, String title, String detail, String typeSlug, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.type = typeSlug == null ? null : URI.create(Problem.TYPE_BASE + typeSlug);
        this.errors = errors;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid request", detail, "validation", errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
