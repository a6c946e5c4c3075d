package vn.childsafe.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.testsupport.ChildSafeTestResources;

/**
 * With several instances of a service, one relay publishes at a time (docs/architecture.md, "Several instances"):
 * while another instance holds the relay's advisory lock, this one publishes nothing, and it takes over as soon as
 * the lock is free.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayLeadershipTest {

    /** OutboxRelay.RELAY_LOCK. */
    private static final long RELAY_LOCK = 0x4368_5361_6665_4f42L;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRelayWaitsWhileAnotherInstancesRelayHoldsTheLockThenTakesOver() throws Exception {
        String reportId;
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (Statement s = otherInstance.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + RELAY_LOCK + ")");
            }
            reportId = ReportApi.acceptedFromHotline(ReportResourceTest.FULL_REPORT);
            // Several poll intervals: a relay that ignored the lock would have published by now.
            Thread.sleep(1_500);
            assertThat(unpublished(reportId)).isEqualTo(1);
            otherInstance.rollback();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(unpublished(reportId)).isZero());
    }

    private long unpublished(String reportId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND published_at IS NULL")) {
            s.setString(1, reportId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
