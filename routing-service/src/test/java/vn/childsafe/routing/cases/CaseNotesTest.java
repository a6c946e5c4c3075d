package vn.childsafe.routing.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.childsafe.commons.crypto.FieldCipher;
import vn.childsafe.commons.crypto.Reencryption;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.KafkaTestClient;
import vn.childsafe.testsupport.Sql;
import vn.childsafe.testsupport.TestTokens;

/**
 * Units' free-text notes at rest (docs/security.md, "Notes"): encrypted in every table, absent from the case events
 * on the broker, shown to those who may read the case, erased after resolution, re-encrypted under a new key, and
 * moved out of the plain columns of earlier versions.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class CaseNotesTest {

    /** What a unit should not write, but might. */
    private static final String CHILD = "Phạm Thị Mai Anh";

    @Inject
    CaseFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Inject
    CaseNotes notes;

    @Inject
    Reencryption reencryption;

    @Inject
    KafkaTestClient kafka;

    @BeforeEach
    void seed() {
        CaseFixtures.putProvinceUnits("44");
        CaseFixtures.putAgency("CAX-44010", "POLICE_COMMUNE", "44", "44010", null);
    }

    @Test
    void notesAreEncryptedInEveryTableAndAbsentFromTheEventsOnTheBroker() throws Exception {
        UUID caseId = fixtures.route(Category.OTHER, Urgency.IMMEDIATE_DANGER, "44", "44010", true, List.of());
        String lead = read(caseId).getString("assignments.find { it.agencyCode == 'CAX-44010' }.assignmentId");
        post(
                TestTokens.unit("CAX-44010"),
                "/cases/" + caseId + "/assignments/" + lead + "/decline",
                Map.of("reason", "Em " + CHILD + " đã chuyển trường"));
        String provinceLead =
                read(caseId).getString("assignments.find { it.role == 'LEAD' && it.state == 'PENDING' }.assignmentId");
        post(TestTokens.unit("CA-44"), "/cases/" + caseId + "/assignments/" + provinceLead + "/acknowledge", null);
        post(
                TestTokens.unit("CA-44"),
                "/cases/" + caseId + "/transfer",
                Map.of("agencyCode", "BVTE-44", "reason", "Gia đình em " + CHILD + " cần hỗ trợ"));
        post(
                TestTokens.unit("BVTE-44"),
                "/cases/" + caseId + "/resolve",
                Map.of("outcome", "VICTIM_SUPPORTED", "note", "Đã gặp em " + CHILD));

        JsonPath c = read(caseId);
        assertThat(c.getString("resolutionNote")).isEqualTo("Đã gặp em " + CHILD);
        assertThat(c.getList("timeline.note", String.class))
                .contains(
                        "Em " + CHILD + " đã chuyển trường",
                        "Gia đình em " + CHILD + " cần hỗ trợ",
                        "Đã gặp em " + CHILD);
        assertThat(c.getList("assignments.endReason", String.class)).contains("Em " + CHILD + " đã chuyển trường");

        assertThat(rowsMentioning(CHILD)).as("rows holding the name in clear").isEmpty();
        assertThat(scalar("SELECT count(*) FROM case_timeline WHERE case_id = '" + caseId
                        + "' AND note_enc LIKE 'v2.test2:%'"))
                .isEqualTo(3);

        List<ConsumerRecord<String, String>> records = kafka.readUntil(
                Lane.of(Urgency.IMMEDIATE_DANGER).topic(EventTypes.CASES_TOPIC),
                r -> r.key().equals(caseId.toString()) && r.value().contains("\"RESOLVED\""),
                Duration.ofSeconds(30));
        List<String> ofCase = records.stream()
                .filter(r -> r.key().equals(caseId.toString()))
                .map(ConsumerRecord::value)
                .toList();
        assertThat(ofCase).hasSize(5).noneMatch(v -> v.contains("Mai Anh"));
        // The routing record has no note; of the changes, the acknowledgement has none and the others one each.
        assertThat(ofCase.stream()
                        .filter(v -> v.contains("\"noteGiven\""))
                        .map(v -> JsonPath.from(v).getString("kind") + ":"
                                + JsonPath.from(v).getBoolean("noteGiven")))
                .containsExactly("DECLINED:true", "ACKNOWLEDGED:false", "TRANSFERRED:true", "RESOLVED:true");
    }

    @Test
    void notesAreErasedAWhileAfterResolutionWhatHappenedStays() throws Exception {
        UUID caseId = fixtures.route(Category.GROOMING, Urgency.NORMAL, "44", null, false, List.of());
        post(TestTokens.admin(), "/cases/" + caseId + "/resolve", Map.of("outcome", "UNFOUNDED", "note", CHILD));
        notes.purgeResolved();
        assertThat(read(caseId).getString("resolutionNote")).isEqualTo(CHILD);

        execute("UPDATE routing_case SET resolved_at = now() - interval '181 days' WHERE id = '" + caseId + "'");
        assertThat(notes.purgeResolved()).isGreaterThanOrEqualTo(2);
        JsonPath c = read(caseId);
        assertThat(c.getString("resolutionNote")).isNull();
        assertThat(c.getList("timeline.note", String.class)).containsOnlyNulls();
        assertThat(c.getList("timeline.detail", String.class)).anyMatch(d -> d.contains("đã kết thúc: UNFOUNDED"));
    }

    @Test
    void valuesUnderAnOldKeyOrFromPlainColumnsAreReencryptedUnderTheActiveKey() throws Exception {
        UUID caseId = fixtures.route(Category.SCAM, Urgency.NORMAL, "44", null, false, List.of());
        post(TestTokens.admin(), "/cases/" + caseId + "/resolve", Map.of("outcome", "UNFOUNDED"));
        FieldCipher oldKey = new FieldCipher(
                Map.of("test1", Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")), "test1");
        execute("UPDATE routing_case SET resolution_note_enc = '"
                + oldKey.encrypt("ghi chú cũ", CaseNotes.RESOLUTION_NOTE.context(caseId)) + "' WHERE id = '"
                + caseId + "'");
        assertThat(reencryption.countStale()).isGreaterThanOrEqualTo(1);
        assertThat(reencryption.run()).isGreaterThanOrEqualTo(1);
        assertThat(reencryption.countStale()).isZero();
        assertThat(scalarText("SELECT resolution_note_enc FROM routing_case WHERE id = '" + caseId + "'"))
                .startsWith("v2.test2:");
        assertThat(read(caseId).getString("resolutionNote")).isEqualTo("ghi chú cũ");

        // As an earlier version left them: the note in clear in the plain columns and in the timeline's detail.
        execute("UPDATE routing_case SET resolution_note_enc = NULL, resolution_note = 'Trần Văn Lộc' WHERE id = '"
                + caseId + "'");
        execute("UPDATE case_timeline SET detail = 'resolved: UNFOUNDED — Trần Văn Lộc', legacy_note = true "
                + "WHERE case_id = '" + caseId + "' AND kind = 'RESOLVED'");
        notes.encryptLegacy(null);
        assertThat(rowsMentioning("Văn Lộc")).isEmpty();
        JsonPath c = read(caseId);
        assertThat(c.getString("resolutionNote")).isEqualTo("Trần Văn Lộc");
        assertThat(c.getList("timeline.note", String.class)).contains("resolved: UNFOUNDED — Trần Văn Lộc");
    }

    @Test
    void aNoteCopiedToAnotherCaseDoesNotDecrypt() throws Exception {
        UUID first = fixtures.route(Category.SCAM, Urgency.NORMAL, "44", null, false, List.of());
        UUID second = fixtures.route(Category.SCAM, Urgency.NORMAL, "44", null, false, List.of());
        post(TestTokens.admin(), "/cases/" + first + "/resolve", Map.of("outcome", "UNFOUNDED", "note", CHILD));
        post(TestTokens.admin(), "/cases/" + second + "/resolve", Map.of("outcome", "UNFOUNDED"));
        execute(
                "UPDATE routing_case SET resolution_note_enc = (SELECT resolution_note_enc FROM routing_case WHERE id = '"
                        + first + "') WHERE id = '" + second + "'");
        // The moved value is refused, not shown: the database writer learns nothing through the API.
        CaseFixtures.getCase(TestTokens.admin(), second)
                .statusCode(500)
                .body(Matchers.not(Matchers.containsString("Mai Anh")));
        execute("UPDATE routing_case SET resolution_note_enc = NULL WHERE id = '" + second + "'");
    }

    /** Every text cell of routing's tables that holds {@code text} in clear, as table.column. */
    private List<String> rowsMentioning(String text) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement s = connection.createStatement();
                ResultSet columns = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', "
                        + "'json', 'ARRAY')")) {
            List<String[]> all = new ArrayList<>();
            while (columns.next()) {
                all.add(new String[] {columns.getString(1), columns.getString(2)});
            }
            for (String[] column : all) {
                try (Statement q = connection.createStatement();
                        ResultSet rs = q.executeQuery("SELECT count(*) FROM " + column[0] + " WHERE CAST(" + column[1]
                                + " AS text) LIKE '%" + text + "%'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return found;
    }

    private static void post(String token, String path, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        (body == null ? request : request.body(body))
                .post("/api/v1" + path)
                .then()
                .statusCode(200);
    }

    private static JsonPath read(UUID caseId) {
        return CaseFixtures.readCase(caseId);
    }

    private long scalar(String sql) throws Exception {
        return Long.parseLong(Sql.text(dataSource, sql));
    }

    private String scalarText(String sql) throws Exception {
        return Sql.text(dataSource, sql);
    }

    private void execute(String sql) throws Exception {
        Sql.execute(dataSource, sql);
    }
}
