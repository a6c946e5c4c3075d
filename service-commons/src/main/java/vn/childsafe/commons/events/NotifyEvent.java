package vn.childsafe.commons.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code notify.events.v1}, types {@code vn.childsafe.notify.<kind>.v1}: delivery and takedown outcomes that
 * routing-service puts on the case timeline (schema: {@code docs/events/notify-event.v1.schema.json}). Only
 * {@code caseId}, {@code kind}, {@code occurredAt} and {@code summary} are always present.
 */
public record NotifyEvent(
        UUID caseId,
        Kind kind,
        Instant occurredAt,
        String summary,
        String agencyCode,
        UUID deliveryId,
        String channel,
        String platformCode,
        UUID takedownRequestId,
        String url,
        String result,
        Instant deadline) {

    /** What happened. */
    public enum Kind {
        DELIVERY_FAILED,
        TAKEDOWN_REQUESTED,
        TAKEDOWN_RESULT,
        TAKEDOWN_RENOTICED,
        TAKEDOWN_ESCALATED,
        MANUAL_TASK_CREATED;

        /** The CloudEvents type, e.g. {@code vn.childsafe.notify.delivery-failed.v1}. */
        public String eventType() {
            return "vn.childsafe.notify." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".v1";
        }
    }
}
