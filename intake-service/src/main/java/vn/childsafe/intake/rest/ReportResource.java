package vn.childsafe.intake.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.intake.report.Report;
import vn.childsafe.intake.report.ReportStatus;
import vn.childsafe.intake.service.ReportIntake;

/** Where reports (phản ánh) enter ChildSafe. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Submit reports of online harm to children and follow their status.")
@SecurityRequirement(name = "SecurityScheme")
public class ReportResource {

    @Inject
    ReportIntake intake;

    @Inject
    JsonWebToken caller;

    /** The status a sender sees. */
    @Schema(name = "ReportStatus")
    public record StatusView(UUID reportId, String trackingCode, ReportStatus status, Instant receivedAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTER, Roles.PLATFORM})
    @Operation(summary = "Submit a report",
            description = "Accepts a report of online harm to a child. The report is stored before the answer is "
                    + "sent, so a 202 means it will be routed even if downstream systems are down. Reporter and "
                    + "victim identity and the description are encrypted at rest and never leave intake.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportSubmission.class),
            examples = @ExampleObject(name = "111 hotline report", value = OpenApiExamples.REPORT)))
    @APIResponse(responseCode = "202", description = "Accepted; routing follows.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportIntake.Accepted.class),
                    examples = @ExampleObject(name = "accepted", value = OpenApiExamples.ACCEPTED)))
    @APIResponse(responseCode = "400", description = "The body is invalid; every violation is listed with a JSON Pointer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = OpenApiExamples.PROBLEM_400)))
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token's role may not submit reports.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull(message = "a JSON body is required") ReportSubmission submission) {
        ReportIntake.Accepted accepted = intake.accept(submission, caller.getSubject());
        return Response.accepted(accepted).location(URI.create("/api/v1/reports/" + accepted.reportId())).build();
    }

    @GET
    @Path("{reportId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTER, Roles.PLATFORM})
    @Operation(summary = "Status of a report you submitted",
            description = "Only the client that submitted the report may read it; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The report's status.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusView.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token's role may not read report status.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report with this id was submitted by you.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatusView status(@PathParam("reportId") UUID reportId) {
        Report report = intake.findForClient(reportId, caller.getSubject())
                .orElseThrow(() -> ProblemException.notFound("No report " + reportId + " was submitted by you."));
        return new StatusView(report.id, report.trackingCode, report.status, report.receivedAt);
    }
}
