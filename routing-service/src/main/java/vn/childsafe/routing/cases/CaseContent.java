package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A piece of content a case's report pointed at, canonicalised for duplicate detection (docs/routing-rules.md, section 7). */
@Entity
@Table(name = "case_content")
public class CaseContent {

    /** From a sequence that hands out blocks of 50, so that a batch of reports inserts its rows in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_content_id")
    @SequenceGenerator(name = "case_content_id", sequenceName = "case_content_id_seq", allocationSize = 50)
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

    /** The URL rule that produced {@link #canonicalUrl}: a platform id, or {@code generic}. */
    @Column(name = "canonical_rule")
    public String canonicalRule;

    /** PDQ perceptual hash, 64 lower-case hex digits. */
    public String pdq;

    @Column(name = "pdq_quality")
    public Integer pdqQuality;

    /** {@link vn.childsafe.routing.domain.Pdq#bandKeys()} of {@link #pdq}, for the GIN index. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "pdq_bands")
    public int[] pdqBands;

    /** The platform as sent (lower case), else the URL's host. */
    public String platform;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
