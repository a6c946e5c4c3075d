package vn.childsafe.routing.agency;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.childsafe.routing.domain.AgencyType;

/**
 * A responsible unit in the register (đơn vị chịu trách nhiệm): its type and the jurisdiction it answers for.
 * How to reach it (webhooks, e-mail, SMS) is notify-service's business, not routing's.
 */
@Entity
@Table(name = "agency")
public class Agency {

    /** Stable code chosen by the province, e.g. {@code CA-01} (Công an Hà Nội). */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyType type;

    /** Today's province; {@code null} for a national unit. */
    @Column(name = "province_code")
    public String provinceCode;

    /** Today's commune; set only for commune-level types. */
    @Column(name = "commune_code")
    public String communeCode;

    /** The unit alerted when this one misses a deadline (next level up). */
    @Column(name = "escalation_parent_code")
    public String escalationParentCode;

    @Column(nullable = false)
    public boolean active;

    /** First day the unit answers for its jurisdiction (inclusive); {@code null}: since always. */
    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** First day it no longer does (exclusive); {@code null}: until further notice. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the unit is active and valid on this day (validFrom inclusive, validTo exclusive). */
    public boolean activeOn(LocalDate day) {
        return active && (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || validTo.isAfter(day));
    }
}
