package vn.childsafe.routing.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Gender;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.routing.service.RoutingResult;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * The table of docs/routing-rules.md (sections 2 and 3) as a test: reports routed for real (stored rule set default-3, the imported legacy mapping
 * of the project's fixtures, the agency register) covering every rule, every policy, every jurisdiction fallback,
 * current and legacy codes of more than ten provinces (Hà Đông 268, Bình Phước 70, Quảng Bình 44, Hải Dương 30
 * among them) and a split ward.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class DefaultRuleSetTableTest {

    private static final String CP = "HOTLINE_111";
    private static final String NCP = "NATIONAL_CYBER_POLICE";
    private static final String NIS = "NATIONAL_INFOSEC";
    private static boolean seeded;

    /**
     * One report and what routing must decide. {@code loc}: province, commune, district, ward (null = absent).
     * {@code flags}: V victim given, S victim's school known, T reporter TEACHER, H source SCHOOL, W source
     * WEB_PUBLIC (the public page, unverified), U one content URL.
     */
    record Row(
            String name,
            Category category,
            Urgency urgency,
            String flags,
            String[] loc,
            String rule,
            String province,
            String level,
            String lead,
            List<String> supports,
            int ackMinutes,
            boolean liaison,
            boolean takedown,
            List<String> because) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Row row(
            String name,
            Category category,
            Urgency urgency,
            String flags,
            String[] loc,
            String rule,
            String province,
            String level,
            String lead,
            List<String> supports,
            int ackMinutes,
            boolean liaison,
            boolean takedown,
            String... because) {
        return new Row(
                name,
                category,
                urgency,
                flags,
                loc,
                rule,
                province,
                level,
                lead,
                supports,
                ackMinutes,
                liaison,
                takedown,
                List.of(because));
    }

    private static String[] at(String province, String commune, String district, String ward) {
        return new String[] {province, commune, district, ward};
    }

    private static final Category OTHER = Category.OTHER;
    private static final Urgency NOW = Urgency.IMMEDIATE_DANGER;
    private static final Urgency HIGH = Urgency.HIGH;
    private static final Urgency NORMAL = Urgency.NORMAL;

    // spotless:off (tables: one row per line)
    static final List<Row> ROWS = List.of(
            // R1: immediate danger
            row("R1 commune police of Hà Đông (current code)", OTHER, NOW, "V", at("01", "09556", null, null), "R1", "01",
                    "COMMUNE", "CAX-09556", List.of("CA-01", "BVTE-01"), 15, true, false, "111 liaison alerted: a victim is given, urgency IMMEDIATE_DANGER"),
            row("R1 legacy Hà Đông ward 09544 (district 268) → commune 09556", OTHER, NOW, "", at("01", null, "268", "09544"),
                    "R1", "01", "COMMUNE", "CAX-09556", List.of("CA-01", "BVTE-01"), 15, true, false,
                    "location: legacy ward 09544 (Phường Vạn Phúc) → commune 09556", "location: legacy district 268 not used"),
            row("R1 split Hà Đông ward 09538 routes at province level", OTHER, NOW, "", at("01", null, "268", "09538"), "R1",
                    "01", "PROVINCE", "CA-01", List.of("BVTE-01"), 15, true, false, "was split into communes 09556, 09552",
                    "POLICE_COMMUNE: commune not known → POLICE_PROVINCE", "support POLICE_PROVINCE: CA-01 is already assigned"),
            row("R1 commune 00004 without commune police", OTHER, NOW, "", at("01", "00004", null, null), "R1", "01", "COMMUNE",
                    "CA-01", List.of("BVTE-01"), 15, true, false, "POLICE_COMMUNE: no unit registered for commune 00004 → POLICE_PROVINCE"),
            row("R1 without location goes national", OTHER, NOW, "", at(null, null, null, null), "R1", null, "NONE", NCP,
                    List.of(CP), 15, true, false, "POLICE_COMMUNE: no location resolved → national NATIONAL_CYBER_POLICE",
                    "CHILD_PROTECTION_PROVINCE: no location resolved → national HOTLINE_111", "no national unit registered"),
            row("R1 legacy Nam Định 36 without units", OTHER, NOW, "", at("36", null, null, null), "R1", "37", "PROVINCE", NCP,
                    List.of(CP), 15, true, false, "legacy province 36 (Nam Định) → 37 (Ninh Bình)",
                    "POLICE_PROVINCE: no unit registered in province 37 → national NATIONAL_CYBER_POLICE"),
            row("R1 beats R2 for CSAM in immediate danger", Category.CSAM, NOW, "U", at("31", null, null, null), "R1", "31",
                    "PROVINCE", "CA-31", List.of("BVTE-31"), 15, true, true, "takedown requested for 1 content URL(s): category CSAM"),
            row("R1 legacy Bình Phước ward 25198 → Đồng Nai commune 25195", OTHER, NOW, "V", at("70", null, "689", "25198"), "R1",
                    "75", "COMMUNE", "CA-75", List.of(CP), 15, true, false, "legacy province 70 (Bình Phước) → 75 (Đồng Nai)",
                    "POLICE_COMMUNE: no unit registered for commune 25195 → POLICE_PROVINCE",
                    "CHILD_PROTECTION_PROVINCE: no unit registered in province 75 → national HOTLINE_111"),
            // R2: sexual abuse, sextortion, grooming, trafficking
            row("R2 for an unverified IMMEDIATE_DANGER from the public page: HIGH, the 111 liaison confirms",
                    Category.GROOMING, NOW, "W", at("01", null, null, null), "R2", "01", "PROVINCE", "CA-01",
                    List.of("BVTE-01", "TTTT-01"), 30, true, false,
                    "unverified channel WEB_PUBLIC: reported as IMMEDIATE_DANGER, routed as HIGH",
                    "111 liaison alerted: to confirm the unverified IMMEDIATE_DANGER, urgency HIGH"),
            row("R6 for an unverified IMMEDIATE_DANGER of another kind from the public page", OTHER, NOW, "W",
                    at("31", null, null, null), "R6", "31", "PROVINCE", "BVTE-31", List.of(), 12 * 60, true, false,
                    "routed as HIGH until the 111 liaison confirms it"),
            row("R2 CSAM in Hà Nội", Category.CSAM, NORMAL, "U", at("01", null, null, null), "R2", "01", "PROVINCE", "CA-01",
                    List.of("BVTE-01", "TTTT-01"), 60, false, true, "acknowledgement within 1 h"),
            row("R2 sextortion HIGH halves the hour", Category.SEXTORTION, HIGH, "V", at("31", null, null, null), "R2", "31",
                    "PROVINCE", "CA-31", List.of("BVTE-31", "TTTT-31"), 30, true, false,
                    "urgency HIGH: acknowledgement deadline halved from 1 h to 30 min",
                    "category SEXTORTION calls for takedown, but no content URL was given"),
            row("R2 grooming, legacy Hải Dương ward 10510 → Hải Phòng commune 10507", Category.GROOMING, NORMAL, "V",
                    at("30", null, "288", "10510"), "R2", "31", "COMMUNE", "CA-31", List.of("BVTE-31", "TTTT-31"), 60, true,
                    false, "legacy province 30 (Hải Dương) → 31 (Hải Phòng)", "legacy ward 10510 (Phường Bình Hàn) → commune 10507"),
            row("R2 trafficking: no takedown category", Category.TRAFFICKING, NORMAL, "U", at("75", null, null, null), "R2", "75",
                    "PROVINCE", "CA-75", List.of(CP, NIS), 60, false, false,
                    "INFORMATION_PROVINCE: no unit registered in province 75 → national NATIONAL_INFOSEC"),
            row("R2 CSAM legacy Bình Dương 74 → Hồ Chí Minh", Category.CSAM, NORMAL, "", at("74", null, null, null), "R2", "79",
                    "PROVINCE", "CA-79", List.of("BVTE-79", NIS), 60, false, false, "legacy province 74 (Bình Dương) → 79 (Hồ Chí Minh)"),
            row("R2 grooming legacy Bà Rịa - Vũng Tàu 77 → Hồ Chí Minh", Category.GROOMING, NORMAL, "U", at("77", null, null, null),
                    "R2", "79", "PROVINCE", "CA-79", List.of("BVTE-79", NIS), 60, false, true, "legacy province 77"),
            row("R2 sextortion without location", Category.SEXTORTION, NORMAL, "", at(null, null, null, null), "R2", null, "NONE",
                    NCP, List.of(CP, NIS), 60, false, false, "INFORMATION_PROVINCE: no location resolved → national NATIONAL_INFOSEC"),
            row("R2 CSAM legacy Hà Giang 02 → Tuyên Quang", Category.CSAM, NORMAL, "V", at("02", null, null, null), "R2", "08",
                    "PROVINCE", NCP, List.of("BVTE-08", NIS), 60, true, false, "legacy province 02 (Hà Giang) → 08 (Tuyên Quang)"),
            row("R2 CSAM current Quảng Trị 44 (no legacy codes)", Category.CSAM, NORMAL, "", at("44", null, null, null), "R2", "44",
                    "PROVINCE", "CA-44", List.of("BVTE-44", "TTTT-44"), 60, false, false, "location: province 44 (Quảng Trị)"),
            // R3: cyberbullying in a school setting
            row("R3 victim's school known", Category.CYBERBULLYING, NORMAL, "VSU", at("01", null, null, null), "R3", "01",
                    "PROVINCE", "GD-01", List.of("BVTE-01"), 24 * 60, true, true,
                    "COMMUNE_COMMITTEE: commune not known → CHILD_PROTECTION_PROVINCE"),
            row("R3 source SCHOOL with commune committee", Category.CYBERBULLYING, NORMAL, "H", at("01", "00004", null, null),
                    "R3", "01", "COMMUNE", "GD-01", List.of("BVTE-01", "UBND-00004"), 24 * 60, false, false,
                    "acknowledgement within 24 h"),
            row("R3 reporter TEACHER", Category.CYBERBULLYING, NORMAL, "T", at("31", null, null, null), "R3", "31", "PROVINCE",
                    "GD-31", List.of("BVTE-31"), 24 * 60, false, false, "school context"),
            row("R3 no education department in Đồng Nai", Category.CYBERBULLYING, NORMAL, "S", at("75", null, null, null), "R3",
                    "75", "PROVINCE", CP, List.of(), 24 * 60, false, false,
                    "EDUCATION_PROVINCE: no unit registered in province 75 → national HOTLINE_111"),
            row("R3 HIGH, legacy Quảng Bình ward 18853 → commune 18880", Category.CYBERBULLYING, HIGH, "T",
                    at("44", null, "450", "18853"), "R3", "44", "COMMUNE", CP, List.of("BVTE-44", "UBND-18880"), 12 * 60, true,
                    false, "legacy province 44 (Quảng Bình) → 44 (Quảng Trị), read as legacy because legacy ward codes were given",
                    "urgency HIGH: acknowledgement deadline halved from 24 h to 12 h"),
            // R4: harmful content, privacy
            row("R4 harmful content without victim: no child protection", Category.HARMFUL_CONTENT, NORMAL, "U",
                    at("01", null, null, null), "R4", "01", "PROVINCE", "TTTT-01", List.of(), 24 * 60, false, true,
                    "support CHILD_PROTECTION_PROVINCE not assigned: only when a victim is given"),
            row("R4 privacy violation with victim", Category.PRIVACY_VIOLATION, NORMAL, "VU", at("01", null, null, null), "R4",
                    "01", "PROVINCE", "TTTT-01", List.of("BVTE-01"), 24 * 60, true, true, "111 liaison alerted: a victim is given"),
            row("R4 Cần Thơ information department only", Category.HARMFUL_CONTENT, NORMAL, "V", at("92", null, null, null), "R4",
                    "92", "PROVINCE", "TTTT-92", List.of(CP), 24 * 60, true, false, "location: province 92 (Cần Thơ)"),
            row("R4 privacy violation in Đồng Nai goes to VN-COP", Category.PRIVACY_VIOLATION, NORMAL, "U",
                    at("75", null, null, null), "R4", "75", "PROVINCE", NIS, List.of(), 24 * 60, false, true,
                    "INFORMATION_PROVINCE: no unit registered in province 75 → national NATIONAL_INFOSEC"),
            row("R4 HIGH legacy Sóc Trăng 94 → Cần Thơ", Category.HARMFUL_CONTENT, HIGH, "U", at("94", null, null, null), "R4",
                    "92", "PROVINCE", "TTTT-92", List.of(), 12 * 60, true, true, "legacy province 94 (Sóc Trăng) → 92 (Cần Thơ)",
                    "111 liaison alerted: urgency HIGH"),
            row("R4 harmful content without URL: no takedown", Category.HARMFUL_CONTENT, NORMAL, "", at("01", null, null, null),
                    "R4", "01", "PROVINCE", "TTTT-01", List.of(), 24 * 60, false, false,
                    "category HARMFUL_CONTENT calls for takedown, but no content URL was given"),
            // R5: scams
            row("R5 scam in Hà Nội", Category.SCAM, NORMAL, "", at("01", null, null, null), "R5", "01", "PROVINCE", "CA-01",
                    List.of("TTTT-01"), 24 * 60, false, false, "rule R5 of rule set default-3 matched"),
            row("R5 scam legacy Nam Định 36 → Ninh Bình, national units", Category.SCAM, NORMAL, "", at("36", null, null, null),
                    "R5", "37", "PROVINCE", NCP, List.of(NIS), 24 * 60, false, false,
                    "INFORMATION_PROVINCE: no unit registered in province 37 → national NATIONAL_INFOSEC"),
            row("R5 scam HIGH in Hồ Chí Minh", Category.SCAM, HIGH, "", at("79", null, null, null), "R5", "79", "PROVINCE",
                    "CA-79", List.of(NIS), 12 * 60, true, false, "urgency HIGH"),
            row("R5 scam with URL: no takedown category", Category.SCAM, NORMAL, "U", at("31", null, null, null), "R5", "31",
                    "PROVINCE", "CA-31", List.of("TTTT-31"), 24 * 60, false, false),
            row("R5 scam legacy Bắc Giang ward → Bắc Ninh", Category.SCAM, NORMAL, "", at("24", null, null, "99998"), "R5", "24",
                    "PROVINCE", NCP, List.of(NIS), 24 * 60, false, false, "legacy province 24 (Bắc Giang) → 24 (Bắc Ninh)",
                    "legacy ward 99998 not mapped"),
            // R6: everything else
            row("R6 cyberbullying outside school, commune committee registered", Category.CYBERBULLYING, NORMAL, "U",
                    at("01", "00004", null, null), "R6", "01", "COMMUNE", "BVTE-01", List.of("UBND-00004"), 24 * 60, false, true,
                    "takedown requested for 1 content URL(s): category CYBERBULLYING"),
            row("R6 self-harm in Tuyên Quang", Category.SELF_HARM, NORMAL, "", at("08", null, null, null), "R6", "08", "PROVINCE",
                    "BVTE-08", List.of(), 24 * 60, false, false, "support COMMUNE_COMMITTEE: BVTE-08 is already assigned to this case"),
            row("R6 legacy Phú Yên 54 → Đắk Lắk without units", OTHER, NORMAL, "", at("54", null, null, null), "R6", "66",
                    "PROVINCE", CP, List.of(), 24 * 60, false, false, "legacy province 54 (Phú Yên) → 66 (Đắk Lắk)",
                    "CHILD_PROTECTION_PROVINCE: no unit registered in province 66 → national HOTLINE_111"),
            row("R6 self-harm legacy Quảng Bình ward 18853 → Đồng Hới", Category.SELF_HARM, NORMAL, "",
                    at("44", null, "450", "18853"), "R6", "44", "COMMUNE", "BVTE-44", List.of("UBND-18880"), 24 * 60, false,
                    false, "legacy ward 18853 (Phường Hải Thành) → commune 18880"),
            row("R6 other HIGH in Hải Phòng", OTHER, HIGH, "", at("31", null, null, null), "R6", "31", "PROVINCE", "BVTE-31",
                    List.of(), 12 * 60, true, false, "urgency HIGH: acknowledgement deadline halved from 24 h to 12 h"),
            row("R6 self-harm with victim legacy Đắk Nông 67 → Lâm Đồng", Category.SELF_HARM, NORMAL, "V",
                    at("67", null, null, null), "R6", "68", "PROVINCE", CP, List.of(), 24 * 60, true, false,
                    "legacy province 67 (Đắk Nông) → 68 (Lâm Đồng)"),
            row("R6 legacy Yên Bái 15 with unknown ward → Lào Cai", OTHER, NORMAL, "", at("15", null, null, "99999"), "R6", "15",
                    "PROVINCE", CP, List.of(), 24 * 60, false, false, "legacy province 15 (Yên Bái) → 15 (Lào Cai)"),
            row("R6 invalid province code goes national", OTHER, NORMAL, "", at("XX", null, null, null), "R6", null, "NONE", CP,
                    List.of(), 24 * 60, false, false, "invalid province code 'XX': routed nationally"),
            row("R6 unknown province code goes national", OTHER, NORMAL, "", at("99", null, null, null), "R6", null, "NONE", CP,
                    List.of(), 24 * 60, false, false, "unknown province code 99: routed nationally"),
            row("R6 cyberbullying legacy Quảng Bình district only", Category.CYBERBULLYING, NORMAL, "",
                    at("44", null, "450", null), "R6", "44", "PROVINCE", "BVTE-44", List.of(), 24 * 60, false, false,
                    "read as legacy because legacy district codes were given"),
            row("R6 commune 09556 without commune committee", OTHER, NORMAL, "", at("01", "09556", null, null), "R6", "01",
                    "COMMUNE", "BVTE-01", List.of(), 24 * 60, false, false,
                    "COMMUNE_COMMITTEE: no unit registered for commune 09556 → CHILD_PROTECTION_PROVINCE"));
    // spotless:on

    @Inject
    CaseFixtures fixtures;

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        // spotless:off
        for (String[] agency : new String[][] {
                { "CA-01", "POLICE_PROVINCE", "01", null }, { "BVTE-01", "CHILD_PROTECTION_PROVINCE", "01", null },
                { "TTTT-01", "INFORMATION_PROVINCE", "01", null }, { "GD-01", "EDUCATION_PROVINCE", "01", null },
                { "CAX-09556", "POLICE_COMMUNE", "01", "09556" }, { "UBND-00004", "COMMUNE_COMMITTEE", "01", "00004" },
                { "CA-31", "POLICE_PROVINCE", "31", null }, { "BVTE-31", "CHILD_PROTECTION_PROVINCE", "31", null },
                { "TTTT-31", "INFORMATION_PROVINCE", "31", null }, { "GD-31", "EDUCATION_PROVINCE", "31", null },
                { "CA-75", "POLICE_PROVINCE", "75", null },
                { "CA-44", "POLICE_PROVINCE", "44", null }, { "BVTE-44", "CHILD_PROTECTION_PROVINCE", "44", null },
                { "TTTT-44", "INFORMATION_PROVINCE", "44", null }, { "UBND-18880", "COMMUNE_COMMITTEE", "44", "18880" },
                { "CA-79", "POLICE_PROVINCE", "79", null }, { "BVTE-79", "CHILD_PROTECTION_PROVINCE", "79", null },
                { "BVTE-08", "CHILD_PROTECTION_PROVINCE", "08", null }, { "TTTT-92", "INFORMATION_PROVINCE", "92", null } }) {
        // spotless:on
            CaseFixtures.putAgency(agency[0], agency[1], agency[2], agency[3], null);
        }
        for (String fixture : List.of("units-fixture.csv", "legacy-fixture.csv")) {
            byte[] csv =
                    getClass().getResourceAsStream("/admin-units/" + fixture).readAllBytes();
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("text/csv; charset=UTF-8")
                    .body(new String(csv, StandardCharsets.UTF_8))
                    .when()
                    .post("/api/v1/admin-units/import")
                    .then()
                    .statusCode(200);
        }
        seeded = true;
    }

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void routesAsDesignSection6Says(Row row) {
        String url = "https://www.tiktok.com/@table/video/" + UUID.randomUUID();
        ReportReceived report = new ReportReceived(
                UUID.randomUUID(),
                Instant.now(),
                row.flags().contains("H")
                        ? SourceChannel.SCHOOL
                        : row.flags().contains("W") ? SourceChannel.WEB_PUBLIC : SourceChannel.HOTLINE_111,
                row.category(),
                row.urgency(),
                null,
                new ReportReceived.Location(row.loc()[0], row.loc()[1], row.loc()[2], row.loc()[3]),
                new ReportReceived.Victim(
                        row.flags().contains("V"),
                        row.flags().contains("V") ? 14 : null,
                        row.flags().contains("V") ? Gender.FEMALE : null,
                        row.flags().contains("S")),
                row.flags().contains("T") ? ReporterRelationship.TEACHER : ReporterRelationship.PARENT,
                row.flags().contains("U")
                        ? List.of(new ReportReceived.ContentItem(url, "tiktok", null, null, null, null))
                        : List.of());
        RoutingResult result = fixtures.route(report);
        assertThat(result.outcome()).isEqualTo(RoutingResult.Outcome.ROUTED);

        JsonPath c = CaseFixtures.readCase(result.caseId());
        List<String> explanation = c.getList("explanation", String.class);
        String why = String.join("\n", explanation);
        assertThat(c.getString("ruleSetVersion")).isEqualTo("default-3");
        assertThat(c.getString("ruleId")).as(why).isEqualTo(row.rule());
        // The public page's reports are unverified: never routed above HIGH (docs/routing-rules.md, section 2).
        Urgency routedUrgency = row.flags().contains("W") && row.urgency() == NOW ? HIGH : row.urgency();
        assertThat(c.getString("urgency")).as(why).isEqualTo(routedUrgency.name());
        assertThat(c.getString("location.provinceCode")).as(why).isEqualTo(row.province());
        assertThat(c.getString("location.level")).as(why).isEqualTo(row.level());
        assertThat(c.getString("assignments[0].role")).isEqualTo("LEAD");
        assertThat(c.getString("assignments[0].agencyCode")).as(why).isEqualTo(row.lead());
        List<String> codes = c.getList("assignments.agencyCode", String.class);
        assertThat(codes.subList(1, codes.size())).as(why).containsExactlyElementsOf(row.supports());
        Instant routedAt = Instant.parse(c.getString("routedAt"));
        for (String deadline : c.getList("assignments.ackDeadline", String.class)) {
            assertThat(Duration.between(routedAt, Instant.parse(deadline)))
                    .isEqualTo(Duration.ofMinutes(row.ackMinutes()));
        }
        assertThat(c.getBoolean("liaisonRequired")).as(why).isEqualTo(row.liaison());
        assertThat(c.getBoolean("takedownRequired")).as(why).isEqualTo(row.takedown());
        assertThat(c.getList("takedownUrls", String.class)).isEqualTo(row.takedown() ? List.of(url) : List.of());
        for (String because : row.because()) {
            assertThat(explanation).as(why).anySatisfy(line -> assertThat(line).contains(because));
        }
    }

    @Test
    void theTableCoversEveryRulePolicyFallbackAndAtLeastTenProvinces() {
        assertThat(ROWS).hasSizeGreaterThanOrEqualTo(40);
        assertThat(ROWS.stream().map(Row::rule).distinct())
                .containsExactlyInAnyOrder("R1", "R2", "R3", "R4", "R5", "R6");
        Set<String> provinces = new HashSet<>();
        ROWS.stream().map(Row::province).filter(p -> p != null).forEach(provinces::add);
        assertThat(provinces).hasSizeGreaterThanOrEqualTo(10);
        Set<String> sentCodes = new HashSet<>();
        ROWS.forEach(r -> sentCodes.add(r.loc()[0]));
        // Legacy codes that only ever were legacy, and the named ones of the issue.
        assertThat(sentCodes).contains("30", "70", "74", "77", "02", "36", "54", "67", "94");
        assertThat(ROWS).anySatisfy(r -> assertThat(r.loc()[2]).isEqualTo("268"));
        assertThat(ROWS).anySatisfy(r -> assertThat(r.loc()).containsExactly("44", null, "450", "18853"));
        List<String> because = new ArrayList<>();
        ROWS.forEach(r -> because.addAll(r.because()));
        String all = String.join("\n", because);
        for (String needed : List.of(
                // policies
                "111 liaison alerted: a victim is given",
                "111 liaison alerted: urgency HIGH",
                "urgency IMMEDIATE_DANGER",
                "takedown requested for 1 content URL(s)",
                "calls for takedown, but no content URL was given",
                "acknowledgement deadline halved",
                "not assigned: only when a victim is given",
                // jurisdiction fallbacks
                "POLICE_COMMUNE: no unit registered for commune",
                "POLICE_COMMUNE: commune not known → POLICE_PROVINCE",
                "COMMUNE_COMMITTEE: no unit registered for commune",
                "COMMUNE_COMMITTEE: commune not known",
                "no location resolved → national NATIONAL_CYBER_POLICE",
                "no location resolved → national HOTLINE_111",
                "no location resolved → national NATIONAL_INFOSEC",
                "→ national NATIONAL_CYBER_POLICE",
                "INFORMATION_PROVINCE: no unit registered in province",
                "EDUCATION_PROVINCE: no unit registered in province",
                "CHILD_PROTECTION_PROVINCE: no unit registered in province",
                "no national unit registered",
                "is already assigned",
                // geography
                "was split into communes",
                "→ commune",
                "legacy district 268 not used",
                "read as legacy",
                "routed nationally")) {
            assertThat(all).as("the table shows: " + needed).contains(needed);
        }
        assertThat(Arrays.stream(Urgency.values()))
                .allSatisfy(u ->
                        assertThat(ROWS).anySatisfy(r -> assertThat(r.urgency()).isEqualTo(u)));
        assertThat(Arrays.stream(Category.values()))
                .allSatisfy(cat -> assertThat(ROWS)
                        .anySatisfy(r -> assertThat(r.category()).isEqualTo(cat)));
    }
}
