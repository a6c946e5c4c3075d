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
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.stack.LocalStack.Service;
import vn.childsafe.testsupport.KafkaTestClient;

/**
 * The whole pipeline on real parts: the packaged services as separate JVMs, a real Kafka broker, PostgreSQL and
 * the demo unit inbox, started exactly as {@code deploy/local/run.sh} starts them (on free ports).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    /** Metric names in PromQL: ChildSafe's own and the Kafka consumers'. */
    private static final Pattern METRIC = Pattern.compile("\\b(childsafe|kafka_consumer)_[a-z0-9_]+\\b");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private StackSettings settings;
    private LocalStack stack;

    @BeforeAll
    void start() throws IOException {
        Path data = Files.createTempDirectory("childsafe-stack-it-");
        settings = StackSettings.onFreePorts(data, "256m");
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
        assertThat(stack.inbox().received())
                .filteredOn(r -> alert.caseId().equals(r.caseId()))
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
        ConsumerRecord<String, String> report =
                kafka.awaitRecord("reports.received.v1", reportId, Duration.ofSeconds(30));
        ConsumerRecord<String, String> routed = kafka.awaitRecord("cases.events.v1", caseId, Duration.ofSeconds(30));
        kafka.resend(report);
        kafka.resend(routed);

        // Once both consumer groups have read past the redelivered records, nothing new may have happened.
        kafka.awaitConsumed("routing-service", "reports.received.v1", Duration.ofSeconds(30));
        kafka.awaitConsumed("notify-service", "cases.events.v1", Duration.ofSeconds(30));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> alertsFor(caseId) == alertsBefore);
        assertThat(casesForReport(reportId)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void intakeStaysReadyAndAcceptsReportsWhileKafkaIsDownAndTheyFlowOnceItIsBack() throws Exception {
        stack.stopKafka();
        boolean kafkaBack = false;
        try {
            String reportId = submit("CSAM", "44");
            // Once intake's relay has failed to publish it, routing's Kafka check has had the same time to notice.
            JsonNode relay = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> outboxRelayCheck(Service.INTAKE),
                            r -> r.path("data").has("failingSince"));
            assertThat(relay.path("status").asText()).isEqualTo("UP");
            assertThat(relay.path("data").path("relay").asText()).isEqualTo("waiting for Kafka");
            assertThat(relay.path("data").path("pending").asLong()).isPositive();
            // Routing cannot work without Kafka: not ready.
            await().atMost(Duration.ofSeconds(30)).until(() -> readyStatus(Service.ROUTING) != 200);
            // Ready (an orchestrator keeps sending reports) and taking them: they wait in the outbox.
            assertThat(readyStatus(Service.INTAKE)).isEqualTo(200);
            String second = submit("GROOMING", "44");
            assertThat(readyStatus(Service.INTAKE)).isEqualTo(200);
            stack.startKafka();
            kafkaBack = true;
            assertThat(awaitAlert(reportId, "CA-44", Duration.ofMinutes(2)).signatureValid())
                    .isTrue();
            assertThat(awaitAlert(second, "CA-44", Duration.ofMinutes(1)).signatureValid())
                    .isTrue();
        } finally {
            if (!kafkaBack) {
                stack.startKafka();
            }
        }
        JsonNode relay = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> outboxRelayCheck(Service.INTAKE),
                        r -> r.path("data").path("pending").asLong(-1) == 0);
        assertThat(relay.path("data").path("relay").asText()).isEqualTo("publishing");
        await().atMost(Duration.ofSeconds(30)).until(() -> readyStatus(Service.ROUTING) == 200);
    }

    /**
     * A report event routing could not process sits in {@code routing-service.dlq} as DeadLetters writes it; once
     * the cause is fixed, DeadLetterReplay re-publishes it to reports.received.v1, and replaying it twice still
     * makes one case (consumers de-duplicate by ce_id). The dead letter is written here as routing would write it,
     * from a fresh copy of a real report event, so that it was never applied before the replay.
     */
    @Test
    @Order(6)
    void aDeadLetterReplayedTwiceIsAppliedOnce() throws Exception {
        String original = submit("SCAM", "01");
        KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers());
        ConsumerRecord<String, String> event =
                kafka.awaitRecord("reports.received.v1", original, Duration.ofSeconds(30));
        String reportId = UUID.randomUUID().toString();
        ProducerRecord<String, String> dead = new ProducerRecord<>(
                "routing-service.dlq", reportId, event.value().replace(original, reportId));
        for (Header header : event.headers()) {
            String value = header.key().equals("ce_id")
                    ? UUID.randomUUID().toString()
                    : new String(header.value(), StandardCharsets.UTF_8).replace(original, reportId);
            dead.headers().add(header.key(), value.getBytes(StandardCharsets.UTF_8));
        }
        dead.headers().add("dead-letter-reason", "the cause, since fixed".getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", "reports.received.v1".getBytes(StandardCharsets.UTF_8));
        dead.headers()
                .add(
                        "dead-letter-partition",
                        Integer.toString(event.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-offset", Long.toString(event.offset()).getBytes(StandardCharsets.UTF_8));
        kafka.send(dead);
        ConsumerRecord<String, String> stored =
                kafka.awaitRecord("routing-service.dlq", reportId, Duration.ofSeconds(30));
        assertThat(casesForReport(reportId)).isZero();

        Properties client = new Properties();
        client.put("bootstrap.servers", stack.kafkaBootstrapServers());
        Set<DeadLetterReplay.Position> chosen =
                Set.of(new DeadLetterReplay.Position(stored.partition(), stored.offset()));
        assertThat(DeadLetterReplay.replay(client, "routing-service.dlq", chosen))
                .singleElement()
                .asString()
                .contains("-> reports.received.v1");
        assertThat(DeadLetterReplay.replay(client, "routing-service.dlq", chosen))
                .hasSize(1);

        await().atMost(Duration.ofSeconds(60)).until(() -> casesForReport(reportId) == 1);
        kafka.awaitConsumed("routing-service", "reports.received.v1", Duration.ofSeconds(30));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> casesForReport(reportId) == 1);
    }

    /**
     * The Grafana dashboard and the Prometheus alert rules in deploy/monitoring are well-formed, and every metric
     * they name is one the running services export (after the reports above went through).
     */
    @Test
    @Order(5)
    void dashboardAndAlertRulesNameOnlyMetricsTheServicesExport() throws Exception {
        Path monitoring = StackSettings.findRepoRoot().resolve("deploy/monitoring");
        JsonNode dashboard = new ObjectMapper()
                .readTree(monitoring.resolve("childsafe-dashboard.json").toFile());
        JsonNode rules = new ObjectMapper(new YAMLFactory())
                .readTree(monitoring.resolve("childsafe-alerts.yaml").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(t -> expressions.add(t.path("expr").asText())));
        Set<String> alerts = new TreeSet<>();
        rules.path("groups")
                .forEach(group -> group.path("rules").forEach(rule -> {
                    alerts.add(rule.path("alert").asText());
                    expressions.add(rule.path("expr").asText());
                }));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10).doesNotContain("");
        Set<String> named = new TreeSet<>();
        for (String expression : expressions) {
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                named.add(metric.group());
            }
        }
        // Every alert has its entry in the runbook.
        String runbook = Files.readString(StackSettings.findRepoRoot().resolve("docs/runbook.md"));
        assertThat(alerts).isNotEmpty().allSatisfy(alert -> assertThat(runbook).contains("#### " + alert));

        // Takedown gauges have a row per registered platform; they are refreshed every 15 s.
        HttpResponse<String> platform = http.send(
                HttpRequest.newBuilder(URI.create(stack.url(Service.NOTIFY) + "/api/v1/platforms/demo-video"))
                        .header("Authorization", "Bearer " + stack.tokens().get("admin"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Demo video", "domains": ["video.example.com"],
                         "takedownUrl": "https://takedown.example.com/hook",
                         "secrets": ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(platform.statusCode()).as(platform.body()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Set<String> exported = new TreeSet<>();
                    for (Service service : Service.values()) {
                        String scrape = http.send(
                                        HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + "/q/metrics"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                        scrape.lines()
                                .filter(line -> !line.startsWith("#") && !line.isBlank())
                                .map(line -> line.split("[{ ]", 2)[0])
                                .forEach(exported::add);
                    }
                    assertThat(exported).containsAll(named);
                });
    }

    @Test
    @Order(99)
    void stoppingTheStackLeavesNoProcessAndNoOpenPortBehind() {
        stack.close();
        stack = null;
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
        for (int port : List.of(
                settings.postgresPort(),
                settings.kafkaPort(),
                settings.intakePort(),
                settings.routingPort(),
                settings.notifyPort(),
                settings.inboxPort())) {
            assertThat(listening(port)).as("port %d", port).isFalse();
        }
    }

    private String submit(String category, String provinceCode) throws Exception {
        String body = """
                {"source": {"channel": "HOTLINE_111", "reference": "%s"},
                 "category": "%s", "urgency": "NORMAL",
                 "description": "Tổng đài 111 tiếp nhận: trẻ bị đe doạ trên mạng.",
                 "location": {"provinceCode": "%s"},
                 "reporter": {"name": "Phạm Thị Thu", "phone": "0911222333", "relationship": "PARENT"}}""".formatted(UUID.randomUUID(), category, provinceCode);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.url(Service.INTAKE) + "/api/v1/reports"))
                        .header("Authorization", "Bearer " + stack.tokens().get("reporter"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    /**
     * The readiness answer, or -1 when there is none within 5 s: an orchestrator's probe counts that as not ready
     * (Quarkus' Kafka check waits for the Kafka admin client's own timeout while the broker is away).
     */
    private int readyStatus(Service service) throws Exception {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (HttpTimeoutException e) {
            return -1;
        }
    }

    /** The outbox-relay check of a service's readiness answer. */
    private JsonNode outboxRelayCheck(Service service) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        for (JsonNode check : JSON.readTree(body).path("checks")) {
            if ("outbox-relay".equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no outbox-relay check in " + body);
    }

    private DemoInbox.Received awaitAlert(String reportId, String agencyCode) {
        return awaitAlert(reportId, agencyCode, Duration.ofSeconds(60));
    }

    private DemoInbox.Received awaitAlert(String reportId, String agencyCode, Duration timeout) {
        return await().atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> stack.inbox().received().stream()
                                .filter(r -> r.reportIds().contains(reportId) && agencyCode.equals(r.agencyCode()))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
    }

    private int alertsFor(String caseId) {
        return (int) stack.inbox().received().stream()
                .filter(r -> caseId.equals(r.caseId()))
                .count();
    }

    private int casesForReport(String reportId) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        stack.jdbcUrl(Service.ROUTING), LocalPostgres.USER, LocalPostgres.PASSWORD);
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
