package vn.childsafe.routing.agency;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.routing.domain.AgencyType;

/**
 * An agency as an administrator registers it ({@code POST /api/v1/agencies}, {@code PUT /api/v1/agencies/{code}}).
 * Rules that span fields (which types need a province or a commune) are checked by the service.
 */
@Schema(name = "AgencyRequest", description = "A responsible unit and the jurisdiction it answers for.")
public record AgencyRequest(
        @Schema(
                description = "Stable code; required for POST, optional for PUT (must equal the path's code).",
                examples = "CA-01")
        @Size(max = 50)
        @Pattern(
                regexp = AgencyRequest.CODE_PATTERN,
                message = "must be letters, digits, '.', '_' or '-' and start with a letter or digit")
        String code,

        @Schema(description = "Name of the unit", examples = "Công an thành phố Hà Nội", required = true)
        @NotBlank
        @Size(max = 300)
        String name,

        @Schema(required = true) @NotNull AgencyType type,

        @Schema(
                description = "Today's province (2 digits). Required for province and commune types, absent for "
                        + "national types.",
                examples = "01")
        @Pattern(regexp = "\\d{2}", message = "must be 2 digits")
        String provinceCode,

        @Schema(
                description = "Today's commune (5 digits). Required for POLICE_COMMUNE and COMMUNE_COMMITTEE, "
                        + "absent otherwise.",
                examples = "00004")
        @Pattern(regexp = "\\d{5}", message = "must be 5 digits")
        String communeCode,

        @Schema(description = "Code of the unit alerted when this one misses a deadline.", examples = "CA-QG")
        @Size(max = 50)
        String escalationParentCode,

        @Schema(description = "Whether the unit takes assignments; default true.", defaultValue = "true")
        Boolean active,

        @Schema(
                description = "First day the unit answers for its jurisdiction (inclusive); absent: since always.",
                examples = "2025-07-01")
        LocalDate validFrom,

        @Schema(description = "First day it no longer does (exclusive); absent: until further notice.")
        LocalDate validTo) {

    /** Codes appear in URLs and in other services' records: keep them plain. */
    public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
}
