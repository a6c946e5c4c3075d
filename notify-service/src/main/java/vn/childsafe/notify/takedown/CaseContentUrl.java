package vn.childsafe.notify.takedown;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * One content URL of a case that a case event asked notify to take down: a {@link TakedownRequest} when a registered
 * platform hosts it, a {@link ManualTask} when none does.
 */
@MappedSuperclass
public abstract class CaseContentUrl {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** ce_id of the case event that asked for it. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String url;
}
