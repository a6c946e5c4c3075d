package vn.childsafe.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.local.infra.FreePorts;
import vn.childsafe.local.infra.KafkaTestClient;
import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.stack.LocalStack.Service;

/**
 * The whole pipeline on real parts: the packaged services as separate JVMs, a real Kafka broker, PostgreSQL and
 * the demo unit inbox, started exactly as {@code deploy/local/run.sh} starts them (on free ports).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private StackSettings settings;
    private LocalStack stack;

    @BeforeAll
    void start() throws IOException {
        Path data = Files.createTempDirectory("childsafe-stack-it-");
        settings = new StackSettings(StackSettings.findRepoRoot(), data, FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(),
                "256m");
        stack = LocalStack.start(settings);
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aHanoiReportArrivesAtItsLeadUnitAsASignedWebhook() throws Exception {
        String reportId = submit("GROOMING", "01");

        DemoInbox.Received alert = awaitAlert(reportId, "CA-01");
        assertThat(alert.signatureValid()).isTrue();
        assertThat(alert.eventType()).isEqualTo("case.routed");
        assertThat(alert.caseId()).isNotBlank();
        // Tracing is off unless asked (docs/runbook.md, "Tracing and logs"): no trace context reaches the unit.
        assertThat(alert.traceparent()).isNull();
        assertThat(stack.inbox().received()).filteredOn(r -> alert.caseId().equals(r.caseId()))
                .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    @Order(2)
    void aLegacyProvinceCodeRoutesToTodaysProvince() throws Exception {
        // Legacy 30 Hải Dương is part of 31 Hải Phòng since 1 July 2025; R6 leads with child protection.
        String reportId = submit("OTHER", "30");
        assertThat(awaitAlert(reportId, "BVTE-31").signatureValid()).isTrue();
    }

    @Test
    @Order(3)
    void redeliveredRecordsCreateNoSecondCaseAndNoSecondDelivery() throws Exception {
        String reportId = submit("SCAM", "75");
        String caseId = awaitAlert(reportId, "CA-75").caseId();
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(caseId) >= 2);
        int alertsBefore = alertsFor(caseId);

        KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers());
        ConsumerRecord<String, String> report = kafka.awaitRecord("reports.received.v1", reportId, Duration.ofSeconds(30));
        ConsumerRecord<String, String> routed = kafka.awaitRecord("cases.events.v1", caseId, Duration.ofSeconds(30));
        kafka.resend(report);
        kafka.resend(routed);

        // Once both consumer groups have read past the redelivered records, nothing new may have happened.
        kafka.awaitConsumed("routing-service", "reports.received.v1", Duration.ofSeconds(30));
        kafka.awaitConsumed("notify-service", "cases.events.v1", Duration.ofSeconds(30));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> alertsFor(caseId) == alertsBefore);
        assertThat(casesForReport(reportId)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aReportAcceptedWhileKafkaIsDownIsDeliveredOnceKafkaIsBack() throws Exception {
        stack.stopKafka();
        String reportId;
        try {
            reportId = submit("CSAM", "44");
        } finally {
            stack.startKafka();
        }
        DemoInbox.Received alert = awaitAlert(reportId, "CA-44", Duration.ofMinutes(2));
        assertThat(alert.signatureValid()).isTrue();
    }

    @Test
    @Order(99)
    void stoppingTheStackLeavesNoProcessAndNoOpenPortBehind() {
        stack.close();
        stack = null;
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        for (int port : List.of(settings.postgresPort(), settings.kafkaPort(), settings.intakePort(),
                settings.routingPort(), settings.notifyPort(), settings.inboxPort())) {
            assertThat(listening(port)).as("port %d", port).isFalse();
        }
    }

    private String submit(String category, String provinceCode) throws Exception {
        String body = """
                {"source": {"channel": "HOTLINE_111", "reference": "%s"},
                 "category": "%s", "urgency": "NORMAL",
                 "description": "Tổng đài 111 tiếp nhận: trẻ bị đe doạ trên mạng.",
                 "location": {"provinceCode": "%s"},
                 "reporter": {"name": "Phạm Thị Thu", "phone": "0911222333", "relationship": "PARENT"}}"""
                .formatted(UUID.randomUUID(), category, provinceCode);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(stack.url(Service.INTAKE) + "/api/v1/reports"))
                .header("Authorization", "Bearer " + stack.tokens().get("reporter"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    private DemoInbox.Received awaitAlert(String reportId, String agencyCode) {
        return awaitAlert(reportId, agencyCode, Duration.ofSeconds(60));
    }

    private DemoInbox.Received awaitAlert(String reportId, String agencyCode, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> stack.inbox().received().stream()
                        .filter(r -> r.reportIds().contains(reportId) && agencyCode.equals(r.agencyCode()))
                        .findFirst().orElse(null), r -> r != null);
    }

    private int alertsFor(String caseId) {
        return (int) stack.inbox().received().stream().filter(r -> caseId.equals(r.caseId())).count();
    }

    private int casesForReport(String reportId) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(Service.ROUTING), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM case_report WHERE report_id = ?")) {
            s.setObject(1, UUID.fromString(reportId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
