package vn.childsafe.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import vn.childsafe.local.stack.LocalStack.Service;

/**
 * What the whole pipeline does when PostgreSQL fails under load: killed with SIGKILL, or refusing connections for
 * a minute. Reports keep arriving at about 20 per second throughout; intake may refuse some while its database is
 * gone (they are counted, not resent), but every report it accepted with a 202 must end up stored, routed to
 * exactly one case and alerted to that case's lead unit, with nothing dead-lettered and no service restarted.
 * One stack, started as {@code deploy/local/run.sh} starts it (on free ports), serves every test in turn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresFaultIT {

    private static final int RATE = 20;

    private LocalStack stack;
    private PipelineAudit audit;

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("childsafe-fault-it-");
        System.out.println("[fault-it] data and service logs in " + data);
        StackSettings settings = StackSettings.onFreePorts(data, "256m");
        stack = LocalStack.start(settings);
        audit = new PipelineAudit(stack, "fault-it");
        for (Service service : Service.values()) {
            audit.expectAlive(service, 0);
        }
    }

    @AfterAll
    void stop() {
        if (audit != null) {
            audit.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theStacksPostgresAcknowledgesOnlyCommitsThatReachedTheDisk() throws SQLException {
        try (Connection c = audit.connect(Service.INTAKE)) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    @Order(2)
    void withoutAFaultEveryReportArrivesAndTheCheckMissesOnlyAReportThatNeverExisted() throws Exception {
        PipelineAudit.Sent sent = load("baseline", Duration.ofSeconds(1)).finish();
        assertThat(sent.accepted()).as("not accepted: %s", sent.notAccepted()).hasSize(sent.total());
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> audit.check(sent.accepted()).complete());

        String invented = UUID.randomUUID().toString();
        Set<String> reports = new HashSet<>(sent.accepted());
        reports.add(invented);
        PipelineAudit.Outcome outcome = audit.check(reports);
        assertThat(outcome.notStored()).containsExactly(invented);
        assertThat(outcome.notRouted()).containsExactly(invented);
        assertThat(outcome.notAlerted()).isEmpty();
        assertThat(outcome.complete()).isFalse();
    }

    @Test
    @Order(3)
    void noAcceptedReportIsLostWhenPostgresIsKilledMidLoadAndRestarted() throws Exception {
        PipelineAudit.LoadSender load = load("kill", Duration.ofSeconds(30));
        load.awaitElapsed(Duration.ofSeconds(10));
        stack.killPostgres();
        System.out.println("[fault-it] PostgreSQL killed (SIGKILL) at " + Instant.now());
        Thread.sleep(5_000);
        stack.startPostgres();
        System.out.println("[fault-it] PostgreSQL restarted at " + Instant.now());

        audit.assertNothingLost(load.finish());
    }

    @Test
    @Order(4)
    void noAcceptedReportIsLostWhenPostgresRefusesConnectionsForAMinute() throws Exception {
        PipelineAudit.LoadSender load = load("refuse", Duration.ofSeconds(75));
        load.awaitElapsed(Duration.ofSeconds(10));
        stack.stopPostgres();
        System.out.println("[fault-it] PostgreSQL stopped at " + Instant.now());
        // Intake tells load balancers and senders: not ready, and 503 with Retry-After instead of 500.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> audit.readyStatus(Service.INTAKE, 0) == 503);
        Thread.sleep(50_000);
        stack.startPostgres();
        System.out.println("[fault-it] PostgreSQL started again at " + Instant.now());

        PipelineAudit.Sent sent = load.finish();
        assertThat(sent.notAccepted())
                .as("answers while PostgreSQL refused connections")
                .doesNotContainKey("HTTP 500")
                .doesNotContainKey("HTTP 503 without Retry-After")
                .containsKey("HTTP 503");
        audit.assertNothingLost(sent);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> audit.readyStatus(Service.INTAKE, 0) == 200);
    }

    private PipelineAudit.LoadSender load(String name, Duration duration) {
        return audit.load(name, duration, RATE, i -> stack.url(Service.INTAKE));
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
