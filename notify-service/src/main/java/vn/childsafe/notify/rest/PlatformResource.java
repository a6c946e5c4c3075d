package vn.childsafe.notify.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.notify.service.PlatformService;

/** {@code /api/v1/platforms}: the platforms that receive takedown requests (admin). */
@Path("/api/v1/platforms")
@Tag(name = "Platforms", description = "Online platforms, their domains and takedown endpoints.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PlatformResource {

    static final String EXAMPLE_REQUEST = """
            {"code": "TIKTOK", "name": "TikTok Việt Nam", "domains": ["tiktok.com", "tiktokv.com"],
             "takedownUrl": "https://trust.tiktok.com/childsafe/takedowns",
             "secrets": ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]}""";
    static final String EXAMPLE_VIEW = """
            {"code": "TIKTOK", "name": "TikTok Việt Nam", "domains": ["tiktok.com", "tiktokv.com"],
             "takedownUrl": "https://trust.tiktok.com/childsafe/takedowns", "secretCount": 1,
             "secretFingerprints": ["sha256:3f9a0c1d22b7e4a5"],
             "createdAt": "2026-11-20T03:00:00Z", "updatedAt": "2026-11-20T03:00:00Z"}""";

    @Inject
    PlatformService platforms;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List platforms", description = "Ordered by code. Secrets appear only as fingerprints.")
    @APIResponse(
            responseCode = "200",
            description = "The platforms.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlatformView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin.")
    public List<PlatformView> list() {
        return platforms.list().stream().map(PlatformView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(
            summary = "Read a platform",
            description = "The platform's domains, its takedown endpoint and the "
                    + "fingerprints of its signing secrets, never the secrets themselves.")
    @APIResponse(
            responseCode = "200",
            description = "The platform.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlatformView.class),
                            examples = @ExampleObject(name = "platform", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin.")
    @APIResponse(responseCode = "404", description = "No such platform.")
    public PlatformView get(@PathParam("code") String code) {
        return PlatformView.of(platforms.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a platform",
            description = "The takedown URL must be https to a public "
                    + "address (see the outbound rules); domains are stored lower-case without www. and m.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlatformRequest.class),
                            examples = @ExampleObject(name = "tiktok", value = EXAMPLE_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Registered.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlatformView.class),
                            examples = @ExampleObject(name = "platform", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[].pointer names each invalid field.")
    @APIResponse(responseCode = "403", description = "The caller is not an admin.")
    @APIResponse(responseCode = "409", description = "A platform with this code exists (use PUT).")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    public Response create(
            @Valid @ConvertGroup(to = PlatformRequest.OnCreate.class) @NotNull(message = "a JSON body is required")
                    PlatformRequest body) {
        body.rejectUnknownFields("a platform");
        PlatformView view = PlatformView.of(platforms.create(body.code, definition(body)));
        return Response.created(URI.create(uriInfo.getAbsolutePath() + "/" + view.code()))
                .entity(view)
                .build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace a platform",
            description =
                    "Idempotent; the body is the whole "
                            + "platform. To rotate a secret, PUT the new and the old one, let the platform switch, then the new one.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlatformRequest.class),
                            examples = @ExampleObject(name = "tiktok", value = EXAMPLE_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlatformView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlatformView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[].pointer names each invalid field.")
    @APIResponse(responseCode = "403", description = "The caller is not an admin.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    public Response put(
            @PathParam("code") String code, @Valid @NotNull(message = "a JSON body is required") PlatformRequest body) {
        body.rejectUnknownFields("a platform");
        if (body.code != null && !body.code.equals(code)) {
            throw ProblemException.badRequest(
                    "The code in the body differs from the path.",
                    List.of(new Problem.FieldError("/code", "must be omitted or equal the path's code")));
        }
        PlatformService.Saved saved = platforms.put(code, definition(body));
        PlatformView view = PlatformView.of(saved.platform());
        return saved.created()
                ? Response.created(uriInfo.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    private static PlatformService.Definition definition(PlatformRequest body) {
        return new PlatformService.Definition(body.name, body.domains, body.takedownUrl, body.secrets);
    }
}
