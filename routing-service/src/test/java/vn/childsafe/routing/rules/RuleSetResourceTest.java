package vn.childsafe.routing.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.childsafe.routing.rules.RuleSetApi.activate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.routing.cases.CaseFixtures;
import vn.childsafe.routing.domain.ContentIdentity;
import vn.childsafe.routing.service.RuleSetService;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/** Rule sets as data: the seeded default is docs/routing-rules.md, section 2; drafts are validated, simulated, activated. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class RuleSetResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static final String DRAFT = """
            {"version": "%s", "description": "SELF_HARM to child protection within 1 h",
             "rules": [
              {"id": "R1", "urgencyIn": ["IMMEDIATE_DANGER"], "lead": "POLICE_COMMUNE",
               "supports": [{"type": "POLICE_PROVINCE"}, {"type": "CHILD_PROTECTION_PROVINCE"}], "ackWithin": "PT15M"},
              {"id": "R7", "categoryIn": ["SELF_HARM"], "lead": "CHILD_PROTECTION_PROVINCE",
               "supports": [{"type": "COMMUNE_COMMITTEE", "when": "ALWAYS"}], "ackWithin": "PT1H"},
              {"id": "R6", "lead": "CHILD_PROTECTION_PROVINCE", "supports": [{"type": "COMMUNE_COMMITTEE"}],
               "ackWithin": "PT24H"}],
             "policies": {"liaisonWhenVictimGiven": true, "liaisonUrgencies": ["IMMEDIATE_DANGER", "HIGH"],
              "takedownCategories": ["CSAM"], "halvedDeadlineUrgencies": ["HIGH"], "minimumHalvedDeadline": "PT15M"}}""";

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CaseFixtures fixtures;

    @Inject
    RuleSetService ruleSets;

    @Test
    void theSeededDefaultRuleSetIsTheShippedRulesAndPlatformIdentityAsData() throws Exception {
        list(TestTokens.ops()).statusCode(200).body("find { it.version == 'default-3' }.status", equalTo("ACTIVE"));
        Object definition = RuleSetApi.get(TestTokens.admin(), "default-3")
                .statusCode(200)
                .body("definition.rules.id", Matchers.contains("R1", "R2", "R3", "R4", "R5", "R6"))
                .body("definition.rules[0].ackWithin", equalTo("PT15M"))
                .body(
                        "definition.contentIdentity.platforms.id",
                        Matchers.hasItems("facebook", "tiktok", "youtube", "zalo", "instagram", "x", "telegram"))
                .body("definition.contentIdentity.pdqMaxDistance", equalTo(31))
                .extract()
                .path("definition");
        RuleSetDefinition stored = objectMapper.convertValue(definition, RuleSetDefinition.class);
        // Read with the generic fallback, so only the stored definition can supply the platform rules.
        assertThat(stored.toRuleSet(ContentIdentity.generic())).isEqualTo(ruleSets.shippedDefault());
        RuleSetApi.get(TestTokens.admin(), "nope").statusCode(404).contentType(PROBLEM);
        list(TestTokens.unit("CA-01")).statusCode(403);
    }

    @Test
    void anInvalidDraftIsRejectedWithPointers() {
        String invalid = """
                {"version": "bad one", "rules": [
                  {"id": "A", "lead": "POLICE_PROVINCE", "ackWithin": "one hour"},
                  {"id": "A", "categoryIn": ["SCAM"], "ackWithin": "PT1H"}],
                 "policies": {"minimumHalvedDeadline": "PT15M"}}""";
        RuleSetApi.postDraft(TestTokens.admin(), invalid)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", hasItem("/version"))
                .body("errors.pointer", hasItem("/rules/0/ackWithin"))
                .body("errors.pointer", hasItem("/rules/1/lead"))
                .body("errors.pointer", hasItem("/rules/1/id"))
                .body(
                        "errors.find { it.pointer == '/rules/1' }.message",
                        Matchers.containsString("must match every report"));
    }

    @Test
    void draftSimulateActivateRoutesNewCasesByTheNewVersion() throws Exception {
        String version = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        CaseFixtures.putAgency("BVTE-46", "CHILD_PROTECTION_PROVINCE", "46", null, null);
        RuleSetApi.postDraft(TestTokens.admin(), DRAFT.formatted(version))
                .then()
                .statusCode(201)
                .header("Location", Matchers.endsWith("/api/v1/rule-sets/" + version))
                .body("status", equalTo("DRAFT"));
        RuleSetApi.postDraft(TestTokens.admin(), DRAFT.formatted(version))
                .then()
                .statusCode(409);
        RuleSetApi.postDraft(TestTokens.ops(), DRAFT.formatted("x")).then().statusCode(403);

        long casesBefore = fixtures.count("SELECT count(*) FROM routing_case WHERE rule_set_version <> ?", "?");
        Map<String, Object> report = Map.of(
                "category",
                "SELF_HARM",
                "urgency",
                "NORMAL",
                "location",
                Map.of("provinceCode", "46"),
                "victim",
                Map.of("ageYears", 15, "name", "Nguyễn Văn A"),
                "description",
                "ignored");
        simulate(null, report)
                .then()
                .statusCode(200)
                .body("ruleSetVersion", equalTo("default-3"))
                .body("ruleId", equalTo("R6"))
                .body("ackWithin", equalTo("PT24H"))
                .body("assignments[0].agencyCode", equalTo("BVTE-46"))
                .body("liaisonRequired", equalTo(true));
        simulate(version, report)
                .then()
                .statusCode(200)
                .body("ruleSetVersion", equalTo(version))
                .body("ruleId", equalTo("R7"))
                .body("ackWithin", equalTo("PT1H"))
                .body("explanation", hasItem(Matchers.startsWith("rule R7 of rule set " + version)));
        simulate("nope", report).then().statusCode(404);
        simulate(null, Map.of("urgency", "HIGH"))
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/category"));
        RuleSetApi.simulate(TestTokens.unit("BVTE-46"), null, report).then().statusCode(403);
        assertThat(fixtures.count("SELECT count(*) FROM routing_case WHERE rule_set_version <> ?", "?"))
                .isEqualTo(casesBefore);

        try {
            activate(version).then().statusCode(200).body("status", equalTo("ACTIVE"));
            activate(version).then().statusCode(409);
            UUID caseId = fixtures.route(Category.SELF_HARM, Urgency.NORMAL, "46", null, true, List.of());
            CaseFixtures.getCase(TestTokens.admin(), caseId)
                    .statusCode(200)
                    .body("ruleSetVersion", equalTo(version))
                    .body("ruleId", equalTo("R7"));
            list(TestTokens.ops()).body("find { it.version == 'default-3' }.status", equalTo("RETIRED"));
        } finally {
            activate("default-3").then().statusCode(200);
        }
        list(TestTokens.ops()).body("find { it.version == '" + version + "' }.status", equalTo("RETIRED"));
        activate("missing").then().statusCode(404);
    }

    private static Response simulate(String version, Map<String, ?> report) {
        return RuleSetApi.simulate(TestTokens.ops(), version, report);
    }

    /** The answer to listing the rule sets, to check. */
    private static ValidatableResponse list(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/rule-sets").then();
    }
}
