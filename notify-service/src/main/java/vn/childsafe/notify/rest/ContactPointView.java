package vn.childsafe.notify.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.notify.contact.ContactPoint;

/** A contact point as the API shows it: secrets are never returned, only their number and fingerprints. */
@Schema(name = "ContactPoint")
public record ContactPointView(
        @Schema(examples = "CA-01") String agencyCode,
        String webhookUrl,

        @Schema(description = "How many signing secrets are configured.")
        int secretCount,

        @Schema(
                description = "sha256:<first 16 hex digits of SHA-256(secret)> per secret, in order, to compare "
                        + "with the unit's copy without revealing it.")
        List<String> secretFingerprints,

        List<String> emails,
        List<String> smsNumbers,
        Instant createdAt,
        Instant updatedAt) {

    static ContactPointView of(ContactPoint c) {
        return new ContactPointView(
                c.agencyCode,
                c.webhookUrl,
                c.secretFingerprints.size(),
                List.copyOf(c.secretFingerprints),
                List.copyOf(c.emails),
                List.copyOf(c.smsNumbers),
                c.createdAt,
                c.updatedAt);
    }
}
