package vn.childsafe.routing.agency;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.routing.domain.AgencyType;

/** An agency as the API shows it. */
@Schema(name = "Agency")
public record AgencyView(
        String code,
        String name,
        AgencyType type,
        String provinceCode,
        String communeCode,
        String escalationParentCode,
        boolean active,
        LocalDate validFrom,
        LocalDate validTo,
        Instant createdAt,
        Instant updatedAt) {

    public static AgencyView of(Agency agency) {
        return new AgencyView(
                agency.code,
                agency.name,
                agency.type,
                agency.provinceCode,
                agency.communeCode,
                agency.escalationParentCode,
                agency.active,
                agency.validFrom,
                agency.validTo,
                agency.createdAt,
                agency.updatedAt);
    }
}
