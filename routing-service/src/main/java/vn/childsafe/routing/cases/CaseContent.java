package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A piece of content a case's report pointed at, canonicalised for duplicate detection. */
@Entity
@Table(name = "case_content")
public class CaseContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    public String url;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    public String sha256;

    public String md5;

    /** The platform as sent (lower case), else the URL's host. */
    public String platform;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
