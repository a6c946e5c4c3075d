package vn.childsafe.notify.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.childsafe.commons.events.Lane;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.domain.TargetRole;

/** One alert to one agency over one channel, with its retry state (một lần gửi thông báo). */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;

    /** The {@code ce_id} of the case event that caused this alert. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryChannel channel;

    /** The e-mail address (EMAIL) or phone number (SMS) this delivery goes to; empty for WEBHOOK and NONE. */
    @Column(nullable = false)
    public String address = "";

    /** Standard Webhooks {@code webhook-id}: stable across retries so that the unit can de-duplicate. */
    @Column(name = "webhook_id", nullable = false)
    public String webhookId;

    /** The alert body, fixed at creation so that every attempt sends (and signs) the same bytes. */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState state;

    /** Attempts started so far (counted when claimed, so a crash mid-attempt still counts). */
    @Column(nullable = false)
    public int attempts;

    /** When a PENDING delivery is due; while an attempt is in flight, the end of the sender's lease. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The dispatcher sends lower values first: {@link Lane#priority()}. */
    @Column(nullable = false)
    public short priority = Lane.NORMAL.priority();

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /**
     * The W3C {@code traceparent} of the case event's processing that created this delivery; each attempt's webhook
     * continues that trace. {@code null} when tracing is off.
     */
    public String traceparent;

    /** The {@code webhook-id} of a delivery: {@code msg_} and its id without dashes. */
    public static String webhookIdFor(UUID deliveryId) {
        return "msg_" + deliveryId.toString().replace("-", "");
    }
}
