package vn.childsafe.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.stack.LocalStack.Service;
import vn.childsafe.testsupport.KafkaTestClient;

/**
 * The pipeline through Kafka secured as production secures it (docs/runbook.md, "Secured Kafka"): the broker
 * takes only SASL_SSL clients (SCRAM-SHA-512, a certificate made for this run), its authorizer refuses what no ACL
 * allows, and the ACLs are those of deploy/k8s/base/kafka-users.yaml. Each packaged service runs in the production
 * profile as its own Kafka user, configured only through the {@code KAFKA_*} environment variables its Kubernetes
 * Deployment sets. Reports travel the whole way, and clients without valid credentials, or a service on a topic it
 * does not own, are refused. One stack serves every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredKafkaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a refused client keeps trying: ample for a handshake on loopback, short for CI. */
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(4);

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStack stack;
    private KafkaTestClient admin;

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("childsafe-secured-kafka-it-");
        System.out.println("[secured-kafka-it] data and service logs in " + data);
        StackSettings settings = StackSettings.onFreePorts(data, "256m");
        stack = LocalStack.startWithSecuredKafka(settings);
        admin = new KafkaTestClient(stack.kafkaAdminSettings());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void reportsTravelEveryTopicOfBothLanesThroughTheSecuredListener() throws Exception {
        String normal =
                submit("GROOMING", "01", "NORMAL", "https://www.tiktok.com/@example/video/" + UUID.randomUUID());
        String urgent = submit("CSAM", "44", "IMMEDIATE_DANGER", null);

        // intake's relay -> routing's consumer and relay -> notify's consumer: the alerts reach the units.
        DemoInbox.Received normalAlert = awaitAlert(normal, "CA-01");
        DemoInbox.Received urgentAlert = awaitAlert(urgent, "CA-44");
        assertThat(List.of(normalAlert, urgentAlert))
                .allSatisfy(a -> assertThat(a.signatureValid()).isTrue());
        assertThat(admin.awaitRecord("cases.events.v1.urgent", urgentAlert.caseId(), Duration.ofSeconds(10)))
                .as("the urgent report's case travelled the urgent lane")
                .isNotNull();

        // routing's case events -> intake's consumer: intake's status projection knows each case.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(intakeCaseOf(normal)).isEqualTo(normalAlert.caseId());
                    assertThat(intakeCaseOf(urgent)).isEqualTo(urgentAlert.caseId());
                });

        // notify's relay (the takedown of the reported link) -> routing's consumer: on the case's timeline.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> notifyEntriesOnTimeline(normalAlert.caseId()), entries -> !entries.isEmpty());
    }

    @Test
    @Order(2)
    void theServicesGetExactlyTheKafkaVariablesOfTheirDeployments() throws Exception {
        for (Service service : Service.values()) {
            Path deployment = StackSettings.findRepoRoot().resolve("deploy/k8s/base/" + service.module + ".yaml");
            Set<String> manifest = new HashSet<>();
            try (MappingIterator<JsonNode> documents =
                    new YAMLMapper().readerFor(JsonNode.class).readValues(deployment.toFile())) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document != null
                            && "Deployment".equals(document.path("kind").asText())) {
                        for (JsonNode variable : document.at("/spec/template/spec/containers/0/env")) {
                            manifest.add(variable.path("name").asText());
                        }
                    }
                }
            }
            assertThat(stack.kafkaEnvironment(service).keySet())
                    .as(service.module)
                    .containsExactlyInAnyOrderElementsOf(manifest.stream()
                            .filter(name -> name.startsWith("KAFKA_"))
                            .toList());
        }
    }

    @Test
    @Order(3)
    void eachServicesKafkaReadinessCheckLogsInToo() throws Exception {
        for (Service service : Service.values()) {
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + "/q/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            // Intake's readiness leaves Kafka out (its outbox takes reports meanwhile); its relay check says whether
            // it publishes, which it can only do once logged in.
            String name = service == Service.INTAKE ? "outbox-relay" : "Kafka connection health check";
            assertThat(JSON.readTree(ready.body()).get("checks"))
                    .as(service.module)
                    .anySatisfy(check -> {
                        assertThat(check.get("name").asText()).isEqualTo(name);
                        assertThat(check.get("status").asText()).isEqualTo("UP");
                        if (service == Service.INTAKE) {
                            assertThat(check.path("data").path("relay").asText())
                                    .isEqualTo("publishing");
                        }
                    });
        }
    }

    @Test
    @Order(4)
    void aRecordRoutingCannotReadLeavesThroughRoutingsOwnDeadLetterProducer() {
        String key = "no-headers-" + UUID.randomUUID();
        admin.send(new ProducerRecord<>("reports.received.v1", key, "{}"));

        ConsumerRecord<String, String> dead = admin.awaitRecord("routing-service.dlq", key, Duration.ofSeconds(60));
        assertThat(header(dead, "dead-letter-topic")).isEqualTo("reports.received.v1");
        assertThat(header(dead, "dead-letter-reason")).startsWith("missing CloudEvents header");
    }

    @Test
    @Order(5)
    void theBrokerEnforcesExactlyTheAclsOfTheManifests() throws Exception {
        Set<AclBinding> expected = new HashSet<>();
        KafkaUsers.read(StackSettings.findRepoRoot().resolve(KafkaUsers.MANIFEST))
                .values()
                .forEach(expected::addAll);
        try (Admin client = Admin.create(stack.kafkaAdminSettings())) {
            assertThat(client.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(expected)
                .filteredOn(acl -> acl.pattern().name().equals("cases.events.v1")
                        && acl.entry().operation() == AclOperation.WRITE)
                .extracting(acl -> acl.entry().principal())
                .as("the only writer of case events")
                .containsExactly("User:routing-service");
    }

    @Test
    @Order(6)
    void aClientWithoutTlsOrCredentialsGetsNothingInOrOut() {
        Map<String, Object> plaintext =
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        assertThat(admin.readUntil("reports.received.v1", r -> true, Duration.ofSeconds(10)))
                .as("there is something to read")
                .isNotEmpty();

        // The TLS listener drops a plain-text connection at once; the client retries until it gives up.
        assertThat(sendFailure(plaintext, "reports.received.v1"))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("not present in metadata");
        assertThat(metadataFailure(plaintext, "reports.received.v1")).isInstanceOf(TimeoutException.class);
        assertThat(readFailure(plaintext, "reports.received.v1", null)).isInstanceOf(NothingRead.class);
    }

    @Test
    @Order(7)
    void aClientWithoutAValidUserIsRefusedAtLogin() {
        Map<String, Object> intake = stack.kafkaClientSettings(Service.INTAKE);
        Map<String, Object> unknownUser = login(intake, "mallory", "guessed");
        Map<String, Object> wrongPassword = login(intake, "intake-service", "guessed");

        for (Map<String, Object> client : List.of(unknownUser, wrongPassword)) {
            assertThat(sendFailure(client, "reports.received.v1"))
                    .isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("invalid credentials");
            assertThat(readFailure(client, "reports.received.v1", null))
                    .isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(8)
    void aClientThatDoesNotTrustTheBrokersCertificateOrDoesNotLogInIsRefused() {
        Map<String, Object> noTrustStore = new HashMap<>(stack.kafkaClientSettings(Service.INTAKE));
        noTrustStore.remove(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG);
        noTrustStore.remove(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);

        assertThat(sendFailure(noTrustStore, "reports.received.v1")).isInstanceOf(SslAuthenticationException.class);

        // TLS alone is not enough: the listener takes no request before a SASL login and drops the connection.
        Map<String, Object> tlsWithoutLogin = new HashMap<>(stack.kafkaClientSettings(Service.INTAKE));
        tlsWithoutLogin.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        tlsWithoutLogin.remove(SaslConfigs.SASL_MECHANISM);
        tlsWithoutLogin.remove(SaslConfigs.SASL_JAAS_CONFIG);
        assertThat(sendFailure(tlsWithoutLogin, "reports.received.v1"))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("not present in metadata");
    }

    @Test
    @Order(9)
    void aServiceMayWriteOnlyItsOwnTopicsAndReadOnlyWhatItConsumes() {
        Map<String, Object> intake = stack.kafkaClientSettings(Service.INTAKE);
        Map<String, Object> notify = stack.kafkaClientSettings(Service.NOTIFY);

        assertThat(sendFailure(intake, "intake-service.dlq"))
                .as("its own topic")
                .isNull();
        // Only routing writes the case events from which intake grants access to reporters' identities.
        for (Map<String, Object> service : List.of(intake, notify)) {
            assertThat(sendFailure(service, "cases.events.v1")).isInstanceOf(TopicAuthorizationException.class);
            assertThat(sendFailure(service, "cases.events.v1.urgent")).isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(sendFailure(notify, "reports.received.v1")).isInstanceOf(TopicAuthorizationException.class);

        assertThat(readFailure(intake, "reports.received.v1", null))
                .as("a topic it does not consume")
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(readFailure(intake, "cases.events.v1", "routing-service"))
                .as("another service's group")
                .isInstanceOf(GroupAuthorizationException.class);
    }

    /** {@code settings} with another SCRAM login. */
    private static Map<String, Object> login(Map<String, Object> settings, String user, String password) {
        Map<String, Object> changed = new HashMap<>(settings);
        changed.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule " + "required username=\"" + user
                        + "\" password=\"" + password + "\";");
        return changed;
    }

    /** Why one record could not be written, or {@code null} if the broker acknowledged it. */
    private static Throwable sendFailure(Map<String, Object> settings, String topic) {
        Map<String, Object> props = new HashMap<>(settings);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        KafkaProducer<String, String> producer = new KafkaProducer<>(props);
        try {
            producer.send(new ProducerRecord<>(topic, "refused-" + UUID.randomUUID(), "{}"))
                    .get(REFUSAL_WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (KafkaException e) {
            return e;
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The producer neither failed nor succeeded", e);
        } finally {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Why the topic's partitions could not be listed. */
    private static Throwable metadataFailure(Map<String, Object> settings, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(settings, null)) {
            consumer.partitionsFor(topic, REFUSAL_WAIT);
            return null;
        } catch (KafkaException e) {
            return e;
        }
    }

    /**
     * Why {@code topic} could not be read from the beginning: in group {@code group} if given, else by assigning
     * its first partition. {@link NothingRead} if polling for {@link #REFUSAL_WAIT} just returned nothing.
     */
    private static Throwable readFailure(Map<String, Object> settings, String topic, String group) {
        try (KafkaConsumer<String, String> consumer = consumer(settings, group)) {
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
                consumer.seekToBeginning(consumer.assignment());
            }
            long deadline = System.nanoTime() + REFUSAL_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
                    return null;
                }
            }
            return new NothingRead();
        } catch (KafkaException e) {
            return e;
        }
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> settings, String group) {
        Map<String, Object> props = new HashMap<>(settings);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** A consumer that raised no error but read no record either. */
    private static final class NothingRead extends Exception {
        NothingRead() {
            super("polled for " + REFUSAL_WAIT + " without a record or an error", null, false, false);
        }
    }

    private String submit(String category, String provinceCode, String urgency, String contentUrl) throws Exception {
        String content = contentUrl == null
                ? ""
                : ", \"content\": [{\"url\": \"" + contentUrl + "\", \"platform\": \"tiktok\"}]";
        String body = """
                {"source": {"channel": "HOTLINE_111", "reference": "%s"},
                 "category": "%s", "urgency": "%s",
                 "description": "Tổng đài 111 tiếp nhận: trẻ bị đe doạ trên mạng.",
                 "location": {"provinceCode": "%s"},
                 "reporter": {"name": "Phạm Thị Thu", "phone": "0911222333", "relationship": "PARENT"}%s}""".formatted(UUID.randomUUID(), category, urgency, provinceCode, content);
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

    private DemoInbox.Received awaitAlert(String reportId, String agencyCode) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> stack.inbox().received().stream()
                                .filter(r -> r.reportIds().contains(reportId) && agencyCode.equals(r.agencyCode()))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
    }

    private String intakeCaseOf(String reportId) throws Exception {
        try (Connection c = connect(Service.INTAKE);
                PreparedStatement s = c.prepareStatement("SELECT case_id::text FROM report WHERE id = ?")) {
            s.setObject(1, UUID.fromString(reportId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private List<String> notifyEntriesOnTimeline(String caseId) throws Exception {
        try (Connection c = connect(Service.ROUTING);
                PreparedStatement s = c.prepareStatement(
                        "SELECT kind FROM case_timeline WHERE case_id = ? AND actor = 'notify-service'")) {
            s.setObject(1, UUID.fromString(caseId));
            try (ResultSet rs = s.executeQuery()) {
                List<String> kinds = new ArrayList<>();
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
                return kinds;
            }
        }
    }

    private Connection connect(Service service) throws Exception {
        return DriverManager.getConnection(stack.jdbcUrl(service), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
