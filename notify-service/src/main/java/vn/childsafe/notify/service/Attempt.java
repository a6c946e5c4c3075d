package vn.childsafe.notify.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One claimed attempt to deliver an alert by webhook, detached from the database so that it is sent outside any
 * transaction.
 *
 * @param number the delivery's attempt count including this one (the fence for recording its result)
 */
public record Attempt(UUID deliveryId, int number, String webhookId, String url, List<String> secrets,
        String payload, String agencyCode, UUID caseId, Instant createdAt) {
}
