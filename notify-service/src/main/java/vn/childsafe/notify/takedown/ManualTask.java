package vn.childsafe.notify.takedown;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A content URL that no registered platform hosts: the information unit handles it by hand. */
@Entity
@Table(name = "manual_task")
public class ManualTask {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String url;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
