package vn.childsafe.notify.takedown;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import vn.childsafe.notify.domain.TakedownResult;

/** A request to a platform to remove one content URL of a case (yêu cầu gỡ bỏ nội dung). */
@Entity
@Table(name = "takedown_request")
public class TakedownRequest extends CaseContentUrl {

    @Column(name = "platform_code", nullable = false)
    public String platformCode;

    /** The unit that handles the case's online content; overdue requests are escalated to it. */
    @Column(name = "information_agency", nullable = false)
    public String informationAgency;

    public String category;
    public String urgency;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "commune_code")
    public String communeCode;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(nullable = false)
    public Instant deadline;

    /** Notices sent so far: 1 for the request, +1 per re-notice. */
    @Column(nullable = false)
    public int notices;

    /** When the next re-notice is due while no result came; {@code null} once a result came. */
    @Column(name = "next_notice_at")
    public Instant nextNoticeAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Enumerated(EnumType.STRING)
    public TakedownResult result;

    @Column(name = "acted_at")
    public Instant actedAt;

    @Column(name = "result_note")
    public String resultNote;

    @Column(name = "result_received_at")
    public Instant resultReceivedAt;
}
