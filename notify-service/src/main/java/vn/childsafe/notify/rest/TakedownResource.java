package vn.childsafe.notify.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.notify.config.TakedownConfig;
import vn.childsafe.notify.domain.TakedownResult;
import vn.childsafe.notify.service.TakedownQueryService;
import vn.childsafe.notify.service.TakedownResultService;
import vn.childsafe.notify.takedown.TakedownRequest;

/** {@code /api/v1/takedown-requests}: platforms post their results; ops read the requests of a case. */
@Path("/api/v1/takedown-requests")
@Tag(name = "Takedowns", description = "Takedown requests to platforms (Nghị định 147/2024/NĐ-CP) and results.")
@Produces(MediaType.APPLICATION_JSON)
public class TakedownResource {

    /** Body of a result. */
    @Schema(name = "TakedownResultRequest")
    public record ResultRequest(
            @Schema(required = true, description = "What the platform did.")
            @NotNull(message = "is required: REMOVED, RESTRICTED, REJECTED or NOT_FOUND")
            TakedownResult result,

            @Schema(
                    required = true,
                    description = "When it acted (not in the future).",
                    examples = "2026-11-20T09:30:00Z")
            @NotNull(message = "is required")
            Instant actedAt,

            @Schema(description = "Optional note, e.g. why a request was rejected; no personal data.", maxLength = 2000)
            @Size(max = 2000, message = "at most 2000 characters")
            String note) {}

    /** A takedown request as platforms and ops see it. */
    @Schema(name = "TakedownRequest")
    public record TakedownView(
            UUID id,
            UUID caseId,
            String platformCode,
            String url,
            String legalBasis,
            Instant requestedAt,
            Instant deadline,
            int notices,
            Instant nextNoticeAt,
            Instant escalatedAt,
            TakedownResult result,
            Instant actedAt,
            String note,
            Instant resultReceivedAt) {

        static TakedownView of(TakedownRequest t, String legalBasis) {
            return new TakedownView(
                    t.id,
                    t.caseId,
                    t.platformCode,
                    t.url,
                    legalBasis,
                    t.requestedAt,
                    t.deadline,
                    t.notices,
                    t.nextNoticeAt,
                    t.escalatedAt,
                    t.result,
                    t.actedAt,
                    t.resultNote,
                    t.resultReceivedAt);
        }
    }

    private static final String EXAMPLE_RESULT = """
            {"result": "REMOVED", "actedAt": "2026-11-20T09:30:00Z", "note": "Video removed worldwide."}""";
    private static final String EXAMPLE_VIEW = """
            {"id": "5b0c3c1e-9a51-4c43-8b0e-2a7f3f4f0a11", "caseId": "0d9f6b8e-3c2a-4e55-9f0e-6b1c2d3e4f50",
             "platformCode": "TIKTOK", "url": "https://www.tiktok.com/@x/video/7300000000000000000",
             "legalBasis": "Nghị định 147/2024/NĐ-CP", "requestedAt": "2026-11-20T03:00:00Z",
             "deadline": "2026-11-21T03:00:00Z", "notices": 1,
             "result": "REMOVED", "actedAt": "2026-11-20T09:30:00Z", "note": "Video removed worldwide.",
             "resultReceivedAt": "2026-11-20T09:31:02Z"}""";

    @Inject
    TakedownResultService results;

    @Inject
    TakedownQueryService takedowns;

    @Inject
    JsonWebToken jwt;

    @Inject
    TakedownConfig config;

    @POST
    @Path("/{id}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM)
    @Operation(
            summary = "Post the result of a takedown request",
            description = "Only the platform the request was sent to (JWT claim 'platform') may post; for any "
                    + "other caller the request does not exist (404). Posting the same result again answers 200 "
                    + "and changes nothing; a different result once one is recorded is a 409. A result stops the "
                    + "re-notices.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResultRequest.class),
                            examples = @ExampleObject(name = "removed", value = EXAMPLE_RESULT)))
    @APIResponse(
            responseCode = "200",
            description = "The result is recorded.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TakedownView.class),
                            examples = @ExampleObject(name = "removed", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[].pointer names each invalid field.")
    @APIResponse(responseCode = "403", description = "The caller is not a platform.")
    @APIResponse(responseCode = "404", description = "No such request for this platform.")
    @APIResponse(responseCode = "409", description = "A different result was already recorded.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    public TakedownView postResult(
            @Parameter(
                            description = "takedownRequestId from the request.",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Valid @NotNull(message = "a JSON body is required") ResultRequest body) {
        UUID requestId = parseId(id);
        String platform = jwt.getClaim(Roles.PLATFORM_CLAIM);
        return TakedownView.of(
                results.recordResult(platform, requestId, body.result(), body.actedAt(), body.note()),
                config.legalBasis());
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(summary = "List the takedown requests of a case", description = "Oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "The requests.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TakedownView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "caseId is missing or not a UUID.")
    @APIResponse(responseCode = "403", description = "The caller is neither ops nor admin.")
    public List<TakedownView> ofCase(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("caseId")
                    String caseId) {
        if (caseId == null) {
            throw ProblemException.badRequest(
                    "caseId is required.", List.of(new Problem.FieldError("/caseId", "is required")));
        }
        return takedowns.ofCase(CaseIdParam.parse(caseId)).stream()
                .map(t -> TakedownView.of(t, config.legalBasis()))
                .toList();
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No takedown request " + id + " for this platform.");
        }
    }
}
