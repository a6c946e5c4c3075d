package vn.childsafe.routing.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.routing.cases.CaseView;
import vn.childsafe.routing.service.CaseQueryService;

/**
 * Read access to cases (vụ việc): where each was routed, to which units, with which deadlines, and why. A unit
 * sees only the cases its agency is assigned to.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Routed cases, their assignments and routing explanation")
public class CaseResource {

    @Inject
    CaseQueryService cases;

    @Inject
    Callers callers;

    @GET
    @Path("/{caseId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.UNIT })
    @Operation(summary = "Read a case",
            description = "The case with its reports, resolved location, assignments (lead/support, agency, "
                    + "deadline, state) and routing explanation. A unit caller gets 404 unless its agency holds an "
                    + "assignment on the case.")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not assigned to the caller's agency",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return cases.get(callers.scope(), caseId);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.UNIT })
    @Operation(summary = "Find the case of a report",
            description = "The case a report was routed to, as a list of zero or one case. `reportId` is required "
                    + "for now; the filtered, paged case list comes in a later version.")
    @APIResponse(responseCode = "200", description = "Zero or one case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "reportId missing or not a UUID",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<CaseView> byReport(
            @Parameter(description = "The report id intake returned", required = true) @QueryParam("reportId")
            String reportId) {
        if (reportId == null || reportId.isBlank()) {
            throw ProblemException.badRequest("Query parameter reportId is required.", null);
        }
        UUID id;
        try {
            id = UUID.fromString(reportId.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter reportId must be a UUID.", null);
        }
        return cases.byReport(callers.scope(), id);
    }
}
