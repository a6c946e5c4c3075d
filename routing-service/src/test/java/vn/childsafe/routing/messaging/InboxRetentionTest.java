package vn.childsafe.routing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.inbox.Inbox;
import vn.childsafe.testsupport.ChildSafeTestResources;

/** Inbox rows past the retention are deleted; younger ones, which still guard against redelivery, are kept. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class InboxRetentionTest {

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    @Test
    void rowsOlderThanTheRetentionArePurgedAndYoungerOnesKept() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        insert(old, Instant.now().minus(Duration.ofDays(31)));
        insert(recent, Instant.now().minus(Duration.ofDays(29)));

        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> inbox.purge(Instant.now().minus(Duration.ofDays(30))));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
    }

    private void insert(String eventId, Instant processedAt) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO inbox_event (consumer, event_id, event_type, processed_at) VALUES ('test', ?, 'x', ?)")) {
            s.setString(1, eventId);
            s.setTimestamp(2, Timestamp.from(processedAt));
            s.executeUpdate();
        }
    }

    private boolean exists(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM inbox_event WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
