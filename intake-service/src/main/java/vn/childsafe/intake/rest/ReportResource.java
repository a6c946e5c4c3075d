package vn.childsafe.intake.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.intake.report.Report;
import vn.childsafe.intake.report.ReportDetails;
import vn.childsafe.intake.report.ReportStatus;
import vn.childsafe.intake.report.ReportSubmission;
import vn.childsafe.intake.service.IdentityVault;
import vn.childsafe.intake.service.ReportIntake;
import vn.childsafe.intake.service.ReportSubmissions;

/** Where reports (phản ánh) enter ChildSafe. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Submit reports of online harm to children and follow their status.")
@SecurityRequirement(name = "SecurityScheme")
public class ReportResource {

    /** Header naming a client's retry-safe key for one submission. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Header set on an answer replayed for a repeated Idempotency-Key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    ReportIntake intake;

    @Inject
    ReportSubmissions submissions;

    @Inject
    IdentityVault vault;

    @Inject
    JsonWebToken caller;

    /** The status a sender sees. */
    @Schema(name = "ReportStatus")
    public record StatusView(
            UUID reportId,
            String trackingCode,
            ReportStatus status,
            UUID caseId,
            String leadAgencyCode,
            String leadAgencyName,
            Instant receivedAt,
            Instant statusChangedAt) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTER, Roles.PLATFORM})
    @Operation(
            summary = "Submit a report",
            description = "Accepts a report of online harm to a child. The report is stored before the answer is "
                    + "sent, so a 202 means it will be routed even if downstream systems are down. Reporter and "
                    + "victim identity and the description are encrypted at rest and never leave intake.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportSubmission.class),
                            examples = @ExampleObject(name = "111 hotline report", value = OpenApiExamples.REPORT)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted; routing follows.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportIntake.Accepted.class),
                            examples = @ExampleObject(name = "accepted", value = OpenApiExamples.ACCEPTED)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; every violation is listed with a JSON Pointer.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid", value = OpenApiExamples.PROBLEM_400)))
    @APIResponse(
            responseCode = "403",
            description = "The token's role may not submit reports.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_403)))
    @APIResponse(
            responseCode = "413",
            description = "The body is larger than 64 KiB.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_413)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_415)))
    @APIResponse(
            responseCode = "409",
            description = "A request with the same Idempotency-Key is still being processed.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_409)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was already used with a different body.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_422)))
    public Response submit(
            @Parameter(
                            description = "A key unique to this submission, chosen by the client (1..200 visible "
                                    + "ASCII characters), so that a retry after a lost answer creates no second report. Required "
                                    + "for role platform. Kept at least 24 h; scoped to the client.",
                            example = "tiktok-evt-82734")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @Valid @NotNull(message = "a JSON body is required") ReportSubmission submission) {
        checkIdempotencyKey(idempotencyKey);
        checkChannel(submission);
        ReportSubmissions.Outcome outcome = submissions.submit(submission, caller.getSubject(), idempotencyKey);
        Response.ResponseBuilder answer = Response.accepted(outcome.accepted())
                .location(URI.create("/api/v1/reports/" + outcome.accepted().reportId()));
        if (outcome.replayed()) {
            answer.header(REPLAYED, "true");
        }
        return answer.build();
    }

    /** WEB_PUBLIC marks unverified reports from the public page; a token holder must not pass for one. */
    private static void checkChannel(ReportSubmission submission) {
        if (submission.source() != null && submission.source().channel() == SourceChannel.WEB_PUBLIC) {
            throw ProblemException.badRequest(
                    "1 field(s) of the request are invalid.",
                    List.of(new Problem.FieldError(
                            "/source/channel", "WEB_PUBLIC is reserved for ChildSafe's public reporting page")));
        }
    }

    private void checkIdempotencyKey(String key) {
        if (key == null) {
            if (caller.getGroups().contains(Roles.PLATFORM)
                    && !caller.getGroups().contains(Roles.REPORTER)) {
                throw new ProblemException(
                        400,
                        "Invalid request",
                        "Platforms must send an Idempotency-Key header with every report.",
                        "idempotency-key-required",
                        null);
            }
            return;
        }
        if (!key.matches("[\\x21-\\x7E]{1,200}")) {
            throw new ProblemException(
                    400,
                    "Invalid request",
                    "The Idempotency-Key header must be 1..200 visible ASCII characters.",
                    "validation",
                    null);
        }
    }

    @GET
    @Path("{reportId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTER, Roles.PLATFORM})
    @Operation(
            summary = "Status of a report you submitted",
            description = "Only the client that submitted the report may read it; anyone else gets 404.")
    @APIResponse(
            responseCode = "200",
            description = "The report's status.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StatusView.class),
                            examples = @ExampleObject(name = "routed", value = OpenApiExamples.STATUS)))
    @APIResponse(
            responseCode = "403",
            description = "The token's role may not read report status.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_403)))
    @APIResponse(
            responseCode = "404",
            description = "No report with this id was submitted by you.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_404)))
    public StatusView status(@PathParam("reportId") UUID reportId) {
        Report report = intake.findForClient(reportId, caller.getSubject())
                .orElseThrow(() -> ProblemException.notFound("No report " + reportId + " was submitted by you."));
        return new StatusView(
                report.id,
                report.trackingCode,
                report.status,
                report.caseId,
                report.leadAgencyCode,
                report.leadAgencyName,
                report.receivedAt,
                report.statusChangedAt);
    }

    @GET
    @Path("{reportId}/details")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT, Roles.ADMIN})
    @Operation(
            summary = "A report with reporter and victim identity",
            description = "For units whose agency is assigned to the report's case (lead or supporting), and for "
                    + "admins. Every call, granted or not, is written to the access log. A reporter who asked to "
                    + "stay anonymous is not named to units. After a resolved case's retention period, identity "
                    + "and description are erased.")
    @APIResponse(
            responseCode = "200",
            description = "The report with identity.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportDetails.class)))
    @APIResponse(
            responseCode = "403",
            description = "The token's role may not read identities.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_403)))
    @APIResponse(
            responseCode = "404",
            description = "No such report, or your agency is not assigned to its case.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = OpenApiExamples.PROBLEM_404)))
    public ReportDetails details(@PathParam("reportId") UUID reportId) {
        boolean admin = caller.getGroups().contains(Roles.ADMIN);
        String agency = caller.getClaim(Roles.AGENCY_CLAIM);
        return vault.read(reportId, new IdentityVault.Reader(caller.getSubject(), admin, agency));
    }
}
