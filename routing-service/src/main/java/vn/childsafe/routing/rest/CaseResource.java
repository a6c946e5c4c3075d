package vn.childsafe.routing.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.routing.cases.CaseAccess;
import vn.childsafe.routing.cases.CasePage;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.CaseView;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.domain.CaseStatus;
import vn.childsafe.routing.service.CaseLifecycleService;
import vn.childsafe.routing.service.CaseQueryService;

/**
 * Cases (vụ việc): where each was routed, to which units, with which deadlines, why, and what happened since; and
 * the actions of the units working them. A unit sees and acts only on the cases its agency is currently assigned
 * to; anything else answers 404.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Routed cases, their assignments, timeline and lifecycle")
public class CaseResource {

    @Inject
    CaseQueryService cases;

    @Inject
    CaseLifecycleService lifecycle;

    @Inject
    Callers callers;

    @Inject
    RoutingConfig config;

    @GET
    @Path("/{caseId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.UNIT})
    @Operation(
            summary = "Read a case",
            description = "The case with its reports, resolved location, assignments (lead/support, agency, "
                    + "deadline, state, current and ended), timeline and routing explanation. A unit caller gets 404 "
                    + "unless its agency holds a current assignment on the case.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not assigned to the caller's agency")
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return cases.read(callers.scope(), callers.actor(), caseId)
                .orElseThrow(() -> ProblemException.notFound("No case " + caseId + "."));
    }

    /** One read of a case's details. */
    @Schema(name = "CaseAccess")
    public record AccessView(String actor, String agencyCode, CaseAccess.Outcome outcome, Instant accessedAt) {}

    @GET
    @Path("/{caseId}/access-log")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Who read a case",
            description = "Every read of this case's details (GET /api/v1/cases/{caseId}), oldest "
                    + "first: the actor (a unit's agency code, else the token's subject), its agency, and whether the "
                    + "case was shown or answered as unknown. Admins only, for audits.")
    @APIResponse(
            responseCode = "200",
            description = "The reads, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AccessView.class)))
    @APIResponse(responseCode = "400", description = "caseId is not a UUID")
    public List<AccessView> accessLog(@PathParam("caseId") UUID caseId) {
        return cases.accessLog(caseId).stream()
                .map(a -> new AccessView(a.actor, a.agencyCode, a.outcome, a.accessedAt))
                .toList();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.UNIT})
    @Operation(
            summary = "List cases",
            description = "One page of cases, newest first, filtered by report, status, assigned agency, province, "
                    + "category and creation time (`from` inclusive, `to` exclusive; an ISO instant or a date, read in "
                    + "Viet Nam's time zone). A unit caller sees only cases its agency is currently assigned to. "
                    + "`reportId` finds the case a report was routed to: a page of at most one case (read its details "
                    + "with GET /api/v1/cases/{caseId}).")
    @APIResponse(
            responseCode = "200",
            description = "A page of cases",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CasePage.class),
                            examples = {
                                @ExampleObject(name = "page", value = """
                            {"items": [{"caseId": "7c0e7f5e-3f0a-4b7e-9a55-1b1f0c9a1e11", "status": "ROUTED",
                              "category": "CSAM", "urgency": "NORMAL", "provinceCode": "01", "provinceName": "Hà Nội",
                              "ruleId": "R2", "leadAgencyCode": "CA-01",
                              "leadAckDeadline": "2026-11-20T04:00:00Z", "createdAt": "2026-11-20T03:00:00Z"}],
                             "page": 0, "size": 50, "total": 1}"""),
                                @ExampleObject(
                                        name = "no case for the report",
                                        summary =
                                                "reportId of a report not routed (yet), or of a case the caller cannot see",
                                        value = """
                            {"items": [], "page": 0, "size": 50, "total": 0}""")
                            }))
    @APIResponse(responseCode = "400", description = "Invalid filter, page or size")
    public CasePage list(
            @Parameter(description = "Only the case this report was routed to (a page of 0..1 cases)")
                    @QueryParam("reportId")
                    String reportId,
            @Parameter(description = "Only cases in this status", schema = @Schema(implementation = CaseStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Only cases this agency is currently assigned to") @QueryParam("agency")
                    String agency,
            @Parameter(description = "Only cases routed in this province (today's 2-digit code)")
                    @QueryParam("provinceCode")
                    String provinceCode,
            @Parameter(description = "Only cases of this category", schema = @Schema(implementation = Category.class))
                    @QueryParam("category")
                    String category,
            @Parameter(
                            description = "Created at or after (ISO instant, or date in Viet Nam)",
                            examples = @ExampleObject(name = "date", value = "2026-11-01"))
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Created before (ISO instant, or date in Viet Nam: that day is excluded)")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to " + CaseQueryService.MAX_PAGE_SIZE)
                    @QueryParam("size")
                    @DefaultValue("50")
                    int size) {
        CaseRepository.Filter filter = new CaseRepository.Filter(
                QueryParams.enumValue(CaseStatus.class, "status", status),
                QueryParams.text(agency),
                QueryParams.text(provinceCode),
                QueryParams.enumValue(Category.class, "category", category),
                QueryParams.instant("from", from, config.timeZone()),
                QueryParams.instant("to", to, config.timeZone()),
                reportId(reportId));
        return cases.list(callers.scope(), filter, page, size);
    }

    private static UUID reportId(String reportId) {
        if (reportId == null) {
            return null;
        }
        if (reportId.isBlank()) {
            throw ProblemException.badRequest("Query parameter reportId is empty.", null);
        }
        try {
            return UUID.fromString(reportId.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter reportId must be a UUID.", null);
        }
    }

    @POST
    @Path("/{caseId}/assignments/{assignmentId}/acknowledge")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(
            summary = "Acknowledge an assignment",
            description = "The assigned unit confirms it is working on the case. Allowed while the assignment is "
                    + "PENDING or ESCALATED; when the lead acknowledges, the case becomes ACKNOWLEDGED. Publishes "
                    + "`vn.childsafe.case.acknowledged.v1`.")
    @APIResponse(
            responseCode = "200",
            description = "The case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case or assignment of the caller's agency")
    @APIResponse(responseCode = "409", description = "Already acknowledged, ended, or the case is resolved")
    public CaseView acknowledge(@PathParam("caseId") UUID caseId, @PathParam("assignmentId") UUID assignmentId) {
        return lifecycle.acknowledge(callers.scope(), callers.actor(), caseId, assignmentId);
    }

    @POST
    @Path("/{caseId}/assignments/{assignmentId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(
            summary = "Decline an assignment",
            description = "The assigned unit cannot take the case. Its role passes to the next level up (its "
                    + "escalation parent, else commune → province → national); a national lead passes it to the 111 "
                    + "liaison and the case becomes ESCALATED. Publishes `vn.childsafe.case.declined.v1` with an "
                    + "alert for whoever takes over.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseActions.Decline.class),
                            examples =
                                    @ExampleObject(
                                            name = "outside jurisdiction",
                                            value = "{\"reason\": \"Địa bàn thuộc xã khác / not our commune\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing or too long")
    @APIResponse(responseCode = "404", description = "No such case or assignment of the caller's agency")
    @APIResponse(
            responseCode = "409",
            description = "Assignment acknowledged or ended, case resolved, or the 111 " + "liaison declining a lead")
    public CaseView decline(
            @PathParam("caseId") UUID caseId, @PathParam("assignmentId") UUID assignmentId, CaseActions.Decline body) {
        return lifecycle.decline(
                callers.scope(), callers.actor(), caseId, assignmentId, body == null ? null : body.reason());
    }

    @POST
    @Path("/{caseId}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(
            summary = "Transfer the lead",
            description = "The lead unit (or an admin) hands the lead to another registered, active agency, which "
                    + "gets a fresh deadline (or takes the lead with its existing support assignment). Publishes "
                    + "`vn.childsafe.case.transferred.v1` with a LEAD alert for the new lead.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseActions.Transfer.class),
                            examples =
                                    @ExampleObject(
                                            name = "to another province",
                                            value =
                                                    "{\"agencyCode\": \"CA-31\", \"reason\": \"Đối tượng cư trú tại Hải Phòng\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Agency or reason missing, or no active agency with that code")
    @APIResponse(responseCode = "403", description = "Not the lead unit")
    @APIResponse(responseCode = "404", description = "No such case, or not assigned to the caller's agency")
    @APIResponse(responseCode = "409", description = "Case resolved, or the agency already leads it")
    public CaseView transfer(@PathParam("caseId") UUID caseId, CaseActions.Transfer body) {
        return lifecycle.transfer(
                callers.scope(),
                callers.actor(),
                caseId,
                body == null ? null : body.agencyCode(),
                body == null ? null : body.reason());
    }

    @POST
    @Path("/{caseId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(
            summary = "Resolve the case",
            description = "The lead unit (or an admin) closes the case with an outcome; final. Publishes "
                    + "`vn.childsafe.case.resolved.v1`.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseActions.Resolve.class),
                            examples =
                                    @ExampleObject(
                                            name = "content removed",
                                            value =
                                                    "{\"outcome\": \"CONTENT_REMOVED\", \"note\": \"Nền tảng đã gỡ nội dung\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The resolved case",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Outcome missing or unknown, note too long")
    @APIResponse(responseCode = "403", description = "Not the lead unit")
    @APIResponse(responseCode = "404", description = "No such case, or not assigned to the caller's agency")
    @APIResponse(responseCode = "409", description = "The case is already resolved")
    public CaseView resolve(@PathParam("caseId") UUID caseId, CaseActions.Resolve body) {
        return lifecycle.resolve(
                callers.scope(),
                callers.actor(),
                caseId,
                body == null ? null : body.outcome(),
                body == null ? null : body.note());
    }
}
