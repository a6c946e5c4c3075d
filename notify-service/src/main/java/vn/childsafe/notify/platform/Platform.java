package vn.childsafe.notify.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An online platform that receives takedown requests (nền tảng số). */
@Entity
@Table(name = "platform")
public class Platform {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** Canonical domains: a content URL whose host is one of them, or a subdomain, belongs to this platform. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> domains = new ArrayList<>();

    /** Where signed takedown requests are POSTed. */
    @Column(name = "takedown_url", nullable = false)
    public String takedownUrl;

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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
