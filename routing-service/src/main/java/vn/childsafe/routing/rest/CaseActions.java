package vn.childsafe.routing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.routing.domain.CaseOutcome;

/** Request bodies of the case actions. */
final class CaseActions {

    private CaseActions() {}

    /** Why a unit declines its assignment. */
    @Schema(name = "DeclineRequest")
    record Decline(
            @Schema(
                    description = "Why the unit cannot take the case (1..1000 characters, no personal data)",
                    examples = "Vụ việc ngoài địa bàn phụ trách / outside our jurisdiction")
            String reason) {}

    /** To which agency the lead passes, and why. */
    @Schema(name = "TransferRequest")
    record Transfer(
            @Schema(description = "Code of a registered, active agency", examples = "CA-31")
            String agencyCode,

            @Schema(description = "Why (1..1000 characters, no personal data)")
            String reason) {}

    /** How the case ends. */
    @Schema(name = "ResolveRequest")
    record Resolve(
            CaseOutcome outcome,

            @Schema(description = "Optional note (at most 2000 characters, no personal data)")
            String note) {}
}
