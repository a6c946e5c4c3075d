package vn.childsafe.notify.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Body of {@code PUT /api/v1/contact-points/{agencyCode}}: the whole contact point (create or replace). Unknown
 * fields are collected and rejected, so that a misspelt field never silently leaves an agency unreachable.
 */
@Schema(name = "ContactPointRequest", description = "How to reach an agency. Replaces the whole contact point.")
public class ContactPointRequest {

    @Schema(description = "Absolute https URL that receives Standard Webhooks-signed POSTs; omit or null for "
            + "none. Private, link-local and loopback addresses are refused (http only to loopback in dev/test).", examples = "https://cand.hanoi.gov.vn/childsafe/hooks", maxLength = 2000)
    public String webhookUrl;

    @Schema(description = "Signing secrets whsec_<base64 of 24-64 bytes>; required with a webhookUrl. Every "
            + "secret signs each request, so a new secret can be added before the old one is removed.",
            maxItems = 5)
    public List<String> secrets;

    @Schema(description = "E-mail addresses; each receives every alert as a Vietnamese e-mail (a delivery of its own).",
            maxItems = 20)
    public List<String> emails;

    @Schema(description = "Phone numbers for SMS, 8-15 digits, optional leading +; each receives every alert by "
            + "SMS through the configured gateway (a delivery of its own).", maxItems = 20)
    public List<String> smsNumbers;

    @JsonIgnore
    private final List<String> unknownFields = new ArrayList<>();

    @JsonAnySetter
    void unknownField(String name, Object ignored) {
        unknownFields.add(name);
    }

    /** Names of the fields in the body that this API does not know. */
    @JsonIgnore
    @Schema(hidden = true)
    public List<String> unknownFields() {
        return List.copyOf(unknownFields);
    }
}
