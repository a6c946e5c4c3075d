package vn.childsafe.commons.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error answer of every ChildSafe service.
 *
 * @param type     URI that names the kind of problem ({@code about:blank} when the status says it all)
 * @param title    short summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request, for a human reader
 * @param instance the request path the problem occurred on
 * @param errors   for validation problems: one entry per violation, with a JSON Pointer into the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** Media type of a problem answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Base of the {@code type} URIs ChildSafe defines; each is documented in docs/problems.md. */
    public static final String TYPE_BASE = "https://childsafe.gov.vn/problems/";

    /**
     * One violation in a request body.
     *
     * @param pointer JSON Pointer (RFC 6901) to the offending value, {@code ""} for the whole body
     * @param message what is wrong with it
     */
    public record FieldError(String pointer, String message) {}
}
