package vn.childsafe.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.stack.LocalStack.Service;
import vn.childsafe.testsupport.KafkaTestClient;

/**
 * Load and the audit of what became of it, for the whole-stack fault tests: sends reports to intake at a fixed
 * rate, then checks in every database, the demo unit inbox and the dead-letter topics that each report intake
 * accepted was stored, routed to exactly one case, alerted to its lead unit and known to intake's projection, with
 * nothing dead-lettered and every expected service instance alive and ready.
 */
final class PipelineAudit implements AutoCloseable {

    /** Every consuming service's dead-letter topic (created up front by the local stack). */
    private static final List<String> DEAD_LETTER_TOPICS =
            List.of("intake-service.dlq", "routing-service.dlq", "notify-service.dlq");
    /** How long everything may take to catch up after a fault; only a failing run waits this long. */
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    /** With records dead-lettered, this long without progress means nothing more will arrive. */
    private static final Duration STALLED = Duration.ofSeconds(45);

    private static final String[] URGENCIES = {"NORMAL", "NORMAL", "HIGH", "NORMAL", "IMMEDIATE_DANGER"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final LocalStack stack;
    private final String tag;
    private final Admin admin;
    private final Map<Instance, Long> expectedAlive = new LinkedHashMap<>();

    /** One service instance the audit expects to stay up. */
    record Instance(Service service, int index) {}

    PipelineAudit(LocalStack stack, String tag) {
        this.stack = stack;
        this.tag = tag;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }

    /** From now on, instance {@code index} of {@code service} must stay the process it is now, and ready. */
    void expectAlive(Service service, int index) {
        expectedAlive.put(
                new Instance(service, index), stack.process(service, index).pid());
    }

    /** Instance {@code index} of {@code service} is no longer expected to run (it is about to be killed). */
    void expectGone(Service service, int index) {
        expectedAlive.remove(new Instance(service, index));
    }

    /** Starts sending {@code rate} reports a second for {@code duration}, report i to {@code intakeUrl.apply(i)}. */
    LoadSender load(String name, Duration duration, int rate, IntFunction<String> intakeUrl) {
        return new LoadSender(name, duration, rate, intakeUrl);
    }

    @Override
    public void close() {
        admin.close();
    }

    /** Waits until the pipeline caught up with every accepted report (or cannot any more), then checks all of it. */
    void assertNothingLost(Sent sent) {
        System.out.printf(
                "[" + tag + "] %s: %d sent, %d accepted (202), not accepted: %s%n",
                sent.name(),
                sent.total(),
                sent.accepted().size(),
                sent.notAccepted());
        assertThat(sent.accepted()).as("reports accepted").isNotEmpty();

        Progress progress = new Progress(sent.accepted());
        try {
            await("the pipeline to catch up with every accepted report")
                    .atMost(CATCH_UP)
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(progress::settled);
        } catch (ConditionTimeoutException e) {
            System.out.println("[" + tag + "] " + e.getMessage());
        }
        Outcome outcome = progress.last;
        assertThat(outcome).as("no check of the outcome succeeded").isNotNull();
        System.out.println("[" + tag + "] " + sent.name() + ": " + outcome.summary());
        if (!outcome.deadLetters().isEmpty()) {
            System.out.println("[" + tag + "] dead-lettered records:\n"
                    + deadLetterDetails(outcome.deadLetters().keySet()));
        }

        // Soft, so that one failure lists every kind of loss at once.
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(outcome.notStored())
                    .as("accepted reports missing from intake's database")
                    .isEmpty();
            softly.assertThat(outcome.notRouted())
                    .as("accepted reports routed to no case")
                    .isEmpty();
            softly.assertThat(outcome.inSeveralCases())
                    .as("reports in more than one case")
                    .isEmpty();
            softly.assertThat(outcome.notAlerted())
                    .as("reports whose case's lead unit got no alert")
                    .isEmpty();
            softly.assertThat(outcome.staleInIntake())
                    .as("reports whose case intake does not know")
                    .isEmpty();
            softly.assertThat(outcome.deadLetters())
                    .as("records on dead-letter topics; see the log above and the " + "service logs in "
                            + stack.logDirectory())
                    .isEmpty();
            softly.assertThat(outcome.restartedOrNotReady())
                    .as("services restarted or not ready")
                    .isEmpty();
        });
    }

    /** The latest {@link Outcome}, and whether waiting longer could change it. */
    private final class Progress {
        private final Set<String> accepted;
        private Outcome last;
        private Instant lastChange = Instant.now();

        Progress(Set<String> accepted) {
            this.accepted = accepted;
        }

        boolean settled() throws Exception {
            Outcome now = check(accepted);
            if (last == null || !now.equals(last)) {
                lastChange = Instant.now();
                System.out.println("[" + tag + "] " + lastChange + " " + now.summary());
            }
            last = now;
            boolean stalled = Duration.between(lastChange, Instant.now()).compareTo(STALLED) > 0;
            return now.complete() || !now.deadLetters().isEmpty() && stalled;
        }
    }

    /**
     * What became of the accepted reports, each list naming report ids (or services, or topics).
     *
     * @param staleInIntake reports whose case id in intake's status projection is missing or not routing's
     */
    record Outcome(
            List<String> notStored,
            List<String> notRouted,
            List<String> inSeveralCases,
            List<String> notAlerted,
            List<String> staleInIntake,
            Map<String, Long> deadLetters,
            List<String> restartedOrNotReady) {

        boolean complete() {
            return notStored.isEmpty()
                    && notRouted.isEmpty()
                    && inSeveralCases.isEmpty()
                    && notAlerted.isEmpty()
                    && staleInIntake.isEmpty()
                    && deadLetters.isEmpty()
                    && restartedOrNotReady.isEmpty();
        }

        String summary() {
            return "not stored " + notStored.size() + ", not routed " + notRouted.size() + ", in several cases "
                    + inSeveralCases.size() + ", lead not alerted " + notAlerted.size() + ", stale in intake "
                    + staleInIntake.size() + ", dead letters " + deadLetters + ", restarted or not ready "
                    + restartedOrNotReady;
        }
    }

    Outcome check(Set<String> accepted) throws Exception {
        Map<String, String> intakeCase = new HashMap<>();
        try (Connection c = connect(Service.INTAKE);
                PreparedStatement s =
                        c.prepareStatement("SELECT id::text, case_id::text FROM report WHERE id = ANY(?)")) {
            s.setArray(1, uuids(c, accepted));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    intakeCase.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, Set<String>> routedTo = new HashMap<>();
        Map<String, String> leadOfCase = new HashMap<>();
        try (Connection c = connect(Service.ROUTING);
                PreparedStatement s = c.prepareStatement("""
                        SELECT cr.report_id::text, cr.case_id::text, a.agency_code
                        FROM case_report cr LEFT JOIN assignment a ON a.case_id = cr.case_id AND a.role = 'LEAD'
                        WHERE cr.report_id = ANY(?)""")) {
            s.setArray(1, uuids(c, accepted));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    routedTo.computeIfAbsent(rs.getString(1), r -> new HashSet<>())
                            .add(rs.getString(2));
                    if (rs.getString(3) != null) {
                        leadOfCase.put(rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
        Map<String, Set<String>> alertedAgencies = new HashMap<>();
        Map<String, Set<String>> casesNamingReport = new HashMap<>();
        for (DemoInbox.Received alert : stack.inbox().received()) {
            if (alert.signatureValid() && alert.caseId() != null) {
                alertedAgencies
                        .computeIfAbsent(alert.caseId(), c -> new HashSet<>())
                        .add(alert.agencyCode());
                alert.reportIds()
                        .forEach(r -> casesNamingReport
                                .computeIfAbsent(r, x -> new HashSet<>())
                                .add(alert.caseId()));
            }
        }

        List<String> notStored = new ArrayList<>();
        List<String> notRouted = new ArrayList<>();
        List<String> inSeveralCases = new ArrayList<>();
        List<String> notAlerted = new ArrayList<>();
        List<String> staleInIntake = new ArrayList<>();
        for (String report : accepted.stream().sorted().toList()) {
            if (!intakeCase.containsKey(report)) {
                notStored.add(report);
            }
            Set<String> cases = routedTo.getOrDefault(report, Set.of());
            if (cases.isEmpty()) {
                notRouted.add(report);
                continue;
            }
            Set<String> named = new HashSet<>(cases);
            named.addAll(casesNamingReport.getOrDefault(report, Set.of()));
            if (named.size() > 1) {
                inSeveralCases.add(report + " " + named);
                continue;
            }
            String caseId = cases.iterator().next();
            String lead = leadOfCase.get(caseId);
            if (lead == null || !alertedAgencies.getOrDefault(caseId, Set.of()).contains(lead)) {
                notAlerted.add(report + " (case " + caseId + ", lead " + lead + ")");
            }
            if (intakeCase.containsKey(report) && !caseId.equals(intakeCase.get(report))) {
                staleInIntake.add(report + " (intake says " + intakeCase.get(report) + ", routing " + caseId + ")");
            }
        }
        return new Outcome(
                notStored,
                notRouted,
                inSeveralCases,
                notAlerted,
                staleInIntake,
                deadLetterCounts(),
                restartedOrNotReady());
    }

    /** Records per non-empty dead-letter topic. */
    private Map<String, Long> deadLetterCounts() throws Exception {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(DEAD_LETTER_TOPICS)
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .forEach((topic, description) -> description.partitions().forEach(p -> {
                    earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                }));
        var starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> counts = new TreeMap<>();
        ends.forEach((partition, end) -> {
            long records = end.offset() - starts.get(partition).offset();
            if (records > 0) {
                counts.merge(partition.topic(), records, Long::sum);
            }
        });
        return counts;
    }

    /** One line per dead-lettered record (the first 50 per topic): where it came from, its key and the reason. */
    private String deadLetterDetails(Set<String> topics) {
        KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers());
        StringBuilder details = new StringBuilder();
        for (String topic : topics) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(topic, x -> false, Duration.ofSeconds(5));
            for (ConsumerRecord<String, String> r : records.subList(0, Math.min(records.size(), 50))) {
                details.append(String.format(
                        "  %s-%d@%d key %s%s from %s: %s%n",
                        topic,
                        r.partition(),
                        r.offset(),
                        r.key(),
                        reportsOfCase(r.key()),
                        header(r, "dead-letter-topic"),
                        header(r, "dead-letter-reason")));
            }
            if (records.size() > 50) {
                details.append(String.format("  ... and %d more on %s%n", records.size() - 50, topic));
            }
        }
        return details.toString();
    }

    /** " (reports ...)" if {@code key} is the id of a case, so that a dead-lettered case event names its reports. */
    private String reportsOfCase(String key) {
        try (Connection c = connect(Service.ROUTING);
                PreparedStatement s = c.prepareStatement(
                        "SELECT string_agg(report_id::text, ', ') FROM case_report WHERE case_id::text = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1) == null ? "" : " (case of reports " + rs.getString(1) + ")";
            }
        } catch (SQLException e) {
            return "";
        }
    }

    private List<String> restartedOrNotReady() {
        List<String> problems = new ArrayList<>();
        expectedAlive.forEach((instance, pid) -> {
            ProcessHandle process = stack.process(instance.service(), instance.index());
            if (process.pid() != pid || !process.isAlive()) {
                problems.add(instance + " is not the process started before the fault (pid " + pid + ")");
            } else if (readyStatus(instance.service(), instance.index()) != 200) {
                problems.add(instance + " not ready");
            }
        });
        return problems;
    }

    /** The readiness answer of instance {@code index} of a service: 200, 503, or -1 when it does not answer. */
    int readyStatus(Service service, int index) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(stack.managementUrl(service, index) + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(service), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    private static Array uuids(Connection c, Set<String> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * What a {@link LoadSender} sent.
     *
     * @param notAccepted answers other than 202 (or the failure) and how many of each
     */
    record Sent(String name, int total, Set<String> accepted, Map<String, Integer> notAccepted) {}

    /**
     * Sends reports to intake at {@code rate} per second in the background, each due at a fixed time whatever the
     * answers' speed, so a stalled intake still gets the full load. A report that is not accepted is counted, never
     * sent again.
     */
    final class LoadSender {
        private final String name;
        private final int total;
        private final long startNanos = System.nanoTime();
        private final Set<String> accepted = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicInteger> notAccepted = new ConcurrentHashMap<>();
        private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
        private final int rate;
        private final IntFunction<String> intakeUrl;
        private final Thread sender = new Thread(this::send, tag + "-sender");

        private LoadSender(String name, Duration duration, int rate, IntFunction<String> intakeUrl) {
            this.name = name;
            this.rate = rate;
            this.total = (int) (duration.toSeconds() * rate);
            this.intakeUrl = intakeUrl;
            sender.start();
        }

        void awaitElapsed(Duration elapsed) {
            long wait = startNanos + elapsed.toNanos() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }

        /** Waits until every report was sent and answered. */
        Sent finish() throws Exception {
            sender.join();
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .handle((v, e) -> null)
                    .get(2, TimeUnit.MINUTES);
            Map<String, Integer> counts = new LinkedHashMap<>();
            notAccepted.forEach((k, v) -> counts.put(k, v.get()));
            return new Sent(name, total, Set.copyOf(accepted), counts);
        }

        private void send() {
            String run = name + "-" + Long.toString(System.currentTimeMillis(), 36);
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < total; i++) {
                long wait = startNanos + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.add(http.sendAsync(request(run, i), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            if (failure != null) {
                                count(failure.getClass().getSimpleName());
                            } else if (response.statusCode() == 503
                                    && response.headers()
                                            .firstValue("Retry-After")
                                            .isEmpty()) {
                                count("HTTP 503 without Retry-After");
                            } else if (response.statusCode() != 202) {
                                count("HTTP " + response.statusCode());
                            } else {
                                accept(response.body());
                            }
                        }));
            }
        }

        private void accept(String body) {
            try {
                accepted.add(JSON.readTree(body).get("reportId").asText());
            } catch (IOException | RuntimeException e) {
                // Counted rather than thrown: an exception here would vanish inside the HTTP client's future.
                count("202 without a readable report id");
            }
        }

        private void count(String outcome) {
            notAccepted.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        }

        /** A report with content of its own, so that routing opens a case for it instead of linking it to another. */
        private HttpRequest request(String run, int i) {
            String body = LoadReports.body(i, run + "-" + i, URGENCIES[i % URGENCIES.length], "", run + "-" + i);
            return LoadReports.submit(intakeUrl.apply(i), stack.tokens().get("bulk"), Duration.ofSeconds(15), body);
        }
    }
}
