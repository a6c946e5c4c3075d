package vn.childsafe.intake.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.security.Roles;
import vn.childsafe.intake.report.AccessLogEntry;
import vn.childsafe.intake.service.IdentityVault;

/** Who read which report's identity, and when (nhật ký truy cập dữ liệu cá nhân). */
@Path("/api/v1/access-log")
@Tag(name = "Access log", description = "Every read of a report's identity, for admins and auditors.")
@SecurityRequirement(name = "SecurityScheme")
public class AccessLogResource {

    @Inject
    IdentityVault vault;

    /** One access. */
    @Schema(name = "AccessLogEntry")
    public record Entry(
            UUID reportId,
            String actor,
            String actorRole,
            String agencyCode,
            AccessLogEntry.Outcome outcome,
            Instant accessedAt) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Accesses to one report's identity",
            description =
                    "Every call of GET /api/v1/reports/{id}/details for this report, granted or refused, oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "The accesses.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Entry[].class)))
    @APIResponse(responseCode = "400", description = "reportId missing or not a UUID.")
    @APIResponse(responseCode = "403", description = "Only admins read the access log.")
    public List<Entry> list(@QueryParam("reportId") @NotNull(message = "is required") UUID reportId) {
        return vault.accessLog(reportId).stream()
                .map(e -> new Entry(e.reportId, e.actor, e.actorRole, e.agencyCode, e.outcome, e.accessedAt))
                .toList();
    }
}
