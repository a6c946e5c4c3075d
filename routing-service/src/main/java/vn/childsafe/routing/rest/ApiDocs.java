package vn.childsafe.routing.rest;

/** Constants shared by the resources' OpenAPI annotations. */
final class ApiDocs {

    /** RFC 9457 media type of every error answer. */
    static final String PROBLEM = "application/problem+json";

    static final String BAD_REQUEST = "Invalid request: `errors[].pointer` names each offending field (JSON Pointer).";

    private ApiDocs() {}
}
