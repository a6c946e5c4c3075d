package vn.childsafe.routing.geo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.routing.cases.CaseFixtures;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * The admin-unit importer on the project's own fixtures (src/test/resources/admin-units): both layouts, idempotent
 * re-import, whole-file rejection with line numbers, 10,000 rows in one request, and routing on the imported
 * legacy mapping (a ward that became one commune, a split ward).
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class AdminUnitImportTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    CaseFixtures fixtures;

    @Test
    void unitsImportIdempotentlyAndListByLevelAndParent() throws Exception {
        for (int i = 0; i < 2; i++) {
            importCsv(TestTokens.admin(), fixture("units-fixture.csv"))
                    .then()
                    .statusCode(200)
                    .body("layout", equalTo("UNITS"))
                    .body("rows", equalTo(10))
                    .body("validFrom", equalTo("2025-07-01"));
        }
        assertThat(fixtures.count("SELECT count(*) FROM admin_unit WHERE code = ?", "09556"))
                .isEqualTo(1);

        units(TestTokens.unit("CA-01"), Map.of("level", "COMMUNE", "parentCode", "01"))
                .statusCode(200)
                .body("code", contains("00004", "09552", "09556"))
                .body("find { it.code == '09556' }.name", equalTo("Hà Đông"));
        units(TestTokens.ops(), Map.of("level", "province"))
                .statusCode(200)
                .body("code", hasItems("01", "31", "44", "75"))
                .body("find { it.code == '44' }.name", equalTo("Quảng Trị"));
        units(TestTokens.ops(), Map.of("level", "DISTRICT")).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void legacyMappingResolvesWardsToCommunesAndSplitWardsToTheProvince() throws Exception {
        importCsv(TestTokens.admin(), fixture("units-fixture.csv")).then().statusCode(200);
        importCsv(TestTokens.admin(), fixture("legacy-fixture.csv"))
                .then()
                .statusCode(200)
                .body("layout", equalTo("LEGACY_MAPPING"))
                .body("rows", equalTo(5));

        resolve("01", "268", "09544", null)
                .then()
                .statusCode(200)
                .body("provinceCode", equalTo("01"))
                .body("communeCode", equalTo("09556"))
                .body("communeName", equalTo("Hà Đông"))
                .body("level", equalTo("COMMUNE"))
                .body("notes", hasItem("legacy ward 09544 (Phường Vạn Phúc) → commune 09556"));
        resolve("01", "268", "09538", null)
                .then()
                .statusCode(200)
                .body("level", equalTo("PROVINCE"))
                .body("communeCode", equalTo(null))
                .body(
                        "notes",
                        hasItem("legacy ward 09538 (Phường Quang Trung) was split into communes 09556, 09552: "
                                + "ambiguous at commune level, routed at province level"));
        resolve("44", "450", "18853", null)
                .then()
                .body("provinceName", equalTo("Quảng Trị"))
                .body("communeCode", equalTo("18880"));
        resolve("70", "689", "25198", null)
                .then()
                .body("provinceCode", equalTo("75"))
                .body("communeCode", equalTo("25195"));
        resolve("30", "288", "10510", null)
                .then()
                .body("provinceCode", equalTo("31"))
                .body("communeCode", equalTo("10507"))
                .body("communeName", equalTo("Thành Đông"));
        // A ward of another province is not trusted.
        resolve("01", null, "18853", null)
                .then()
                .body("level", equalTo("PROVINCE"))
                .body("notes", hasItem(Matchers.startsWith("legacy ward 18853 belongs to today's " + "province 44")));

        // Routing uses the mapping: the split ward's case is routed at province level and says so.
        CaseFixtures.putAgency("CA-01", "POLICE_PROVINCE", "01", null, null);
        UUID split = routeScam("268", "09538");
        CaseFixtures.getCase(TestTokens.admin(), split)
                .statusCode(200)
                .body("location.level", equalTo("PROVINCE"))
                .body("location.notes", hasItem(Matchers.containsString("was split into communes")))
                .body("explanation", hasItem(Matchers.containsString("was split into communes")));
        UUID mapped = routeScam("268", "09544");
        CaseFixtures.getCase(TestTokens.admin(), mapped)
                .statusCode(200)
                .body("location.level", equalTo("COMMUNE"))
                .body("location.communeCode", equalTo("09556"));
    }

    @Test
    void aMalformedFileIsRejectedWholeWithItsBadLines() throws Exception {
        importCsv(TestTokens.admin(), fixture("bad-units.csv"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", contains("/lines/3", "/lines/5", "/lines/6"))
                .body("errors[0].message", equalTo("commune code must be 5 digits"))
                .body("errors[1].message", equalTo("expected 7 columns, found 4"));
        // Its good lines were not imported either.
        assertThat(fixtures.count("SELECT count(*) FROM admin_unit WHERE code = ?", "32104"))
                .isZero();

        importCsv(TestTokens.admin(), "code,name\n01,Hà Nội\n")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/lines/1"));
        importCsv(TestTokens.admin(), "").then().statusCode(400).body("errors[0].pointer", equalTo("/lines/1"));
        importCsv(
                        TestTokens.admin(),
                        "old_province_code,old_province_name,old_district_code,old_ward_code,"
                                + "old_ward_name,new_province_code,new_commune_codes\n30,Hải Dương,288,10510,Bình Hàn,30,10507\n"
                                + "99,X,001,00001,X,01,00004\n01,Hà Nội,001,00007,Cống Vị,01,00008;0025\n")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/lines/2", "/lines/3", "/lines/4"));
        importCsv(TestTokens.unit("CA-01"), fixture("units-fixture.csv")).then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/admin-units/import")
                .then()
                .statusCode(415);
    }

    @Test
    void tenThousandRowsImportInOneRequest() throws Exception {
        StringBuilder csv = new StringBuilder("old_province_code,old_province_name,old_district_code,old_ward_code,"
                + "old_ward_name,new_province_code,new_commune_codes\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("27,Tỉnh Bắc Ninh,999,")
                    .append(80_000 + i)
                    .append(",Xã thử ")
                    .append(i)
                    .append(",24,")
                    .append(String.format("%05d", 90_000 + i % 500))
                    .append(i % 7 == 0 ? ";99999" : "")
                    .append('\n');
        }
        long started = System.nanoTime();
        importCsv(TestTokens.admin(), csv.toString()).then().statusCode(200).body("rows", equalTo(10_000));
        importCsv(TestTokens.admin(), csv.toString()).then().statusCode(200).body("rows", equalTo(10_000));
        System.out.printf("Two imports of 10,000 rows took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(fixtures.count("SELECT count(*) FROM legacy_ward WHERE old_district_code = ?", "999"))
                .isEqualTo(10_000);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM legacy_ward WHERE old_district_code = ? "
                                + "AND cardinality(new_commune_codes) = 2",
                        "999"))
                .isEqualTo(1_429);
    }

    /** Routes a scam report in Hà Nội sent with legacy district and ward codes. */
    private UUID routeScam(String legacyDistrict, String legacyWard) {
        return fixtures.route(
                Category.SCAM,
                Urgency.NORMAL,
                new ReportReceived.Location("01", null, legacyDistrict, legacyWard),
                false,
                List.of());
    }

    /** The answer to listing admin units with this query, to check. */
    private static ValidatableResponse units(String token, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .when()
                .get("/api/v1/admin-units")
                .then();
    }

    private static Response importCsv(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("text/csv; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/admin-units/import");
    }

    private static Response resolve(String province, String district, String ward, String commune) {
        var request = given().auth().oauth2(TestTokens.ops());
        if (province != null) {
            request = request.queryParam("provinceCode", province);
        }
        if (district != null) {
            request = request.queryParam("districtCode", district);
        }
        if (ward != null) {
            request = request.queryParam("wardCode", ward);
        }
        if (commune != null) {
            request = request.queryParam("communeCode", commune);
        }
        return request.when().get("/api/v1/admin-units/resolve");
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = AdminUnitImportTest.class.getResourceAsStream("/admin-units/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
