package vn.childsafe.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemAnswersFilterTest {

    @Test
    void securedOperationsGet401403And500AndPublicOnes500Only() {
        Operation secured = operation("200")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme")));
        Operation open = operation("202");
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/secured", OASFactory.createPathItem().GET(secured))
                        .addPathItem("/open", OASFactory.createPathItem().POST(open)));

        new ProblemAnswersFilter().filterOpenAPI(openAPI);

        assertThat(secured.getResponses().getAPIResponses()).containsOnlyKeys("200", "401", "403", "500");
        assertThat(open.getResponses().getAPIResponses()).containsOnlyKeys("202", "500");
        APIResponse unauthorized = secured.getResponses().getAPIResponse("401");
        assertThat(unauthorized
                        .getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .getSchema()
                        .getRef())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(unauthorized.getContent().getMediaType(Problem.MEDIA_TYPE).getExamples())
                .containsKey("problem");
    }

    @Test
    void aDeclaredAnswerIsKeptABareOneReplacedAndAnswersComeInStatusOrder() {
        APIResponse declared = OASFactory.createAPIResponse()
                .description("Only admins.")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()));
        Operation operation = operation("404")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme")));
        operation
                .getResponses()
                .addAPIResponse("403", declared)
                .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/admin", OASFactory.createPathItem().GET(operation)));

        new ProblemAnswersFilter().filterOpenAPI(openAPI);

        assertThat(operation.getResponses().getAPIResponses().keySet())
                .containsExactly("200", "401", "403", "404", "500");
        assertThat(operation.getResponses().getAPIResponse("403")).isSameAs(declared);
        assertThat(operation.getResponses().getAPIResponse("401").getContent()).isNotNull();
    }

    @Test
    void answersDeclaredWithADescriptionOnlyGetTheProblemBodyAndKeepTheirWords() {
        Operation operation = operation("204")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme")));
        operation
                .getResponses()
                .addAPIResponse("403", OASFactory.createAPIResponse().description("The caller is not an admin."))
                .addAPIResponse("404", OASFactory.createAPIResponse().description("No such platform."));
        Operation quarkusDefaults = operation("200")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme")));
        quarkusDefaults
                .getResponses()
                .addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed"));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/platforms", OASFactory.createPathItem().DELETE(operation))
                        .addPathItem("/cases", OASFactory.createPathItem().GET(quarkusDefaults)));

        new ProblemAnswersFilter().filterOpenAPI(openAPI);

        for (String code : List.of("403", "404")) {
            APIResponse answer = operation.getResponses().getAPIResponse(code);
            assertThat(answer.getContent()
                            .getMediaType(Problem.MEDIA_TYPE)
                            .getSchema()
                            .getRef())
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(answer.getContent().getMediaType(Problem.MEDIA_TYPE).getExamples())
                    .isNull();
        }
        assertThat(operation.getResponses().getAPIResponse("403").getDescription())
                .isEqualTo("The caller is not an admin.");
        assertThat(operation.getResponses().getAPIResponse("204").getContent()).isNull();
        assertThat(quarkusDefaults.getResponses().getAPIResponse("403").getDescription())
                .isEqualTo("The token's role does not allow this operation.");
    }

    private static Operation operation(String success) {
        return OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(success, OASFactory.createAPIResponse().description("Done")));
    }
}
