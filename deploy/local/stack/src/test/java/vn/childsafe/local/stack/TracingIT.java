package vn.childsafe.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.stack.LocalStack.Service;
import vn.childsafe.testsupport.KafkaTestClient;

/**
 * One report, one trace (docs/architecture.md, "Tracing"): the stack runs with tracing on, OTLP/HTTP export to a
 * receiver inside this test and JSON logs, as production would. The report is posted with a {@code traceparent} of
 * the test's own, and its trace id must come back on the outbox row, on the Kafka records of both topics, on the
 * webhook the demo unit inbox receives and in spans exported by each of the three services. The services' JSON logs
 * must parse line by line, carry the trace id, and hold none of the report's identity values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORTER_NAME = "Đỗ Thị Mai Anh";
    private static final String REPORTER_PHONE = "0987650123";
    private static final String DESCRIPTION = "Người lạ nhắn tin ép cháu gửi ảnh riêng tư";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<byte[]> exported = new CopyOnWriteArrayList<>();
    private HttpServer otlp;
    private LocalStack stack;

    @BeforeAll
    void start() throws IOException {
        otlp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        otlp.createContext("/", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
                }
                exported.add(body);
                // An empty ExportTraceServiceResponse: everything accepted.
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        otlp.start();

        Path data = Files.createTempDirectory("childsafe-tracing-it-");
        StackSettings settings = StackSettings.onFreePorts(data, "256m");
        stack = LocalStack.start(
                settings,
                Map.of(
                        "OTEL_SDK_DISABLED", "false",
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                                "http://127.0.0.1:" + otlp.getAddress().getPort(),
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms",
                        "CHILDSAFE_LOG_JSON", "true"));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (otlp != null) {
            otlp.stop(0);
        }
    }

    @Test
    void oneReportIsOneTraceFromTheIntakeRequestToTheUnitsWebhook() throws Exception {
        SecureRandom random = new SecureRandom();
        String traceId = HexFormat.of().formatHex(random.generateSeed(16));
        String callerSpan = HexFormat.of().formatHex(random.generateSeed(8));
        String reportId = submit("00-" + traceId + "-" + callerSpan + "-01");

        String outboxRow = stored(Service.INTAKE, reportId);
        assertThat(traceIdOf(outboxRow)).as("intake's outbox row").isEqualTo(traceId);
        assertThat(spanIdOf(outboxRow))
                .as("intake's own span, below the caller's")
                .isNotEqualTo(callerSpan);

        KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers());
        ConsumerRecord<String, String> received =
                kafka.awaitRecord("reports.received.v1", reportId, Duration.ofSeconds(60));
        assertThat(traceIdOf(header(received, "traceparent")))
                .as("reports.received.v1")
                .isEqualTo(traceId);

        DemoInbox.Received alert = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> stack.inbox().received().stream()
                                .filter(r -> r.reportIds().contains(reportId))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
        ConsumerRecord<String, String> routed =
                kafka.awaitRecord("cases.events.v1", alert.caseId(), Duration.ofSeconds(30));
        assertThat(traceIdOf(header(routed, "traceparent")))
                .as("cases.events.v1")
                .isEqualTo(traceId);
        assertThat(alert.signatureValid()).isTrue();
        assertThat(traceIdOf(alert.traceparent()))
                .as("the webhook at the unit's inbox")
                .isEqualTo(traceId);

        // Each service exported spans of this trace (the trace id's 16 bytes inside an OTLP request of that service).
        byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
        for (Service service : Service.values()) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(exported)
                            .as("spans of %s", service.module)
                            .anySatisfy(body -> {
                                assertThat(indexOf(body, service.module.getBytes(StandardCharsets.UTF_8)))
                                        .isNotNegative();
                                assertThat(indexOf(body, traceIdBytes)).isNotNegative();
                            }));
        }

        // JSON logs: every line an object, the routing decision logged under the trace, no identity anywhere.
        for (Service service : Service.values()) {
            List<JsonNode> lines = jsonLines(stack.logDirectory().resolve(service.module + ".log"));
            assertThat(lines).as(service.module).isNotEmpty();
            for (String identity : List.of(REPORTER_NAME, REPORTER_PHONE, DESCRIPTION)) {
                assertThat(lines)
                        .as(service.module)
                        .allSatisfy(line -> assertThat(line.toString()).doesNotContain(identity));
            }
        }
        assertThat(jsonLines(stack.logDirectory().resolve(Service.ROUTING.module + ".log")))
                .anySatisfy(line -> {
                    assertThat(line.path("message").asText()).contains(reportId).contains("routed");
                    assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
                    assertThat(line.path("mdc").path("spanId").asText()).hasSize(16);
                });
    }

    private String submit(String traceparent) throws Exception {
        String body = """
                {"source": {"channel": "HOTLINE_111", "reference": "%s"},
                 "category": "GROOMING", "urgency": "NORMAL",
                 "description": "%s",
                 "location": {"provinceCode": "01"},
                 "reporter": {"name": "%s", "phone": "%s", "relationship": "PARENT"}}""".formatted(UUID.randomUUID(), DESCRIPTION, REPORTER_NAME, REPORTER_PHONE);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.url(Service.INTAKE) + "/api/v1/reports"))
                        .header("Authorization", "Bearer " + stack.tokens().get("reporter"))
                        .header("Content-Type", "application/json")
                        .header("traceparent", traceparent)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    /** The traceparent stored with the report's event in a service's outbox. */
    private String stored(Service service, String aggregateId) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        stack.jdbcUrl(service), LocalPostgres.USER, LocalPostgres.PASSWORD);
                PreparedStatement s =
                        c.prepareStatement("SELECT traceparent FROM outbox_event WHERE aggregate_id = ?")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("outbox row of %s", aggregateId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The trace id of a version-00 traceparent ({@code 00-<trace id>-<span id>-<flags>}). */
    private static String traceIdOf(String traceparent) {
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.substring(3, 35);
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.substring(36, 52);
    }

    private static List<JsonNode> jsonLines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(log.getFileName() + " holds a line that is not JSON: " + line, e);
            }
            assertThat(node.isObject()).as(line).isTrue();
            lines.add(node);
        }
        return lines;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
