package vn.childsafe.commons.events;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code notify.events.v1}, types {@code vn.childsafe.notify.<kind>.v1}: delivery and takedown outcomes that
 * routing-service puts on the case timeline (schema: {@code docs/events/notify-event.v1.schema.json}). Only
 * {@code caseId}, {@code kind}, {@code occurredAt} and {@code summary} are always present; which other fields a
 * kind carries is what its factory takes ({@link #deliveryFailed}, {@link #takedownRequested} ...). The canonical
 * constructor stays for Jackson, which reads and writes every field (absent ones as {@code null}).
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

    /** The channel a takedown request goes out on: it is a signed webhook to the platform. */
    private static final String TAKEDOWN_CHANNEL = "WEBHOOK";

    /**
     * An alert to an agency could not be delivered.
     *
     * @param channel {@code WEBHOOK}, {@code EMAIL} or {@code SMS}; {@code null} when the agency has no channel
     */
    public static NotifyEvent deliveryFailed(
            UUID caseId, Instant occurredAt, String summary, String agencyCode, UUID deliveryId, String channel) {
        return new NotifyEvent(
                caseId,
                Kind.DELIVERY_FAILED,
                occurredAt,
                summary,
                agencyCode,
                deliveryId,
                channel,
                null,
                null,
                null,
                null,
                null);
    }

    /** A takedown request could not be delivered to its platform; the event names the platform, not an agency. */
    public static NotifyEvent takedownDeliveryFailed(
            UUID caseId, Instant occurredAt, String summary, String platformCode, UUID deliveryId) {
        return new NotifyEvent(
                caseId,
                Kind.DELIVERY_FAILED,
                occurredAt,
                summary,
                null,
                deliveryId,
                TAKEDOWN_CHANNEL,
                platformCode,
                null,
                null,
                null,
                null);
    }

    /** A takedown request for {@code url} was sent to a platform, due by {@code deadline}. */
    public static NotifyEvent takedownRequested(
            UUID caseId,
            Instant occurredAt,
            String summary,
            String platformCode,
            UUID takedownRequestId,
            String url,
            Instant deadline) {
        return new NotifyEvent(
                caseId,
                Kind.TAKEDOWN_REQUESTED,
                occurredAt,
                summary,
                null,
                null,
                null,
                platformCode,
                takedownRequestId,
                url,
                null,
                deadline);
    }

    /** The platform posted its result ({@code REMOVED}, {@code RESTRICTED}, {@code REJECTED} or {@code NOT_FOUND}). */
    public static NotifyEvent takedownResult(
            UUID caseId,
            Instant occurredAt,
            String summary,
            String platformCode,
            UUID takedownRequestId,
            String url,
            String result,
            Instant deadline) {
        return new NotifyEvent(
                caseId,
                Kind.TAKEDOWN_RESULT,
                occurredAt,
                summary,
                null,
                null,
                null,
                platformCode,
                takedownRequestId,
                url,
                result,
                deadline);
    }

    /** An overdue takedown request was sent to its platform again. */
    public static NotifyEvent takedownRenoticed(
            UUID caseId,
            Instant occurredAt,
            String summary,
            String platformCode,
            UUID takedownRequestId,
            String url,
            Instant deadline) {
        return new NotifyEvent(
                caseId,
                Kind.TAKEDOWN_RENOTICED,
                occurredAt,
                summary,
                null,
                null,
                null,
                platformCode,
                takedownRequestId,
                url,
                null,
                deadline);
    }

    /** An overdue takedown request was escalated to the case's information unit {@code agencyCode}. */
    public static NotifyEvent takedownEscalated(
            UUID caseId,
            Instant occurredAt,
            String summary,
            String agencyCode,
            String platformCode,
            UUID takedownRequestId,
            String url,
            Instant deadline) {
        return new NotifyEvent(
                caseId,
                Kind.TAKEDOWN_ESCALATED,
                occurredAt,
                summary,
                agencyCode,
                null,
                null,
                platformCode,
                takedownRequestId,
                url,
                null,
                deadline);
    }

    /** No registered platform hosts {@code url}: the information unit {@code agencyCode} handles it by hand. */
    public static NotifyEvent manualTaskCreated(
            UUID caseId, Instant occurredAt, String summary, String agencyCode, String url) {
        return new NotifyEvent(
                caseId,
                Kind.MANUAL_TASK_CREATED,
                occurredAt,
                summary,
                agencyCode,
                null,
                null,
                null,
                null,
                url,
                null,
                null);
    }

    /** This event with another summary, every other field unchanged. */
    public NotifyEvent withSummary(String newSummary) {
        return new NotifyEvent(
                caseId,
                kind,
                occurredAt,
                newSummary,
                agencyCode,
                deliveryId,
                channel,
                platformCode,
                takedownRequestId,
                url,
                result,
                deadline);
    }

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
            return "vn.childsafe.notify." + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
        }
    }
}
