package vn.childsafe.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

    private static final List<String> IDENTITY = List.of(
            "Nguyễn Thị Hoa",
            "Trường THCS Ngọc Hà",
            "Trần Văn Bình",
            "0912345678",
            "binh.tran@example.vn",
            "Số 5 ngõ 12 Đội Cấn",
            "dụ dỗ cháu gửi ảnh",
            PublicPageTest.REPORTER_NAME,
            PublicPageTest.REPORTER_PHONE);

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Test
    void theApplicationLogHoldsNoIdentity() throws Exception {
        // Also a failing request that carries identity: validation errors must not echo values back into logs.
        given().auth()
                .oauth2(TestTokens.reporter("gov"))
                .contentType(ContentType.JSON)
                .body(ReportResourceTest.FULL_REPORT.replace("\"urgency\": \"HIGH\"", "\"urgency\": \"SOON\""))
                .post("/api/v1/reports")
                .then()
                .statusCode(400);

        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        assertThat(log).contains("intake-service").contains("Installed features");
        for (String identity : IDENTITY) {
            assertThat(log).doesNotContain(identity);
        }
    }
}
