package vn.childsafe.notify.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** How to reach one agency (đầu mối liên lạc); {@code HOTLINE_111} is the 111 liaison's. */
@Entity
@Table(name = "contact_point")
public class ContactPoint {

    @Id
    @Column(name = "agency_code")
    public String agencyCode;

    /** Where signed webhooks go; {@code null} when the agency has no endpoint. */
    @Column(name = "webhook_url")
    public String webhookUrl;

    /**
     * The Standard Webhooks secrets ({@code whsec_...}), encrypted as one value; every one signs each request while a
     * secret is rotated. Read and written only through {@code SigningSecrets}; {@code null} when there are none.
     */
    @Column(name = "secrets_enc")
    public String secretsEnc;

    /** {@code sha256:<16 hex digits>} per secret, in order, for admins to compare without seeing them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "secret_fingerprints", nullable = false)
    public List<String> secretFingerprints = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "emails", nullable = false)
    public List<String> emails = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sms_numbers", nullable = false)
    public List<String> smsNumbers = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether any channel (webhook, e-mail, SMS) reaches this agency. */
    public boolean hasAnyChannel() {
        return hasWebhook() || !emails.isEmpty() || !smsNumbers.isEmpty();
    }

    /** Whether webhooks can be sent to this agency. */
    public boolean hasWebhook() {
        return webhookUrl != null && secretsEnc != null;
    }
}
