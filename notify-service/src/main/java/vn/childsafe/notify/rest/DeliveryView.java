package vn.childsafe.notify.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.notify.delivery.Delivery;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.domain.TargetRole;

/** One delivery as ops see it (no secrets, no URL). */
@Schema(name = "Delivery")
public record DeliveryView(
        UUID id,

        @Schema(description = "ce_id of the case event that caused the alert.")
        String eventId,

        UUID caseId,
        String agencyCode,
        TargetRole role,

        @Schema(
                description =
                        "WEBHOOK, EMAIL, SMS, TAKEDOWN (a takedown request to a platform), or NONE when the agency had no usable contact point.")
        DeliveryChannel channel,

        @Schema(
                description = "The unit's e-mail address (EMAIL) or SMS number (SMS); empty for WEBHOOK and NONE.",
                examples = "canhbao@congan.hanoi.gov.vn")
        String address,

        @Schema(description = "Standard Webhooks webhook-id, the same on every attempt.")
        String webhookId,

        DeliveryState state,
        int attempts,

        @Schema(description = "When a PENDING delivery is next attempted (or its current attempt's lease ends).")
        Instant nextAttemptAt,

        Instant lastAttemptAt,
        String lastError,
        Integer lastStatusCode,
        Instant createdAt,
        Instant deliveredAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(
                d.id,
                d.eventId,
                d.caseId,
                d.agencyCode,
                d.role,
                d.channel,
                d.address,
                d.webhookId,
                d.state,
                d.attempts,
                d.nextAttemptAt,
                d.lastAttemptAt,
                d.lastError,
                d.lastStatusCode,
                d.createdAt,
                d.deliveredAt);
    }
}
