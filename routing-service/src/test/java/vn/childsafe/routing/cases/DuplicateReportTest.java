package vn.childsafe.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.routing.TestClock;
import vn.childsafe.routing.service.RoutingResult;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/** Duplicates (docs/routing-rules.md, section 7): same canonical URL or hash on an open case of the last 30 days links the report. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class DuplicateReportTest {

    @Inject
    CaseFixtures fixtures;

    @Inject
    TestClock clock;

    @BeforeEach
    void seed() {
        clock.reset();
        CaseFixtures.putProvinceUnits("48");
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void sameCanonicalUrlLinksTheReportAndRequestsTakedownOfItsNewUrls() throws Exception {
        String post = "https://www.facebook.com/groups/g" + UUID.randomUUID() + "/posts/1";
        UUID caseId = fixtures.route(
                Category.HARMFUL_CONTENT, Urgency.NORMAL, "48", null, false, List.of(post + "?utm_source=zalo#top"));
        String extra = "https://video.example.com/v/" + UUID.randomUUID();
        RoutingResult linked = route(
                Category.HARMFUL_CONTENT,
                Urgency.NORMAL,
                item(post.replace("www.", "m.") + "?fbclid=x", null),
                item(extra, null));
        assertThat(linked.outcome()).isEqualTo(RoutingResult.Outcome.LINKED);
        assertThat(linked.caseId()).isEqualTo(caseId);

        List<JsonNode> events = fixtures.caseEvents(caseId);
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("kind").asText()).isEqualTo("REPORT_LINKED");
        assertThat(event.get("reportIds")).hasSize(2);
        assertThat(event.get("takedownUrls")).extracting(JsonNode::asText).containsExactly(extra);
        assertThat(event.get("alerts")).isEmpty();
        CaseFixtures.getCase(TestTokens.admin(), caseId)
                .statusCode(200)
                .body("reports.size()", equalTo(2))
                .body("takedownUrls.size()", equalTo(2))
                .body("timeline.kind", Matchers.hasItem("REPORT_LINKED"));
    }

    @Test
    void sameHashLinksAndHigherUrgencyReroutesWithAlertsForTheNewUnits() throws Exception {
        String sha = UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
        // A case without content matches nothing; the report with the hash opens its own case.
        UUID contentless = fixtures.route(Category.OTHER, Urgency.NORMAL, "48", null, false, List.of());
        RoutingResult first = route(Category.OTHER, Urgency.NORMAL, item(null, sha));
        assertThat(first.outcome()).isEqualTo(RoutingResult.Outcome.ROUTED);
        UUID hashed = first.caseId();
        assertThat(hashed).isNotEqualTo(contentless);

        RoutingResult urgent =
                route(Category.OTHER, Urgency.IMMEDIATE_DANGER, item("https://other.example/x", sha.toUpperCase()));
        assertThat(urgent.outcome()).isEqualTo(RoutingResult.Outcome.LINKED);
        assertThat(urgent.caseId()).isEqualTo(hashed);
        JsonNode event = fixtures.caseEvents(hashed).get(0);
        assertThat(event.get("kind").asText()).isEqualTo("REROUTED");
        assertThat(event.get("urgency").asText()).isEqualTo("IMMEDIATE_DANGER");
        assertThat(CaseFixtures.alerts(event)).containsExactly("LEAD:CA-48", "LIAISON:HOTLINE_111");
        assertThat(CaseFixtures.assignments(event)).containsExactly("LEAD:CA-48:PENDING", "SUPPORT:BVTE-48:PENDING");
        Instant occurred = Instant.parse(event.get("occurredAt").asText());
        for (JsonNode a : event.get("assignments")) {
            assertThat(Instant.parse(a.get("ackDeadline").asText())).isEqualTo(occurred.plus(Duration.ofMinutes(15)));
        }
        CaseFixtures.getCase(TestTokens.admin(), hashed)
                .body("ruleId", equalTo("R1"))
                .body("urgency", equalTo("IMMEDIATE_DANGER"))
                .body("liaisonRequired", equalTo(true));
    }

    @Test
    void resolvedOrOlderThan30DaysCasesAreNotLinked() throws Exception {
        String url = "https://tiktok.com/@a/video/" + UUID.randomUUID();
        UUID resolved = fixtures.route(Category.CYBERBULLYING, Urgency.NORMAL, "48", null, false, List.of(url));
        CaseFixtures.caseAction(TestTokens.admin(), resolved, "resolve", Map.of("outcome", "CONTENT_REMOVED"))
                .then()
                .statusCode(200);
        RoutingResult again = route(Category.CYBERBULLYING, Urgency.NORMAL, item(url, null));
        assertThat(again.outcome()).isEqualTo(RoutingResult.Outcome.ROUTED);
        assertThat(again.caseId()).isNotEqualTo(resolved);

        clock.advance(Duration.ofDays(31));
        RoutingResult later = route(Category.CYBERBULLYING, Urgency.NORMAL, item(url, null));
        assertThat(later.outcome()).isEqualTo(RoutingResult.Outcome.ROUTED);
        assertThat(later.caseId()).isNotEqualTo(again.caseId());
    }

    private static ReportReceived.ContentItem item(String url, String sha256) {
        return new ReportReceived.ContentItem(url, null, sha256, null, null, null);
    }

    private RoutingResult route(Category category, Urgency urgency, ReportReceived.ContentItem... content) {
        return fixtures.route(CaseFixtures.webReport("48", category, urgency, content));
    }
}
