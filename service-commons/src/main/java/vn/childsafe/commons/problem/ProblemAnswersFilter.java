package vn.childsafe.commons.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents the problem answers every operation of every service may give, so that resources declare only the
 * answers particular to them (docs/problems.md): 401 and 403 on every operation that needs a bearer token, 500 on
 * every operation. An answer a resource declares itself (a 403 that names the roles, say) is kept; a 4xx or 5xx
 * answer it declares with a description only gets the problem+json body, so resources do not repeat it. Answers are
 * listed in status order, wherever they were declared. The {@code Problem} schema itself comes from the resources'
 * annotations: each service names {@code Problem.class} in at least one of them (an answer with an example). Registered for all services by {@code mp.openapi.filter} in
 * service-commons' {@code META-INF/microprofile-config.properties}.
 */
public class ProblemAnswersFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /** The descriptions of the bare 401 and 403 that Quarkus adds to secured operations. */
    private static final Set<String> QUARKUS_DEFAULTS = Set.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<SecurityRequirement> everywhere = openAPI.getSecurity();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                List<SecurityRequirement> security =
                        operation.getSecurity() != null ? operation.getSecurity() : everywhere;
                if (security != null && !security.isEmpty()) {
                    addUnlessDeclared(
                            responses,
                            401,
                            "No valid bearer token.",
                            "Unauthorized",
                            "A valid bearer token (JWT) is required.");
                    addUnlessDeclared(
                            responses,
                            403,
                            "The token's role does not allow this operation.",
                            "Forbidden",
                            "Your role does not allow this operation.");
                }
                addUnlessDeclared(
                        responses,
                        500,
                        "Unexpected failure; nothing internal is revealed.",
                        "Internal Server Error",
                        "The request could not be completed. It has been logged; please retry later.");
                responses.getAPIResponses().forEach(ProblemAnswersFilter::problemBodyUnlessDeclared);
                responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
            }
        }
    }

    private static void problemBodyUnlessDeclared(String code, APIResponse response) {
        if (response.getContent() == null && code.length() == 3 && code.charAt(0) >= '4') {
            response.setContent(OASFactory.createContent()
                    .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        }
    }

    /** Quarkus adds a bare 401 and 403 (no content) to secured operations; those are replaced too. */
    private static void addUnlessDeclared(
            APIResponses responses, int status, String description, String title, String detail) {
        String code = Integer.toString(status);
        APIResponse declared = responses.getAPIResponse(code);
        if (declared != null
                && (declared.getContent() != null || !QUARKUS_DEFAULTS.contains(declared.getDescription()))) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        responses.addAPIResponse(
                code,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_SCHEMA))
                                                .addExample(
                                                        "problem",
                                                        OASFactory.createExample()
                                                                .value(example)))));
    }
}
