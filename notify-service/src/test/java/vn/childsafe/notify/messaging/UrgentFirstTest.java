package vn.childsafe.notify.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.messaging.EventConsumers;
import vn.childsafe.notify.delivery.Delivery;
import vn.childsafe.notify.delivery.DeliveryRepository;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.domain.TargetRole;
import vn.childsafe.notify.service.AlertDeliveries;
import vn.childsafe.notify.service.CaseAlertService;
import vn.childsafe.notify.support.CaseEvents;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.KafkaTestClient;

/** Urgent cases overtake a backlog on a real broker and PostgreSQL: in the consumer and in the dispatcher's claims. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class UrgentFirstTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ObjectMapper mapper;

    @Inject
    EventConsumers consumers;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void urgentCaseEventsBecomeDeliveriesBeforeABacklogOfNormalOnes() throws Exception {
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        List<UUID> normal = new ArrayList<>();
        List<UUID> urgent = new ArrayList<>();
        consumers.pause(CaseAlertService.CONSUMER);
        try {
            for (int i = 0; i < 200; i++) {
                normal.add(UUID.randomUUID());
                kafka.send(inLane(routed(normal.get(i), Urgency.NORMAL)));
            }
            for (int i = 0; i < 3; i++) {
                urgent.add(UUID.randomUUID());
                kafka.send(inLane(routed(urgent.get(i), i == 1 ? Urgency.HIGH : Urgency.IMMEDIATE_DANGER)));
            }
        } finally {
            consumers.resume(CaseAlertService.CONSUMER);
        }

        await().atMost(WAIT).until(() -> createdBetween(normal) != null && createdBetween(urgent) != null);
        assertThat(createdBetween(urgent)[1]).isBefore(createdBetween(normal)[0]);
        assertThat(priorities(urgent)).containsOnly(Lane.URGENT.priority());
        assertThat(priorities(normal)).containsOnly(Lane.NORMAL.priority());
    }

    @Test
    void theDispatcherClaimsUrgentThenFirstAttemptsAndLeavesRetriesAtMostTheirShare() {
        // Written and claimed in one transaction that is then rolled back: the running dispatcher never sees these
        // rows, and due in 1970 they are the only ones the claims below can find.
        Instant due = Instant.EPOCH;
        QuarkusTransaction.begin();
        try {
            UUID caseId = UUID.randomUUID();
            UUID normalFresh = pending(caseId, Lane.NORMAL, 0, due);
            pending(caseId, Lane.NORMAL, 2, due.minusSeconds(60));
            UUID urgentRetry = pending(caseId, Lane.URGENT, 1, due.plusSeconds(1));
            UUID urgentFresh = pending(caseId, Lane.URGENT, 0, due.plusSeconds(2));
            deliveries.flush();

            // One retry at most: the urgent one; the normal retry waits although it is the oldest due.
            assertThat(deliveries.lockDue(due.plusSeconds(3), 4, 1))
                    .extracting(d -> d.id)
                    .containsExactly(urgentFresh, urgentRetry, normalFresh);
            assertThat(deliveries.lockDue(due.plusSeconds(3), 4, 0))
                    .extracting(d -> d.id)
                    .containsExactly(urgentFresh, normalFresh);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private UUID pending(UUID caseId, Lane lane, int attempts, Instant nextAttemptAt) {
        Delivery delivery = AlertDeliveries.newDelivery(
                lane, "test:" + UUID.randomUUID(), caseId, "CA-TEST", TargetRole.LEAD, "{}", Instant.now());
        delivery.channel = DeliveryChannel.WEBHOOK;
        delivery.state = DeliveryState.PENDING;
        delivery.attempts = attempts;
        delivery.nextAttemptAt = nextAttemptAt;
        deliveries.persist(delivery);
        return delivery.id;
    }

    private CaseRouted routed(UUID caseId, Urgency urgency) {
        CaseRouted high = CaseEvents.routed(caseId, "CA-PRIORITY", List.of(), false);
        return new CaseRouted(
                high.caseId(),
                high.status(),
                high.reportIds(),
                high.occurredAt(),
                high.category(),
                urgency,
                high.provinceCode(),
                high.communeCode(),
                high.ruleSetVersion(),
                high.ruleId(),
                high.assignments(),
                high.liaisonRequired(),
                high.takedownRequired(),
                high.takedownUrls(),
                List.of());
    }

    private ProducerRecord<String, String> inLane(CaseRouted event) {
        ProducerRecord<String, String> record = CaseEvents.routedRecord(mapper, event);
        return new ProducerRecord<>(
                Lane.of(event.urgency()).topic(EventTypes.CASES_TOPIC),
                null,
                record.key(),
                record.value(),
                record.headers());
    }

    /** When the first and the last delivery of these cases was created; {@code null} until each case has one. */
    private Instant[] createdBetween(List<UUID> caseIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT min(created_at), max(created_at), count(DISTINCT case_id) FROM delivery "
                                + "WHERE case_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", caseIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(3) < caseIds.size()) {
                    return null;
                }
                return new Instant[] {instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))};
            }
        }
    }

    private List<Short> priorities(List<UUID> caseIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT DISTINCT priority FROM delivery WHERE case_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", caseIds.toArray()));
            List<Short> priorities = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    priorities.add(rs.getShort(1));
                }
            }
            return priorities;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
