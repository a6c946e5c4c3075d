package vn.childsafe.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.intake.web.PublicPageTest;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * Runs after every other test class of this module (see the surefire configuration) and reads the application log
 * they produced, at DEBUG for ChildSafe's own code: no identity value may be in it.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@Order(Integer.MAX_VALUE)
class LogHygieneTest {

    private static final List<String> IDENTITY = Stream.concat(
                    ReportResourceTest.IDENTITY.stream(),
                    Stream.of(PublicPageTest.REPORTER_NAME, PublicPageTest.REPORTER_PHONE))
            .toList();

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Test
    void theApplicationLogHoldsNoIdentity() throws Exception {
        // Also a failing request that carries identity: validation errors must not echo values back into logs.
        ReportApi.submit(
                        TestTokens.reporter("gov"),
                        ReportResourceTest.FULL_REPORT.replace("\"urgency\": \"HIGH\"", "\"urgency\": \"SOON\""))
                .then()
                .statusCode(400);

        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        assertThat(log).contains("intake-service").contains("Installed features");
        for (String identity : IDENTITY) {
            assertThat(log).doesNotContain(identity);
        }
    }
}
