package vn.childsafe.notify.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.notify.service.TakedownQueryService;
import vn.childsafe.notify.takedown.Compliance;

/** {@code /api/v1/platform-compliance}: how well each platform meets the 24 h deadline (ops, admin). */
@Path("/api/v1/platform-compliance")
@Tag(name = "Takedowns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class ComplianceResource {

    private static final String EXAMPLE = """
            [{"platformCode": "TIKTOK", "platformName": "TikTok Việt Nam", "requests": 120, "answered": 118,
              "removedWithinDeadline": 111, "removedWithinDeadlinePercent": 92.5,
              "medianSecondsToRemoval": 14400, "p90SecondsToRemoval": 79200}]""";

    @Inject
    TakedownQueryService takedowns;

    @GET
    @Operation(
            summary = "Takedown compliance per platform",
            description = "For requests sent in [from, to) (default: everything): requests, results received, "
                    + "removed or restricted within the 24 h deadline (count and share of all requests), and "
                    + "the median and 90th percentile seconds from request to removal or restriction.")
    @APIResponse(
            responseCode = "200",
            description = "One row per registered platform.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Compliance.class, type = SchemaType.ARRAY),
                            examples = @ExampleObject(name = "compliance", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant.")
    @APIResponse(responseCode = "403", description = "The caller is neither ops nor admin.")
    public List<Compliance> compliance(
            @Parameter(example = "2026-01-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(example = "2027-01-01T00:00:00Z") @QueryParam("to") String to) {
        return takedowns.compliance(
                instant("from", from, Instant.EPOCH), instant("to", to, Instant.parse("9999-12-31T00:00:00Z")));
    }

    private static Instant instant(String name, String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    name + " is not an ISO-8601 instant.",
                    List.of(new Problem.FieldError("/" + name, "must be an instant such as 2026-01-01T00:00:00Z")));
        }
    }
}
