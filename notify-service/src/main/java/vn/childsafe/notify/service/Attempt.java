package vn.childsafe.notify.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.childsafe.notify.domain.DeliveryChannel;

/**
 * One claimed attempt to deliver an alert, detached from the database so that it is sent outside any transaction.
 *
 * @param number  the delivery's attempt count including this one (the fence for recording its result)
 * @param channel WEBHOOK, EMAIL or SMS
 * @param url     the webhook URL (WEBHOOK only)
 * @param secrets the signing secrets (WEBHOOK only)
 * @param address the e-mail address (EMAIL) or phone number (SMS); empty for WEBHOOK
 * @param traceparent the trace the attempt continues (the delivery's), or {@code null}
 */
public record Attempt(
        UUID deliveryId,
        int number,
        DeliveryChannel channel,
        String webhookId,
        String url,
        List<String> secrets,
        String address,
        String payload,
        String agencyCode,
        UUID caseId,
        Instant createdAt,
        String traceparent) {}
