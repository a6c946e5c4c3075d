package vn.childsafe.notify.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.notify.service.ContactPointService;

/**
 * {@code /api/v1/contact-points/{agencyCode}}: how each agency is reached (đầu mối liên lạc). Routing decides
 * who acts; this says where their alerts go. {@code HOTLINE_111} is the 111 liaison's contact point.
 */
@Path("/api/v1/contact-points/{agencyCode}")
@Tag(name = "Contact points", description = "Webhook URL, signing secrets, e-mails and SMS numbers per agency.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ContactPointResource {

    private static final String EXAMPLE_REQUEST = """
            {"webhookUrl": "https://cand.hanoi.gov.vn/childsafe/hooks",
             "secrets": ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
             "emails": ["truc-ban@cand.hanoi.gov.vn"],
             "smsNumbers": ["+84912345678"]}""";

    private static final String EXAMPLE_VIEW = """
            {"agencyCode": "CA-01", "webhookUrl": "https://cand.hanoi.gov.vn/childsafe/hooks",
             "secretCount": 1, "secretFingerprints": ["sha256:3f9a0c1d22b7e4a5"],
             "emails": ["truc-ban@cand.hanoi.gov.vn"], "smsNumbers": ["+84912345678"],
             "createdAt": "2026-11-20T03:00:00Z", "updatedAt": "2026-11-20T03:00:00Z"}""";

    @Inject
    ContactPointService contactPoints;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(
            summary = "Read an agency's contact point",
            description = "Secrets are never returned: only how many there are and their fingerprints.")
    @APIResponse(
            responseCode = "200",
            description = "The contact point.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContactPointView.class),
                            examples = @ExampleObject(name = "contactPoint", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin.")
    @APIResponse(responseCode = "404", description = "The agency has no contact point.")
    public ContactPointView get(
            @Parameter(description = "Agency code as routing-service knows it, or HOTLINE_111.", example = "CA-01")
                    @PathParam("agencyCode")
                    String agencyCode) {
        return ContactPointView.of(contactPoints.get(agencyCode));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace an agency's contact point",
            description = "Idempotent: the body is the whole contact point. A webhookUrl needs at least one "
                    + "secret. To rotate a secret, PUT both the new and the old one, let the unit switch, then PUT "
                    + "the new one alone. Pending deliveries use the new values at their next attempt.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContactPointRequest.class),
                            examples = @ExampleObject(name = "webhook", value = EXAMPLE_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The contact point was replaced.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContactPointView.class),
                            examples = @ExampleObject(name = "contactPoint", value = EXAMPLE_VIEW)))
    @APIResponse(
            responseCode = "201",
            description = "The contact point was created.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContactPointView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body; errors[].pointer names each invalid field.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid webhook URL", value = """
                            {"title": "Invalid request", "status": 400,
                             "detail": "1 field(s) of the request are invalid.",
                             "errors": [{"pointer": "/webhookUrl", "message": "is not a valid webhook URL"}]}""")))
    @APIResponse(responseCode = "403", description = "The caller is not an admin.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    public Response put(
            @Parameter(description = "Agency code as routing-service knows it, or HOTLINE_111.", example = "CA-01")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Valid @NotNull(message = "a JSON body is required") ContactPointRequest body) {
        body.rejectUnknownFields("a contact point");
        ContactPointService.Saved saved = contactPoints.put(
                agencyCode,
                new ContactPointService.Definition(body.webhookUrl, body.secrets, body.emails, body.smsNumbers));
        ContactPointView view = ContactPointView.of(saved.contactPoint());
        if (saved.created()) {
            URI location = uriInfo.getAbsolutePath();
            return Response.created(location).entity(view).build();
        }
        return Response.ok(view).build();
    }
}
