package vn.childsafe.routing.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.assertj.core.data.Offset;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.routing.TestClock;
import vn.childsafe.routing.cases.CaseFixtures;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/** Statistics over a controlled set of cases: counts, percentiles, the Decision 830 rates, groups, CSV. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class StatsResourceTest {

    @Inject
    CaseFixtures fixtures;

    @Inject
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void countsTimesAndDecision830RatesOverallAndGrouped() {
        clock.reset();
        CaseFixtures.putAgency("BVTE-96", "CHILD_PROTECTION_PROVINCE", "96", null, null);
        CaseFixtures.putAgency("CA-96", "POLICE_PROVINCE", "96", null, null);
        // A window in the future of every other test's cases: only this test's cases fall into it.
        clock.advance(Duration.ofDays(400));
        Instant start = clock.instant();
        UUID supported = fixtures.route(
                Category.OTHER,
                Urgency.NORMAL,
                "96",
                null,
                true,
                List.of("https://www.tiktok.com/@a/video/" + UUID.randomUUID()));
        fixtures.route(Category.SCAM, Urgency.NORMAL, "96", null, true, List.of());
        fixtures.route(Category.CSAM, Urgency.NORMAL, "96", null, false, List.of());

        clock.advance(Duration.ofMinutes(10));
        String lead = CaseFixtures.readCase(supported).getString("assignments[0].assignmentId");
        CaseFixtures.act(TestTokens.unit("BVTE-96"), supported, lead, "acknowledge", null)
                .then()
                .statusCode(200);
        clock.advance(Duration.ofMinutes(50));
        CaseFixtures.caseAction(TestTokens.unit("BVTE-96"), supported, "resolve", Map.of("outcome", "VICTIM_SUPPORTED"))
                .then()
                .statusCode(200);
        String to = start.plus(Duration.ofHours(2)).toString();

        JsonPath stats = stats(TestTokens.ops(), window(start, to, "province"))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stats.getInt("total.cases")).isEqualTo(3);
        assertThat(stats.getList("groups.key", String.class)).containsExactly("96");
        assertThat(stats.getInt("groups[0].acknowledged")).isEqualTo(1);
        assertThat(stats.getInt("groups[0].resolved")).isEqualTo(1);
        assertThat(stats.getInt("groups[0].childVictimCases")).isEqualTo(2);
        assertThat(stats.getInt("groups[0].childVictimCasesWithAcknowledgedProtection"))
                .isEqualTo(1);
        assertThat(stats.getDouble("groups[0].childVictimProtectionRate")).isEqualTo(0.5);
        assertThat(stats.getDouble("groups[0].resolvedRate")).isCloseTo(1.0 / 3, Offset.offset(1e-6));
        assertThat(stats.getDouble("groups[0].timeToAcknowledgeSeconds.p50")).isBetween(600.0, 660.0);
        assertThat(stats.getDouble("groups[0].timeToResolveSeconds.p90")).isBetween(3600.0, 3660.0);
        assertThat(stats.getString("groups[0].timeToRouteSeconds.p50")).isNotNull();

        stats(TestTokens.admin(), window(start, to, "category"))
                .statusCode(200)
                .body("groups.key", Matchers.contains("CSAM", "OTHER", "SCAM"));
        stats(TestTokens.admin(), window(start, to, "agency"))
                .statusCode(200)
                .body("groups.find { it.key == 'CA-96' }.cases", equalTo(2))
                .body("groups.find { it.key == 'BVTE-96' }.cases", equalTo(1));
        stats(TestTokens.admin(), window(start, to, "platform"))
                .statusCode(200)
                .body("groups.find { it.key == 'tiktok.com' }.cases", equalTo(1))
                .body("groups.find { it.key == 'NONE' }.cases", equalTo(2));

        String csv = given().auth()
                .oauth2(TestTokens.ops())
                .accept("text/csv")
                .queryParams(window(start, to, "province"))
                .when()
                .get("/api/v1/stats")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("group,key,cases,acknowledged,resolved,");
        assertThat(csv).contains("\nprovince,96,3,1,1,").contains(",2,1,0.5,0.333");

        stats(TestTokens.ops(), Map.of("groupBy", "school")).statusCode(400).contentType("application/problem+json");
        stats(TestTokens.ops(), Map.of("from", to, "to", start.toString())).statusCode(400);
        stats(TestTokens.unit("CA-96"), Map.of()).statusCode(403);
    }

    /** The answer to asking for statistics with this query, to check. */
    private static ValidatableResponse stats(String token, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .when()
                .get("/api/v1/stats")
                .then();
    }

    /** The query for the test's window, grouped by {@code groupBy}. */
    private static Map<String, String> window(Instant from, String to, String groupBy) {
        return Map.of("from", from.toString(), "to", to, "groupBy", groupBy);
    }
}
