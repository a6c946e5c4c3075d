package vn.childsafe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * docs/openapi holds each service's OpenAPI document exactly as its build writes it. A document that differs is
 * rewritten here from the build and the test fails, so the change shows in {@code git diff docs/openapi} and is
 * committed with the code that caused it (README.md, "API documents").
 */
class OpenApiDocumentsTest {

    @ParameterizedTest
    @FieldSource("vn.childsafe.api.OpenApiDocuments#SERVICES")
    void theCommittedDocumentIsTheOneTheBuildWrites(String service) throws IOException {
        Path built = OpenApiDocuments.built(service);
        assertThat(built)
                .as(
                        "%s is written by the service's build; build it first: ./mvnw -B verify -pl %s,api-clients -am",
                        built, service)
                .exists();
        Path committed = OpenApiDocuments.committed(service);
        String current = Files.readString(built);
        if (Files.exists(committed) && Files.readString(committed).equals(current)) {
            return;
        }
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, current);
        fail(
                "docs/openapi/%s.yaml was stale and has been rewritten from %s's build: review it (git diff docs/openapi) "
                        + "and commit it",
                service, service);
    }
}
