package vn.childsafe.notify.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.security.Roles;
import vn.childsafe.notify.service.TakedownQueryService;
import vn.childsafe.notify.takedown.ManualTask;

/** {@code /api/v1/manual-tasks}: content URLs no registered platform hosts, for the information unit to handle. */
@Path("/api/v1/manual-tasks")
@Tag(name = "Takedowns")
@Produces(MediaType.APPLICATION_JSON)
public class ManualTaskResource {

    /** A manual takedown task. */
    @Schema(name = "ManualTask")
    public record ManualTaskView(
            UUID id, UUID caseId, String url, String agencyCode, String reason, Instant createdAt) {

        static ManualTaskView of(ManualTask m) {
            return new ManualTaskView(m.id, m.caseId, m.url, m.agencyCode, m.reason, m.createdAt);
        }
    }

    @Inject
    TakedownQueryService takedowns;

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.UNIT})
    @Operation(
            summary = "List manual takedown tasks",
            description = "Newest first (at most 500). A unit sees "
                    + "only the tasks assigned to its agency (JWT claim 'agency').")
    @APIResponse(
            responseCode = "200",
            description = "The tasks.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ManualTaskView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "caseId is not a UUID.")
    @APIResponse(responseCode = "403", description = "The caller is not ops, admin or a unit.")
    public List<ManualTaskView> list(
            @Parameter(
                            description = "Only the tasks of this case.",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("caseId")
                    String caseId) {
        UUID id = CaseIdParam.parse(caseId);
        String agency = null;
        if (!jwt.getGroups().contains(Roles.OPS) && !jwt.getGroups().contains(Roles.ADMIN)) {
            agency = jwt.getClaim(Roles.AGENCY_CLAIM);
            if (agency == null) {
                return List.of();
            }
        }
        return takedowns.manualTasks(id, agency, 500).stream()
                .map(ManualTaskView::of)
                .toList();
    }
}
