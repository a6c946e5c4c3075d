package vn.childsafe.notify.takedown;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A content URL that no registered platform hosts: the information unit handles it by hand. */
@Entity
@Table(name = "manual_task")
public class ManualTask extends CaseContentUrl {

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
