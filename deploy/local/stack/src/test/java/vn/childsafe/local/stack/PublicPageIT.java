package vn.childsafe.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.stack.LocalStack.Service;
import vn.childsafe.testsupport.KafkaTestClient;

/**
 * The public reporting page in a real browser (headless Chromium through Selenium) on the whole stack, started as
 * {@code deploy/local/run.sh} starts it: a child's anonymous report becomes a routed case, a missing answer is
 * shown next to its field, the status page follows a unit's acknowledgement. Every page is checked against WCAG
 * 2.1 A and AA with axe-core, and the screenshots of docs/guide-public-page.md are taken here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final String STORY =
            "Một người lạ trên Facebook nhắn tin dọa tung ảnh của em nếu em không gửi thêm ảnh.";
    private static final String PLACE = "Phường Ba Đình";
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStack stack;
    private ChromeDriver browser;
    private Path screenshots;

    @BeforeAll
    void start() throws Exception {
        Chromium.ensureInstalled();
        Path data = Files.createTempDirectory("childsafe-public-page-it-");
        StackSettings settings = StackSettings.onFreePorts(data, "256m");
        screenshots = settings.repoRoot().resolve("docs/images/public-page");
        Files.createDirectories(screenshots);
        stack = LocalStack.start(settings);
        browser = Chromium.start(data.resolve("chromium-profile"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aChildsAnonymousReportFromTheFormBecomesARoutedCaseWithNoIdentityOnKafka() throws Exception {
        open("/phan-anh");
        assertThat(browser.findElement(By.cssSelector(".danger")).getText())
                .contains("111")
                .contains("113");
        assertAccessible("form");
        screenshot("01-form", true);

        fill("SEXTORTION", "HIGH", STORY, "01");
        browser.findElement(By.id("commune-field")).sendKeys(PLACE);
        browser.findElement(By.id("links-field")).sendKeys("https://www.facebook.com/profile.php?id=100000000000042");
        new Select(browser.findElement(By.id("age-field"))).selectByValue("13");
        browser.findElement(By.cssSelector("label[for=relationship-1]")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);

        String code = browser.findElement(By.id("tracking-code")).getText();
        assertThat(code).matches("CS-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.getCurrentUrl()).doesNotContain(code);
        assertAccessible("confirmation");
        screenshot("02-confirmation", false);

        String reportId = reportId(code);
        String caseId = awaitCase(reportId);
        assertThat(query(Service.ROUTING, "SELECT source_channel FROM case_report WHERE report_id = ?::uuid", reportId))
                .isEqualTo("WEB_PUBLIC");
        // SEXTORTION goes to the provincial police (R2); the demo inbox gets the signed alert.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stack.inbox().received().stream()
                        .anyMatch(r -> r.reportIds().contains(reportId)
                                && "CA-01".equals(r.agencyCode())
                                && r.signatureValid()));

        KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers());
        ConsumerRecord<String, String> received =
                kafka.awaitRecord("reports.received.v1.urgent", reportId, Duration.ofSeconds(30));
        ConsumerRecord<String, String> routed =
                kafka.awaitRecord("cases.events.v1.urgent", caseId, Duration.ofSeconds(30));
        assertThat(JSON.readTree(received.value()).path("sourceChannel").asText())
                .isEqualTo("WEB_PUBLIC");
        for (ConsumerRecord<String, String> record : List.of(received, routed)) {
            assertThat(record.value())
                    .doesNotContain("dọa tung ảnh")
                    .doesNotContain(PLACE)
                    .doesNotContain(code);
        }
    }

    @Test
    @Order(2)
    void everyFieldIsReachableByKeyboardAndAMissingAnswerIsShownNextToItsField() throws Exception {
        open("/phan-anh");
        Set<String> reached = new LinkedHashSet<>();
        Actions keys = new Actions(browser);
        for (int i = 0; i < 40; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            reached.add(
                    focused.getAttribute("id") == null
                                    || focused.getAttribute("id").isEmpty()
                            ? focused.getTagName() + ":" + focused.getText()
                            : focused.getAttribute("id"));
        }
        // Radio groups take one Tab stop each (arrow keys move inside); the honeypot is never reached.
        assertThat(reached)
                .contains(
                        "category-1",
                        "urgency-1",
                        "description-field",
                        "province-field",
                        "commune-field",
                        "links-field",
                        "age-field",
                        "relationship-1",
                        "name-field",
                        "phone-field",
                        "email-field",
                        "button:Gửi báo cáo")
                .doesNotContain("website-field");

        fill("CYBERBULLYING", "NORMAL", "", "cu-30");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement error = browser.findElement(By.id("description-error"));
        assertThat(error.getText()).contains("Hãy kể ngắn gọn chuyện gì đã xảy ra");
        WebElement field = browser.findElement(By.id("description-field"));
        assertThat(field.getAttribute("aria-describedby")).contains("description-error");
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        // Right above its own field, inside the same group: not in a list at the bottom of the page.
        assertThat(browser.findElements(
                        By.xpath("//p[@id='description-error']/following-sibling::textarea[@id='description-field']")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".error"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".summary")).getAttribute("role"))
                .isEqualTo("alert");
        // What was chosen is kept, the legacy province (Hải Dương) included.
        assertThat(browser.findElement(By.id("category-4")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("province-field")))
                        .getFirstSelectedOption()
                        .getText())
                .contains("Hải Dương");
        assertAccessible("errors");
        screenshot("03-missing-answer", false);

        browser.findElement(By.cssSelector(".summary a")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("description-field");
        browser.executeScript("document.querySelector('label[for=description-field]').scrollIntoView()");
        screenshot("03-missing-answer-field", false);
    }

    @Test
    @Order(3)
    void theStatusPageShowsTheStateChangeAfterAUnitAcknowledgesAndAnUnverifiedDangerIsConfirmedBy111()
            throws Exception {
        open("/phan-anh");
        fill("GROOMING", "IMMEDIATE_DANGER", "Có người lạ hẹn gặp em tối nay ở quán net.", "01");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        String code = browser.findElement(By.id("tracking-code")).getText();
        String reportId = reportId(code);
        String caseId = awaitCase(reportId);

        // Unverified: routed as HIGH, and the 111 liaison is alerted at once to confirm the danger.
        assertThat(query(Service.ROUTING, "SELECT urgency FROM routing_case WHERE id = ?::uuid", caseId))
                .isEqualTo("HIGH");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stack.inbox().received().stream()
                        .anyMatch(r -> caseId.equals(r.caseId()) && "HOTLINE_111".equals(r.agencyCode())));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ROUTED"
                        .equals(query(Service.INTAKE, "SELECT status FROM report WHERE id = ?::uuid", reportId)));
        lookUp(code);
        assertThat(browser.findElement(By.cssSelector(".result")).getText())
                .contains("Đã tiếp nhận")
                .contains("Công an Thành phố Hà Nội");
        assertThat(browser.getCurrentUrl()).doesNotContain(code);
        assertAccessible("status");
        screenshot("04-status-received", false);

        acknowledgeAsLead(caseId, "CA-01");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ACKNOWLEDGED"
                        .equals(query(Service.INTAKE, "SELECT status FROM report WHERE id = ?::uuid", reportId)));
        lookUp(code.toLowerCase());
        String result = browser.findElement(By.cssSelector(".result")).getText();
        assertThat(result)
                .contains("Đang được xử lý")
                .contains("Công an Thành phố Hà Nội")
                .doesNotContain("quán net")
                .doesNotContain("GROOMING");
        screenshot("05-status-in-progress", false);
    }

    private void open(String path) {
        browser.get(stack.url(Service.INTAKE) + path);
    }

    /** Chooses the answers a report needs, by clicking labels as a person taps them. */
    private void fill(String category, String urgency, String story, String province) {
        browser.findElement(By.cssSelector("input[name=category][value=" + category + "] + label"))
                .click();
        browser.findElement(By.cssSelector("input[name=urgency][value=" + urgency + "] + label"))
                .click();
        if (!story.isEmpty()) {
            browser.findElement(By.id("description-field")).sendKeys(story);
        }
        new Select(browser.findElement(By.id("province-field"))).selectByValue(province);
    }

    private void lookUp(String code) {
        open("/phan-anh/tra-cuu");
        browser.findElement(By.id("code-field")).sendKeys(code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void acknowledgeAsLead(String caseId, String agency) throws Exception {
        String token = stack.tokens().get("unit:" + agency);
        String routing = stack.url(Service.ROUTING) + "/api/v1/cases/" + caseId;
        JsonNode c = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(routing))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String assignment = null;
        for (JsonNode a : c.path("assignments")) {
            if ("LEAD".equals(a.path("role").asText())
                    && agency.equals(a.path("agencyCode").asText())) {
                assignment = a.path("assignmentId").asText();
            }
        }
        assertThat(assignment).as("lead assignment of %s in %s", agency, c).isNotNull();
        HttpResponse<String> ack = http.send(
                HttpRequest.newBuilder(URI.create(routing + "/assignments/" + assignment + "/acknowledge"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
    }

    /** No WCAG 2.1 A or AA violation that axe-core can find on the page as it is now. */
    private void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        List<String> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            violations.add(rule.getId() + ": " + rule.getHelp() + " ("
                    + rule.getNodes().size() + " element(s))");
        }
        assertThat(violations).as("axe-core on the %s page", page).isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its checks").isNotEmpty();
    }

    /** Saves the page as docs/guide-public-page.md shows it: the phone's screen, or the whole page. */
    private void screenshot(String name, boolean wholePage) throws Exception {
        Dimension phone = browser.manage().window().getSize();
        if (wholePage) {
            Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(phone.getWidth(), height.intValue() + 150));
        }
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(phone);
    }

    private String reportId(String trackingCode) throws Exception {
        String id = query(Service.INTAKE, "SELECT id::text FROM report WHERE tracking_code = ?", trackingCode);
        assertThat(id).as("report %s stored by intake", trackingCode).isNotNull();
        UUID.fromString(id);
        return id;
    }

    private String awaitCase(String reportId) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> query(
                                Service.ROUTING,
                                "SELECT case_id::text FROM case_report WHERE report_id = ?::uuid",
                                reportId),
                        id -> id != null);
    }

    private String query(Service service, String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        stack.jdbcUrl(service), LocalPostgres.USER, LocalPostgres.PASSWORD);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
